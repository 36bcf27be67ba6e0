import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, leads } from "@/db/schema";
import { readForDelivery, type DeliveryRead } from "@/lib/channels/deliver";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";
import { recordSystemEvent, setConversationMode, type OutboundInput } from "@/lib/conversations";
import { deliverNowOrRequest, recordQueuedMessage } from "@/lib/conversations/outbound";
import { env } from "@/lib/env";
import { formatDateTimeShort } from "@/lib/format";
import { leadStageChangedEvent } from "@/lib/leads/leads";
import { advanceStage, markHot, notifyReps, scoreLead, stageChangeFlags } from "@/lib/leads/signals";
import { handOverWhenQuotaReached } from "@/lib/plans/assistant-gate";
import { ASSISTANT_REPLIES_METRIC, assistantRepliesQuota, MODEL_TOKEN_METRICS, repliesThisMonth } from "@/lib/plans/usage";
import type { Tenant } from "@/lib/tenancy";
import { addUsages } from "@/lib/usage";
import { burstMedia, burstText, groundingStock, loadConversationContext, replyTenantOf, type ConversationContext } from "./context";
import { statedName } from "./understand";
import type { ClaudeAnswer, ClaudeFailure, ClaudeStart, ModelSpend, ModelTokens } from "./claude";
import { checkGrounding, type GroundingViolation } from "./grounding";
import { offlineReply, type AssistantAction, type AssistantResult } from "./offline";
import { phraseFor, tradeInName } from "./replies";
import { assistantRules, handoverKeywordIn, replyTone } from "./rules";

export type ReplyOutcome = { status: "replied"; messageId: string; engine: "claude" | "offline"; text: string } | { status: "skipped"; reason: string };

const RATE_LIMIT_PER_MINUTE = 10;

/**
 * One answer to the shopper's unanswered burst of messages, grounded in live stock.
 *
 * Offline, an answer takes milliseconds, so it is one transaction: it reads the conversation, books, stores the
 * reply with its effects on the lead and counts it, all or nothing (a retried run starts clean). With Claude the
 * model takes seconds, and no transaction is held open across its calls: the reads take one, and the grounding check
 * of Claude's answer (or the offline fallback) and the writes another.
 * Events go out once everything is committed, so the runs they start see what the answer wrote. The answer itself is
 * sent from this run, at the same time: the shopper is waiting, and a run of its own would cost a queue hop.
 */
export async function replyToConversation(tenantId: string, conversationId: string, now = new Date()): Promise<ReplyOutcome> {
  const events: OutgoingEvent[] = [];
  const sent: Delivery = { request: null };
  const outcome = env().modes.ai === "claude"
    ? await answer(tenantId, conversationId, now, events, sent, (work) => withTenant(tenantId, work))
    : await withTenant(tenantId, (tx) => answer(tenantId, conversationId, now, events, sent, (work) => work(tx), tx));
  // The answer goes out while the events are handed over: the shopper does not wait for the job queue (with Inngest,
  // an HTTP call of its own).
  await Promise.all([events.length ? sendEvent(events) : undefined, sent.request ? deliverNowOrRequest(sent.request, sent.read) : undefined]);
  return outcome;
}

type InTx = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
/**
 * The delivery request of the stored answer and what sending it needs. None when an earlier attempt of this run had
 * stored it: that attempt sent it or requested its delivery, or the sweeper will.
 */
type Delivery = { request: OutgoingEvent | null; read?: DeliveryRead };

