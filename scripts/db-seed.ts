import { getDbHandle } from "../db/client";
import { ensureDemoData } from "../db/seed";

const handle = await getDbHandle();
const seeded = await ensureDemoData();
console.log(seeded.length ? `seeded: ${seeded.join(", ")}` : "demo tenants already present");
await handle.close();
