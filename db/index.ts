export { getSystemDb, getDbHandle, type Db, type Tx } from "./client";
export { withTenant } from "./tenant";
export * as schema from "./schema";