async function answer(tenantId: string, conversationId: string, now: Date, events: OutgoingEvent[], sent: Delivery, inTx: InTx, toolTx?: Tx): Promise<ReplyOutcome> {
  const ready = await inTx(async (tx) => {
    // The dealer and the month's reply count are read with the conversation: one round trip.
    const [ctx, used] = await Promise.all([loadConversationContext(tenantId, conversationId, now, tx), repliesThisMonth(tx, tenantId, now)]);
    if (!ctx) return "conversation not found";
    if (ctx.conversation.mode !== "bot") return `conversation is in ${ctx.conversation.mode} mode`;
    if (ctx.burst.length === 0) return "nothing to answer";
    const handedOver = await handOverWhenQuotaReached(tx, tenantId, ctx, assistantRepliesQuota(ctx.tenant, used));
    // Claude's start (the search a question about cars asks for) is made here: one transaction fewer.
    if (!handedOver) return { ctx, start: await claudeStart(ctx.tenant, ctx, now, tx) };
    events.push(handedOver.event);
    return handedOver.reason;
  });
  if (typeof ready === "string") return { status: "skipped", reason: ready };
  const { ctx, start } = ready;
  const { tenant } = ctx;
  const lastInbound = ctx.burst[ctx.burst.length - 1];
  /** Stores the answer; `alongside` runs with the read of what sending it needs (in this transaction, so the send after the commit needs no read of its own). */
  const store = async (tx: Tx, input: OutboundInput, alongside?: () => Promise<unknown>) => {
    // The answer, the read of what sending it needs and the other writes are sent together: one round trip. The read
    // comes after the insert on the connection, so it finds the row (a redelivered answer finds none and sends nothing).
    const id = randomUUID();
    const [{ message, request }, read] = await Promise.all([
      recordQueuedMessage(tx, tenant.id, { ...input, id, conversation: ctx.conversation }),
      readForDelivery(tx, id),
      alongside?.(),
    ]);
    sent.request = request;
    sent.read = request ? read : undefined;
    return message;
  };

  if (ctx.recentInboundCount > RATE_LIMIT_PER_MINUTE) {
    if (ctx.lastRateNoticeAt && now.getTime() - ctx.lastRateNoticeAt.getTime() < 60_000) return { status: "skipped", reason: "rate limited" };
    const msg = await inTx((tx) => store(tx, {
      conversationId, senderKind: "assistant", body: phraseFor(ctx.lastLang, "rateLimited", replyTone(assistantRules(tenant.settings).tone, ctx.memory)), idempotencyKey: `reply-${lastInbound.id}`, meta: { rateLimited: true },
    }));
    return { status: "replied", messageId: msg.id, engine: "offline", text: msg.body ?? "" };
  }

  // Claude's candidate is written outside any transaction (the model takes seconds); it is checked against live stock
  // in the transaction that stores the answer, so nothing can sell between the check and the answer. A first answer
  // that fails the check stores nothing: the model writes it again, and that one is checked and stored the same way.
  const answerWith = (candidate: Candidate, stockCheck?: string[]) => inTx(async (tx) => {
    const result = await groundedAnswer(tenant, ctx, now, tx, candidate);
    if (isRejected(result)) return result;
    const stored = await store(tx, {
      conversationId, senderKind: "assistant", body: result.text, idempotencyKey: `reply-${lastInbound.id}`,
      meta: {
        memory: result.memory, language: result.lang, intents: result.intents, entities: result.entities, tools: result.tools, engine: result.engine, answers: ctx.burst.map((m) => m.id),
        ...(stockCheck ? { stockCheck } : {}), ...(result.modelCalls ? { modelCalls: result.modelCalls, tokens: result.tokens } : {}),
      },
    }, () => Promise.all([applyOutcome(tx, tenant, ctx, result, events), addUsages(tx, tenant.id, replyUsage(result), now)]));
    return { msg: stored, result };
  });
  const { msg, result } = await withRevision(await claudeCandidate(tenant, ctx, now, toolTx, start), answerWith);
  return { status: "replied", messageId: msg.id, engine: result.engine, text: result.text };
}

/**
 * `stockCheck`: what the stock check found in Claude's first answer, when this one replaced it. `modelCalls`: how many
 * Messages API calls Claude's answer took (with its revision).
 */
export type GeneratedReply = AssistantResult & { engine: "claude" | "offline"; stockCheck?: string[]; modelCalls?: number; tokens?: ModelTokens };

/** The month's counters an answer adds to: one reply, and the model's tokens when Claude wrote (or tried to write) it. */
function replyUsage({ tokens }: Pick<GeneratedReply, "tokens">): Record<string, number> {
  const spent = tokens ? (Object.keys(MODEL_TOKEN_METRICS) as (keyof ModelTokens)[]).filter((k) => tokens[k] > 0).map((k) => [MODEL_TOKEN_METRICS[k], tokens[k]]) : [];
  return { [ASSISTANT_REPLIES_METRIC]: 1, ...Object.fromEntries(spent) };
}

/**
 * The answer itself, grounded in live stock, without storing or sending it (the caller does that).
 * Every tool reads and writes inside `tx`, so the playground can roll it all back.
 */
export async function generateReply(tenant: Tenant, ctx: ConversationContext, now: Date, tx: Tx): Promise<GeneratedReply> {
  return withRevision(await claudeCandidate(tenant, ctx, now, tx), async (candidate, stockCheck) => {
    const r = await groundedAnswer(tenant, ctx, now, tx, candidate);
    return isRejected(r) || !stockCheck ? r : { ...r, stockCheck };
  });
}

