import { z } from "zod";
import { conversationModes, leadSources, leadStages } from "@/db/schema";
import type { InboxFilter } from "@/lib/inbox/query";

const schema = z.object({
  q: z.string().trim().max(80).optional().catch(undefined),
  source: z.enum(leadSources).optional().catch(undefined),
  stage: z.enum(leadStages).optional().catch(undefined),
  assigned: z.enum(["me", "unassigned", "any"]).optional().catch(undefined),
  mode: z.enum(conversationModes).optional().catch(undefined),
  hot: z.enum(["1"]).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});

export type InboxParams = z.infer<typeof schema>;

export function parseInboxParams(raw: Record<string, string | string[] | undefined>): InboxParams {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return schema.parse(flat);
}

export function toFilter(p: InboxParams): InboxFilter {
  return { q: p.q, source: p.source, stage: p.stage, assigned: p.assigned, mode: p.mode, hot: p.hot === "1" };
}

/** The current filters as a query string, so links keep them (the cursor only when asked). */
export function inboxQuery(p: InboxParams, extra: Record<string, string> = {}): string {
  const { cursor: _cursor, ...filters } = p;
  const entries = Object.entries({ ...filters, ...extra }).filter((e): e is [string, string] => Boolean(e[1]));
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}

