import { getInbox, markInbox, type InboxRow } from "@/lib/webhooks/inbox";
import { channelFor, emit, handleInboundMessage, handleStatus, type InboundOutcome } from "./inbound";
import { findChannelById, type ChannelRow } from "./store";
import { parseWhatsAppWebhook } from "./whatsapp-cloud";
import { parseWahaWebhook } from "./waha";
import { parseFonnteWebhook } from "./fonnte";
import { processFacebookLead } from "./facebook-leads";
import { processInboundEmail } from "./email-inbound";
import type { InboundEvent } from "./types";
import { parseStoredJson } from "@/lib/webhooks/body";

// `byInboxChannel`: the webhook URL named the channel, so the inbox row says which one it is.
type Parser = { provider: ChannelRow["provider"]; parse: (body: unknown, inboxChannelId: string | null) => InboundEvent[]; byInboxChannel?: boolean };

// Inbox sources whose events are shopper messages and delivery statuses.
const messageSources: Record<string, Parser> = {
  whatsapp: { provider: "whatsapp_cloud", parse: (body) => parseWhatsAppWebhook(body) },
  waha: { provider: "waha", parse: (body) => parseWahaWebhook(body), byInboxChannel: true },
  fonnte: { provider: "fonnte", parse: (body) => parseFonnteWebhook(body), byInboxChannel: true },
};

// Sources that become leads in their own way (a Graph API fetch, an e-mail layout); `ignored` says why nothing was made.
type RowProcessor = (row: InboxRow, out: InboundOutcome) => Promise<{ ignored?: string } | void>;
const rowProcessors: Record<string, RowProcessor> = { facebook: processFacebookLead, email: processInboundEmail };

export function registerMessageSource(source: string, parser: Parser) {
  messageSources[source] = parser;
}

/** Processes one acknowledged webhook; safe to run again (every write below is idempotent). */
export async function processInbox(inboxId: string): Promise<InboundOutcome & { skipped?: string }> {
  const out: InboundOutcome = { stored: 0, duplicates: 0, statuses: 0, events: [] };
  const row = await getInbox(inboxId);
  if (!row) return { ...out, skipped: "missing" };
  if (row.status === "processed" || row.status === "ignored") return { ...out, skipped: row.status };
  const custom = rowProcessors[row.source];
  if (custom) {
    // A failure throws before the row is marked, so the retry (or the sweeper) tries again.
    const result = await custom(row, out);
    await emit(out.events);
    await markInbox(inboxId, result?.ignored ? "ignored" : "processed", result?.ignored);
    return { ...out, ...(result?.ignored ? { skipped: result.ignored } : {}) };
  }
  const source = messageSources[row.source];
  if (!source) return { ...out, skipped: `no processor for ${row.source}` };
  const events = source.parse(parseStoredJson(row.rawBody), row.channelId);
  const cache = new Map<string, ChannelRow | null>();
  const urlChannel = source.byInboxChannel && row.channelId ? await findChannelById(row.channelId) : null;
  for (const event of events) {
    const channel = source.byInboxChannel ? urlChannel : await channelFor(source.provider, event.channelKey, cache);
    if (!channel) continue;
    if (event.kind === "message") await handleInboundMessage(channel, event, out);
    else await handleStatus(channel, event, out);
  }
  await emit(out.events);
  await markInbox(inboxId, "processed");
  return out;
}