const toolContext = (tenant: Tenant, ctx: ConversationContext, tx: Tx | undefined) =>
  ({ tenant, leadId: ctx.lead?.id ?? null, contactId: ctx.conversation.contactId, conversationId: ctx.conversation.id, tx });

/**
 * Whether Claude writes the answer: an API key, words to answer (a photo or voice note alone the offline assistant
 * answers: the model sees only text) and no hand-over keyword (the offline assistant says a colleague is coming and
 * hands over).
 */
const claudeAnswers = (tenant: Tenant, ctx: ConversationContext) => {
  const text = burstText(ctx);
  return env().modes.ai === "claude" && text.trim() !== "" && !handoverKeywordIn(text, assistantRules(tenant.settings).handoverKeywords);
};

/** Where Claude's answer starts (see startClaude), made in `tx`; null when Claude does not answer. */
async function claudeStart(tenant: Tenant, ctx: ConversationContext, now: Date, tx: Tx): Promise<ClaudeStart | null> {
  if (!claudeAnswers(tenant, ctx)) return null;
  const { startClaude } = await import("./claude");
  return startClaude({ tenant, ctx, toolCtx: toolContext(tenant, ctx, tx), now, knownModels: ctx.models });
}

/**
 * What the offline assistant goes by: Claude's answer (not yet checked against stock), what Claude's calls took and its
 * tools did when it failed, or null when Claude does not answer.
 */
type Candidate = ClaudeAnswer | Failed | null;
type Failed = { failed: ModelSpend; actions?: AssistantAction };

/** What a failed answer's model calls took and its tools did, when the failure says (see ClaudeFailure). */
function failureOf(err: unknown): Failed | null {
  const f = err as Partial<ClaudeFailure> | null;
  return f?.spent ? { failed: f.spent, actions: f.actions } : null;
}

/**
 * Claude's answer, not yet checked against stock; null when Claude does not answer (`claudeAnswers`), and what its
 * calls took when it fails. Its tools run in `tx` when there is one, each in its own transaction otherwise; `start`,
 * when the caller made it already (null: `claudeStart` found that Claude does not answer).
 */
async function claudeCandidate(tenant: Tenant, ctx: ConversationContext, now: Date, tx: Tx | undefined, start?: ClaudeStart | null): Promise<Candidate> {
  if (start === null || (start === undefined && !claudeAnswers(tenant, ctx))) return null;
  try {
    const { claudeReply } = await import("./claude");
    return await claudeReply({ tenant, ctx, toolCtx: toolContext(tenant, ctx, tx), now, replyTenant: replyTenantOf(tenant, ctx.lastLang, now), knownModels: ctx.models, start });
  } catch (err) {
    console.warn(`[assistant] Claude failed, answering offline: ${(err as Error).message}`);
    return failureOf(err);
  }
}

/**
 * Claude's first answer failed the stock check: what the check found, how to ask the model once to write it again, and
 * what the first answer took and its tools did.
 */
type Rejected = { rejected: { revise: NonNullable<ClaudeAnswer["revise"]>; violations: GroundingViolation[]; spent: ModelSpend; actions: AssistantAction } };

const isRejected = (r: object): r is Rejected => "rejected" in r;

/**
 * `attempt` with Claude's candidate; when the stock check rejects it, again with the model's rewrite (or, when the
 * rewrite fails, what the calls took, so the offline assistant answers and they still count) and what the check found.
 */
async function withRevision<T extends object>(candidate: Candidate, attempt: (c: Candidate, stockCheck?: string[]) => Promise<T | Rejected>): Promise<T> {
  const first = await attempt(candidate);
  if (!isRejected(first)) return first;
  const { revise, violations, spent, actions } = first.rejected;
  let revised: Candidate;
  try {
    revised = await revise(violations);
  } catch (err) {
    console.warn(`[assistant] Claude failed revising its answer, answering offline: ${(err as Error).message}`);
    // The failure's count includes the first answer's calls; without one, the first answer's still count.
    revised = failureOf(err) ?? { failed: spent, actions };
  }
  const second = await attempt(revised, violations.map((v) => v.text));
  if (isRejected(second)) throw new Error("a revised answer cannot be rejected for revision");
  return second;
}

/**
 * Claude's candidate when it names only live stock; a first answer that does not is returned as rejected, to be
 * revised; otherwise the offline assistant's answer, checked the same way.
 */
