import { getDbHandle } from "../db/client";

const handle = await getDbHandle();
console.log(`migrations applied (${handle.kind})`);
await handle.close();
