import { Inngest } from "inngest";
import { env } from "@/lib/env";

// In embedded mode this client never sends: inngest/dispatch.ts routes events to the in-process runner.
export const inngest = new Inngest({ id: "forecourt", isDev: env().INNGEST_DEV ? true : undefined });