async function groundedAnswer(tenant: Tenant, ctx: ConversationContext, now: Date, tx: Tx, candidate: Candidate): Promise<GeneratedReply | Rejected> {
  const knownModels = ctx.models;
  const grounding = async (r: { text: string; allowedNumbers?: number[]; quoted?: string[] }) => {
    const stock = await groundingStock(tx, tenant.id, r.text, knownModels);
    return checkGrounding(r.text, { stock, knownModels, currency: tenant.currency, locale: tenant.locale, allowedNumbers: r.allowedNumbers, quoted: r.quoted });
  };
  // What Claude's failed or rejected answer took, still counted when the offline assistant answers instead, and what
  // its tools did, which that answer says rather than booking or cancelling again.
  let spent: Partial<ModelSpend> = {};
  let claudeActions: AssistantAction | undefined;
  if (candidate && "failed" in candidate) ({ failed: spent, actions: claudeActions } = candidate);
  else if (candidate) {
    claudeActions = candidate.actions;
    const grounded = await grounding(candidate);
    const { revise, ...answer } = candidate;
    if (grounded.ok) return { ...answer, engine: "claude" };
    const took: ModelSpend = { modelCalls: candidate.modelCalls, tokens: candidate.tokens };
    spent = took;
    const found = grounded.violations.map((v) => v.text).join(", ");
    if (revise) {
      console.warn(`[assistant] Claude reply rejected by grounding (${found}); asking for a revision`);
      return { rejected: { revise, violations: grounded.violations, spent: took, actions: candidate.actions } };
    }
    console.warn(`[assistant] Claude reply rejected by grounding: ${found}`);
  }
  const r = await offlineReply({
    ctx: toolContext(tenant, ctx, tx), replyTenant: (lang) => replyTenantOf(tenant, lang, now), text: burstText(ctx), defaultLang: ctx.lastLang, now, memory: ctx.memory,
    knownModels, media: burstMedia(ctx), claudeActions,
  });
  const grounded = await grounding(r);
  if (!grounded.ok) {
    console.error(`[assistant] offline reply failed grounding (${grounded.violations.map((v) => v.text).join(", ")}); handing over`);
    // What was booked or cancelled stays so (its timeline notes and events still go out), and an opt-out counts.
    const { booking, cancelled, optOut } = r.actions;
    const tone = replyTone(assistantRules(tenant.settings).tone, r.memory);
    const text = [optOut ? phraseFor(r.lang, "optOutNoted", tone) : null, phraseFor(r.lang, "handover", tone)].filter(Boolean).join("\n\n");
    return { ...r, text, actions: { handover: "reply could not be grounded", booking, cancelled, ...(optOut ? { optOut } : {}) }, engine: "offline", ...spent };
  }
  return { ...r, engine: "offline", ...spent };
}

