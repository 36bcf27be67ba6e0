import { getInbox, markInbox } from "@/lib/webhooks/inbox";
import { channelFor, emit, handleInboundMessage, handleStatus, type InboundOutcome } from "./inbound";
import type { ChannelRow } from "./store";
import { parseWhatsAppWebhook } from "./whatsapp-cloud";
import type { InboundEvent } from "./types";

type Parser = { provider: ChannelRow["provider"]; parse: (body: unknown, inboxChannelId: string | null) => InboundEvent[] };

// Inbox sources whose events are shopper messages and delivery statuses.
const messageSources: Record<string, Parser> = {
  whatsapp: { provider: "whatsapp_cloud", parse: (body) => parseWhatsAppWebhook(body) },
};

export function registerMessageSource(source: string, parser: Parser) {
  messageSources[source] = parser;
}

/** Processes one acknowledged webhook; safe to run again (every write below is idempotent). */
export async function processInbox(inboxId: string): Promise<InboundOutcome & { skipped?: string }> {
  const out: InboundOutcome = { stored: 0, duplicates: 0, statuses: 0, events: [] };
  const row = await getInbox(inboxId);
  if (!row) return { ...out, skipped: "missing" };
  if (row.status === "processed" || row.status === "ignored") return { ...out, skipped: row.status };
  const source = messageSources[row.source];
  if (!source) return { ...out, skipped: `no processor for ${row.source}` };
  const events = source.parse(JSON.parse(row.rawBody), row.channelId);
  const cache = new Map<string, ChannelRow | null>();
  for (const event of events) {
    const channel = await channelFor(source.provider, event.channelKey, cache);
    if (!channel) continue;
    if (event.kind === "message") await handleInboundMessage(channel, event, out);
    else await handleStatus(channel, event, out);
  }
  await emit(out.events);
  await markInbox(inboxId, "processed");
  return out;
}
