import { createHash } from "node:crypto";
import { and, desc, eq, isNull, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads, messages } from "@/db/schema";
import { findOrCreateConversation, recordInboundMessage, type Conversation } from "@/lib/conversations";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead, leadCreatedEvent } from "@/lib/leads/leads";
import { getTenantById, type Tenant } from "@/lib/tenancy";
import type { InboxRow } from "@/lib/webhooks/inbox";
import { htmlToText, parseAddress, parseLeadEmail, stripQuotedReply } from "./email-parse";
import type { InboundOutcome } from "./inbound";
import { normalizeEmail, normalizePhone } from "./phone";
import { resolveVehicleReference } from "./vehicle-reference";
import { parseStoredJson } from "@/lib/webhooks/body";

const address = z.string().trim().min(3).max(500);
/** CONTRACTS §3: `{ from, to, subject, text, html }`; `messageId` and `inReplyTo` when the relay passes them. */
export const inboundEmailSchema = z.object({
  from: address,
  to: z.union([address, z.array(address)]).optional(),
  subject: z.string().max(1000).default(""),
  text: z.string().optional(),
  html: z.string().optional(),
  messageId: z.string().trim().min(1).max(1000).optional(),
  inReplyTo: z.string().trim().max(1000).optional(),
}).refine((m) => Boolean(m.text?.trim() || m.html?.trim()), { message: "needs a text or html body", path: ["text"] });
export type InboundEmail = z.infer<typeof inboundEmailSchema>;

/** Without a Message-ID the exact bytes identify a redelivery. */
export const emailKey = (mail: InboundEmail, raw: string) => mail.messageId ?? `sha256:${createHash("sha256").update(raw).digest("hex")}`;

type Stored = { leadId: string; created: boolean } | null;

/** A portal's lead e-mail becomes a lead; any other e-mail joins the sender's conversation (or starts one). */
export async function processInboundEmail(row: InboxRow, out: InboundOutcome): Promise<{ ignored?: string } | void> {
  const tenant = row.scopeTenantId ? await getTenantById(row.scopeTenantId) : null;
  if (!tenant) return { ignored: "tenant not found" };
  const parsed = inboundEmailSchema.safeParse(parseStoredJson(row.rawBody));
  if (!parsed.success) return { ignored: "not an e-mail payload" };
  const mail = parsed.data;
  const key = emailKey(mail, row.rawBody);
  const text = mail.text?.trim() || htmlToText(mail.html ?? "");
  const sender = parseAddress(mail.from);
  const lead = parseLeadEmail(text);
  const meta = { email: { from: mail.from, to: mail.to ?? null, subject: mail.subject, messageId: key, inReplyTo: mail.inReplyTo ?? null } };

  const result = await withTenant(tenant.id, async (tx): Promise<Stored | "duplicate" | "ignored"> => {
    const [seen] = await tx.select({ id: messages.id }).from(messages)
      .where(and(eq(messages.tenantId, tenant.id), isNull(messages.channelId), eq(messages.providerMessageId, key))).limit(1);
    if (seen) return "duplicate";
    if (lead.isLead) {
      const f = lead.fields;
      const contact = await upsertContact(tx, tenant.id, {
        phone: normalizePhone(f.phone, tenant.country), email: normalizeEmail(f.email), name: f.name ?? null, language: lead.language,
      });
      const vehicleId = (await resolveVehicleReference(tx, tenant.id, f.vehicle)) ?? (await resolveVehicleReference(tx, tenant.id, mail.subject));
      const r = await findOrCreateOpenLead(tx, tenant.id, contact.id, {
        source: "email", vehicleId, notes: f.message ?? null, rawAnswers: { email: { from: mail.from, subject: mail.subject, fields: f } },
      });
      const conversation = await findOrCreateConversation(tx, tenant.id, { contactId: contact.id, leadId: r.lead.id, channelId: null, medium: "email" });
      await recordInboundMessage(tx, tenant.id, { conversation, channelId: null, providerMessageId: key, type: "text", body: f.message || mail.subject || text, meta: { ...meta, leadEmail: f } });
      return { leadId: r.lead.id, created: r.created };
    }
    if (!sender.email) return "ignored";
    const { conversation, created } = await replyConversation(tx, tenant, mail, sender);
    await recordInboundMessage(tx, tenant.id, { conversation, channelId: null, providerMessageId: key, type: "text", body: stripQuotedReply(text) || mail.subject, meta });
    return conversation.leadId ? { leadId: conversation.leadId, created } : null;
  });
  if (result === "ignored") return { ignored: "neither a lead e-mail nor a sender address to reply to" };
  if (result === "duplicate") {
    out.duplicates++;
    return;
  }
  out.stored++;
  if (result?.created) out.events.push(leadCreatedEvent(tenant.id, result.leadId, "email"));
}

/** The thread it answers (In-Reply-To), else the sender's own conversation; an unknown sender is a new inquiry. */
async function replyConversation(tx: Tx, tenant: Tenant, mail: InboundEmail, sender: { name: string | null; email: string | null }): Promise<{ conversation: Conversation; created: boolean }> {
  if (mail.inReplyTo) {
    const [thread] = await tx.select({ conversation: conversations }).from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.tenantId, tenant.id), isNull(messages.channelId), eq(messages.providerMessageId, mail.inReplyTo))).limit(1);
    if (thread) return { conversation: thread.conversation, created: false };
  }
  const [known] = await tx.select().from(contacts).where(and(eq(contacts.tenantId, tenant.id), eq(contacts.email, sender.email!))).limit(1);
  if (known) {
    const [open] = await tx.select({ id: leads.id }).from(leads)
      .where(and(eq(leads.tenantId, tenant.id), eq(leads.contactId, known.id), notInArray(leads.stage, ["won", "lost"])))
      .orderBy(desc(leads.lastActivityAt)).limit(1);
    const [recent] = await tx.select().from(conversations)
      .where(and(eq(conversations.tenantId, tenant.id), eq(conversations.contactId, known.id)))
      .orderBy(sql`${conversations.medium} = 'email' desc`, desc(conversations.lastMessageAt)).limit(1);
    if (recent?.medium === "email") return { conversation: recent, created: false };
    const conversation = await findOrCreateConversation(tx, tenant.id, { contactId: known.id, leadId: open?.id ?? recent?.leadId ?? null, channelId: null, medium: "email" });
    return { conversation, created: false };
  }
  const contact = await upsertContact(tx, tenant.id, { email: sender.email, name: sender.name });
  const { lead, created } = await findOrCreateOpenLead(tx, tenant.id, contact.id, { source: "email", rawAnswers: { email: { from: mail.from, subject: mail.subject } } });
  const conversation = await findOrCreateConversation(tx, tenant.id, { contactId: contact.id, leadId: lead.id, channelId: null, medium: "email" });
  return { conversation, created };
}