async function applyOutcome(tx: Tx, tenant: Tenant, ctx: ConversationContext, r: AssistantResult, events: OutgoingEvent[]) {
  const tenantId = tenant.id;
  const leadId = ctx.lead?.id;
  // The name the shopper gave ("Ik heet Jan de Vries") replaces the one their WhatsApp profile shows.
  const named = statedName(burstText(ctx));
  const name = named && named !== ctx.contact?.name ? { name: named } : {};
  // Sent with the lead's update (one round trip).
  const contactUpdate = r.lang !== ctx.contact?.language || r.actions.optOut || "name" in name
    ? tx.update(contacts).set({ language: r.lang, ...name, ...(r.actions.optOut ? { optedOutAt: new Date() } : {}) }).where(eq(contacts.id, ctx.conversation.contactId))
    : null;
  if (!leadId || !ctx.lead) {
    await contactUpdate;
    return;
  }
  const booked = Boolean(r.actions.booking);
  const { score, hot } = scoreLead({ previous: ctx.lead.score, intents: r.intents, inboundCount: ctx.history.filter((m) => m.direction === "inbound").length, hasBudget: Boolean(r.entities.maxPrice), booked });
  const stage = advanceStage(ctx.lead.stage, r.actions.stage ?? "contacted");
  // The showroom this answer was about, so its staff hear first about the lead.
  const branch = r.actions.showroomId ? { branchId: r.actions.showroomId } : {};
  // A stage change starts the follow-up and webhook runs only when the dealer has something for it: looked up with the write.
  const [, , found] = await Promise.all([
    contactUpdate,
    tx.update(leads).set({ score, stage, ...branch, contactedAt: ctx.lead.contactedAt ?? new Date(), updatedAt: new Date() }).where(eq(leads.id, leadId)),
    stage !== ctx.lead.stage ? stageChangeFlags(tx, tenantId, { from: ctx.lead.stage, to: stage }) : null,
  ]);
  if (found) events.push(leadStageChangedEvent(tenantId, leadId, { from: ctx.lead.stage, to: stage }, found));
  const booking = r.actions.booking;
  if (booking && !booking.unchanged) {
    const what = booking.kind === "visit" ? "Visit" : "Test drive";
    const { appointmentId, movedFrom } = booking;
    if (movedFrom) {
      await recordSystemEvent(tx, tenantId, ctx.conversation.id, `${what} moved by the assistant`, { event: "appointment_moved", appointmentId, from: movedFrom });
      events.push({ name: "appointment/rescheduled", data: { tenantId, appointmentId, previousStartsAt: movedFrom } });
    } else {
      await recordSystemEvent(tx, tenantId, ctx.conversation.id, `${what} booked by the assistant`, { event: "test_drive_booked", appointmentId });
      events.push({ name: "appointment/booked", data: { tenantId, appointmentId } });
    }
  }
  for (const { appointmentId, kind, start } of r.actions.cancelled ?? []) {
    const what = kind === "visit" ? "Visit" : "Test drive";
    const who = ctx.contact?.name ?? ctx.contact?.phone ?? "shopper";
    await recordSystemEvent(tx, tenantId, ctx.conversation.id, `${what} cancelled by the shopper`, { event: "appointment_cancelled", appointmentId });
    const when = formatDateTimeShort(new Date(start), tenant.locale, tenant.timeZone);
    await notifyReps(tx, tenantId, leadId, `${what} cancelled: ${who}`, `${who} cancelled their ${what.toLowerCase()} of ${when} on WhatsApp.`);
  }
  if (r.actions.wish) {
    const who = ctx.contact?.name ?? ctx.contact?.phone ?? "shopper";
    await recordSystemEvent(tx, tenantId, ctx.conversation.id, `Wish passed on by the assistant: ${r.actions.wish}`, { event: "wish_passed_on" });
    // In the shopper's own words too: what they asked for before saying yes.
    const asked = ctx.history.findLast((m) => m.senderKind === "customer" && m.body && !ctx.burst.includes(m))?.body;
    const said = asked ? `\nShopper: ${asked.slice(0, 300)}` : "";
    await notifyReps(tx, tenantId, leadId, `Looking for a car we don't have: ${who}`, `Wants: ${r.actions.wish}${said}\nContact them when one comes in.`);
  }
  const reason = r.actions.hot ?? (hot ? "high score" : null);
  let alert: { kind: "hot" | "handover"; reason: string } | null = null;
  if (hot && reason && (await markHot(tx, tenantId, leadId, reason))) {
    await recordSystemEvent(tx, tenantId, ctx.conversation.id, `Lead became hot: ${reason}`, { event: "became_hot" });
    await notifyReps(tx, tenantId, leadId, `Hot lead: ${ctx.contact?.name ?? ctx.contact?.phone ?? "shopper"}`, handoverSummary(ctx, r, reason));
    events.push({ name: "lead/became.hot", data: { tenantId, leadId, reason } });
    alert = { kind: "hot", reason };
  }
  if (r.actions.handover) {
    await setConversationMode(tx, tenantId, ctx.conversation.id, "human", null);
    await notifyReps(tx, tenantId, leadId, `Hand-over: ${ctx.contact?.name ?? ctx.contact?.phone ?? "shopper"}`, handoverSummary(ctx, r, r.actions.handover));
    events.push({ name: "conversation/mode.changed", data: { tenantId, conversationId: ctx.conversation.id, leadId, mode: "human" } });
    alert = { kind: "handover", reason: r.actions.handover };
  }
  // One WhatsApp alert per answer, even when it is both hot and a hand-over.
  if (alert) {
    events.push({ name: "lead/rep-alert.requested", id: `rep-alert-${ctx.burst.at(-1)!.id}`, data: { tenantId, leadId, conversationId: ctx.conversation.id, ...alert } });
  }
}

function handoverSummary(ctx: ConversationContext, r: AssistantResult, reason: string) {
  const asked = ctx.burst.map((m) => m.body ?? `[${m.type}]`).join(" / ").slice(0, 300);
  const { tradeIn, ...wanted } = r.entities;
  const traded = tradeInName(tradeIn, ctx.tenant.locale);
  const prefs = [...Object.entries(wanted).map(([k, v]) => `${k}: ${v}`), ...(traded ? [`trade-in: ${traded}`] : [])].join(", ");
  return [`Reason: ${reason}`, `Shopper: ${asked}`, prefs && `Preferences: ${prefs}`, r.memory.focusCode && `Vehicle: ${r.memory.focusCode}`].filter(Boolean).join("\n");
}

