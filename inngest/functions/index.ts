import { recordUsageFn } from "./record-usage";

// Every function the app serves (Inngest) or runs in-process (embedded mode).
export const functions = [recordUsageFn];
