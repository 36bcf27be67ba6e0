import Anthropic from "@anthropic-ai/sdk";
import { env } from "@/lib/env";
import { localIso, readStart } from "@/lib/scheduling/zoned";
import { apiFetch } from "@/lib/net/api-fetch";
import type { Tenant } from "@/lib/tenancy";
import { burstText, type ConversationContext } from "./context";
import { booked, sentencesOf, type AssistantAction, type AssistantResult, type ReplyMemory } from "./offline";
import { buildSystemPrompt, nowNote, optOutNote, toolDefinitions } from "./prompt";
import type { ReplyTenant } from "./context";
import {
  allShowroomsTool, bookTestDriveTool, bookVisitTool, cancelOwnBookingTool, compareVehiclesTool, financingTool, searchFiltersOf, recordPreferencesTool, searchInventoryTool, searchKnowledgeTool, testDriveSlotsTool,
  vehicleDetailsTool, type ToolContext,
} from "./tools";
import type { GroundingViolation } from "./grounding";
import { formalAfter, understandMessage } from "./understand";
import { readFollowUp } from "./follow-up";
import { languages, type Entities, type Lang, type Understanding } from "./types";

/** A booking tool's answer to a start time that is no time at all. */
const unreadableStart = { booked: false, reason: "unreadable start: give a time test_drive_slots returned" };

const MAX_TOOL_ROUNDS = 5;
// Leaves room to answer offline within 5 s of giving up on Claude.
const TIMEOUT_MS = 4_000;

type Block = Anthropic.Messages.ContentBlockParam;

/** Tokens the model read and wrote for one answer; `cacheRead` / `cacheWrite`: the part of the input read from / written to the prompt cache. */
export type ModelTokens = { input: number; output: number; cacheRead: number; cacheWrite: number };
/**
 * Claude's answer before the stock check. `revise`, on a first answer only: the check's findings go back to the model,
 * which writes the answer again in the same conversation (its tools still at hand); that answer cannot be revised.
 */
export type ClaudeAnswer = AssistantResult & { modelCalls: number; tokens: ModelTokens; revise?: (violations: GroundingViolation[]) => Promise<ClaudeAnswer> };

/** What the model calls of an answer took so far: counted even when the answer fails or is not used. */
export type ModelSpend = { modelCalls: number; tokens: ModelTokens };

/**
 * Claude gave no answer (a timeout, an error, no text): why, what its calls took until then, and what its tools did
 * meanwhile (its actions: a booking or cancellation is made, and the answer given instead has to say so).
 */
export class ClaudeFailure extends Error {
  constructor(cause: unknown, readonly spent: ModelSpend, readonly actions?: AssistantAction) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "ClaudeFailure";
  }
}

const checkFinding: Record<GroundingViolation["kind"], string> = {
  unknown_code: "a code no available car has",
  price_mismatch: "a price that is not the price the tools gave for that car",
  unknown_vehicle: "a car that is not in the dealer's available stock",
};

/** What the stock check found in the model's answer, as the next turn of the conversation. */
function stockCheckNote(violations: GroundingViolation[]): string {
  const found = violations.map((v) => `- "${v.text}": ${checkFinding[v.kind]}`).join("\n");
  return `<stock_check>\nYour reply was not sent. Checked against the dealer's live stock, it names:\n${found}\n` +
    "Write the reply again for the shopper. Name only cars the tools returned, each with its code and the exact price they gave. " +
    "A car that a description or feature list mentions (a trade-in, a comparison) is not for sale here: quote that sentence word for word, or leave it out.\n</stock_check>";
}

/**
 * The stock search the shopper's words ask for, or null when the message is not a question about cars (or names a car
 * by its code): the last search narrowed ("En in het rood?" after "een automaat onder de 20.000"), or a new one with
 * only the filters a search takes ("what do you have?" searches the newest cars).
 */
export function askedSearch(text: string, understood: Understanding, memory: ReplyMemory): Entities | null {
  // Beside an opt-out ("Stop sending promotions. Do you still have the Yaris?"), what the rest of the message asks.
  const u = understood.intents[0] === "opt_out" ? { ...understood, intents: understood.intents.slice(1) } : understood;
  const e = u.entities;
  if (e.vehicleCode) return null;
  const narrowed = readFollowUp(text, u, memory).search;
  if (narrowed) return narrowed;
  if (!u.intents.some((i) => i === "browse" || i === "specific_vehicle" || i === "price_negotiation")) return null;
  const filters = searchFiltersOf(e);
  // Several makes ("BMW or Audi") are one filter: the first of them is not a second one.
  if ((filters.makes?.length ?? 0) > 1) delete filters.make;
  return Object.keys(filters).length > 0 || u.intents[0] === "browse" ? filters : null;
}

/** Where Claude's answer starts: the shopper's words understood, and the stock search they ask for, made. */
export type ClaudeStart = { u: Understanding; asked: { input: Entities; result: Awaited<ReturnType<typeof searchInventoryTool>> } | null };

/** The turns of the conversation the model reads: what the shopper, the assistant and staff wrote, the latest twelve. */
const spokenTurns = (ctx: ConversationContext) =>
  ctx.history.filter((m) => m.body && (m.senderKind === "customer" || m.senderKind === "assistant" || m.senderKind === "staff")).slice(-12);

/**
 * Reads the shopper's burst and makes the search it asks for (`askedSearch`) when the conversation ends with the
 * shopper's words, in `toolCtx`'s transaction when it has one: the reply pipeline makes it in the transaction that read
 * the conversation.
 */
export async function startClaude(o: { tenant: Tenant; ctx: ConversationContext; toolCtx: ToolContext; now: Date; knownModels: { make: string; model: string }[] }): Promise<ClaudeStart> {
  const text = burstText(o.ctx);
  const u = understandMessage(text, { defaultLang: o.ctx.lastLang, now: o.now, timeZone: o.tenant.timeZone, knownModels: o.knownModels });
  const last = spokenTurns(o.ctx).at(-1);
  const asked = !last || last.senderKind === "customer" ? askedSearch(text, u, o.ctx.memory) : null;
  if (!asked) return { u, asked: null };
  const input = searchFiltersOf(asked);
  return { u, asked: { input, result: await searchInventoryTool(o.toolCtx, input, 3) } };
}

/** Shopper text cannot close its own <shopper> tag or pass for the stock check's note. */
const untagged = (text: string) => text.replace(/<\s*\/?\s*(shopper|stock_check)\b[^>]*>/gi, "");

/** One client per key and address, made once and not once per reply. */
const clients = new Map<string, Anthropic>();
function anthropicClient(apiKey: string | undefined, baseURL: string | undefined): Anthropic {
  const key = `${apiKey}\u0000${baseURL ?? ""}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = new Anthropic({ apiKey, baseURL, timeout: TIMEOUT_MS, maxRetries: 0, fetch: apiFetch })));
  return client;
}

/** Claude answers with a bounded tool-use loop; every tool is scoped to this tenant and conversation. */
export async function claudeReply(o: {
  tenant: Tenant; ctx: ConversationContext; toolCtx: ToolContext; now: Date; replyTenant: ReplyTenant; knownModels: { make: string; model: string }[];
  /** `startClaude`'s result when the caller made it already. */
  start?: ClaudeStart;
}): Promise<ClaudeAnswer> {
  const e = env();
  const client = anthropicClient(e.ANTHROPIC_API_KEY, e.ANTHROPIC_BASE_URL);
  const text = burstText(o.ctx);
  const { u, asked } = o.start ?? await startClaude(o);
  // Claude's own questions are not tracked: a later offline reply does not take a bare "yes" as answering them.
  const memory: ReplyMemory = { ...o.ctx.memory, offeredSlots: [], askedTestDrive: undefined, formal: formalAfter(o.ctx.memory.formal, text, u.language) };
  const actions: AssistantAction = u.intents[0] === "opt_out" ? { optOut: true } : {};
  // Opting out, a colleague takes over only when the shopper's words ask for one.
  const personAsked = u.intents.some((i) => i === "handover" || i === "price_negotiation" || i === "trade_in");
  const allowedNumbers: number[] = [];
  // The dealer's words the tools gave (description sentences, features), which Claude may quote: see GroundingContext.
  const quoted: string[] = [];
  const tools: { name: string; input: unknown }[] = [];

  const messages: Anthropic.Messages.MessageParam[] = [];
  for (const m of spokenTurns(o.ctx)) {
    const role = m.senderKind === "customer" ? "user" : "assistant";
    const content = role === "user" ? `<shopper>${untagged(m.body!)}</shopper>` : m.body!;
    const last = messages.at(-1);
    if (last?.role === role) last.content = `${last.content}\n${content}`;
    else messages.push({ role, content });
  }
  if (messages[0]?.role !== "user") messages.unshift({ role: "user", content: "<shopper>(conversation continues)</shopper>" });

  // The dealer's prompt is cached; the moment after it changes every minute.
  const system = [
    { type: "text" as const, text: buildSystemPrompt(o.tenant, o.replyTenant), cache_control: { type: "ephemeral" as const } },
    { type: "text" as const, text: nowNote(o.now, o.tenant.timeZone) },
    ...(actions.optOut ? [{ type: "text" as const, text: optOutNote(u.intents.length > 1) }] : []),
  ];
  const toolList = toolDefinitions.map((t, i) => (i === toolDefinitions.length - 1 ? { ...t, cache_control: { type: "ephemeral" as const } } : t));
  // A question about cars comes with the search its words ask for, as if the model had made that call: most answers
  // then take one model call instead of two (the model can still search again with other filters).
  if (asked) {
    const id = "toolu_forecourt_search";
    tools.push({ name: "search_inventory", input: asked.input });
    rememberSearch(asked.input, asked.result);
    messages.push(
      { role: "assistant", content: [{ type: "tool_use", id, name: "search_inventory", input: asked.input }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: id, content: JSON.stringify(asked.result) }] },
    );
  }
  // Times go to the model on the dealer's wall clock with its offset, and come back read the same way.
  const local = (at: Date) => localIso(at, o.tenant.timeZone);
  // Tells the model a booking replaced the shopper's own earlier one, so its answer says the time moved.
  const movedNote = (before: Date | null) => (before ? { moved: true, previousStart: local(before) } : {});
  const startOf = (input: Record<string, unknown>) => {
    const at = readStart(String(input.start ?? ""), o.tenant.timeZone);
    return Number.isNaN(at.getTime()) ? null : at;
  };

  let calls = 0;
  let round = 0;
  const tokens: ModelTokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  /** Asks the model until it answers in text; the answer can be revised once, in the same conversation. */
  const converse = async (revisable: boolean): Promise<ClaudeAnswer> => {
    for (; round <= MAX_TOOL_ROUNDS; round++) {
      calls++;
      const res = await client.messages.create({ model: e.ANTHROPIC_MODEL, max_tokens: 700, system, tools: toolList, messages });
      tokens.input += res.usage?.input_tokens ?? 0;
      tokens.output += res.usage?.output_tokens ?? 0;
      tokens.cacheRead += res.usage?.cache_read_input_tokens ?? 0;
      tokens.cacheWrite += res.usage?.cache_creation_input_tokens ?? 0;
      const toolUses = res.content.filter((b): b is Anthropic.Messages.ToolUseBlock => b.type === "tool_use");
      if (res.stop_reason !== "tool_use" || toolUses.length === 0) {
        const answer = res.content.filter((b): b is Anthropic.Messages.TextBlock => b.type === "text").map((b) => b.text).join("\n").trim();
        if (!answer) throw new Error("Claude returned no text");
        const result = { text: answer, lang: u.language as Lang, intents: u.intents, entities: u.entities, actions, memory, allowedNumbers, quoted, tools, modelCalls: calls, tokens: { ...tokens } };
        if (!revisable) return result;
        const revise = (violations: GroundingViolation[]) => {
          messages.push({ role: "assistant", content: res.content as Block[] }, { role: "user", content: stockCheckNote(violations) });
          round++;
          return failing(converse(false));
        };
        return { ...result, revise };
      }
      messages.push({ role: "assistant", content: res.content as Block[] });
      const results: Block[] = [];
      for (const use of toolUses) {
        tools.push({ name: use.name, input: use.input });
        const output = await runTool(use.name, use.input as Record<string, unknown>);
        results.push({ type: "tool_result", tool_use_id: use.id, content: JSON.stringify(output) });
      }
      messages.push({ role: "user", content: results });
    }
    throw new Error(`no answer after ${MAX_TOOL_ROUNDS} tool rounds`);
  };
  // A failure carries the calls made until then (a revision's: the first answer's too).
  const failing = (answer: Promise<ClaudeAnswer>) => answer.catch((err: unknown) => {
    throw new ClaudeFailure(err, { modelCalls: calls, tokens: { ...tokens } }, actions);
  });
  return failing(converse(true));

  // The model's showroom id counts only when it is one of this dealer's (undefined: it is not).
  async function ownShowroom(id: unknown): Promise<string | null | undefined> {
    const all = await allShowroomsTool(o.toolCtx, u.language, o.now);
    return all.find((s) => s.id !== null && s.id === id)?.id;
  }

  // The search and its cheapest car, so a follow-up ("iets goedkopers?") narrows it, whichever assistant answers.
  function rememberSearch(filters: Entities, r: { vehicles: { code: string; price: number }[] }) {
    memory.proposedCodes = r.vehicles.map((v) => v.code);
    memory.search = filters;
    memory.cheapest = r.vehicles.length ? Math.min(...r.vehicles.map((v) => v.price)) : null;
  }

  async function runTool(name: string, input: Record<string, unknown>): Promise<unknown> {
    switch (name) {
      case "search_inventory": {
        const filters = searchFiltersOf(input);
        const r = await searchInventoryTool(o.toolCtx, filters, 3);
        rememberSearch(filters, r);
        return r;
      }
      case "vehicle_details": {
        const d = await vehicleDetailsTool(o.toolCtx, String(input.code ?? ""));
        if (!d) return { error: "No available car with that code." };
        memory.focusCode = d.vehicle.code;
        actions.showroomId = d.showroom.branchId;
        quoted.push(...sentencesOf(d.description), ...(d.features ?? []));
        return { ...d.vehicle, features: d.features, description: d.description };
      }
      case "compare_vehicles": {
        const codes = Array.isArray(input.codes) ? input.codes.map(String) : [];
        const r = await compareVehiclesTool(o.toolCtx, codes);
        if (r.vehicles.length < 2) return { error: "Give two or three codes of available cars.", ...r };
        quoted.push(...r.vehicles.flatMap((v) => v.features ?? []));
        memory.proposedCodes = r.vehicles.map((v) => v.code);
        return r;
      }
      case "financing_estimate": {
        const d = await vehicleDetailsTool(o.toolCtx, String(input.code ?? ""));
        if (!d) return { error: "No available car with that code." };
        const q = financingTool(o.toolCtx, d.vehicle, { downPaymentPct: input.downPaymentPct as number | undefined, months: input.months as number | undefined });
        allowedNumbers.push(q.monthly, q.downPayment, q.totalPaid, q.principal);
        actions.hot ??= "asks about financing";
        return q;
      }
      case "list_showrooms":
        return { showrooms: await allShowroomsTool(o.toolCtx, u.language, o.now) };
      case "test_drive_slots": {
        const showroomId = input.showroom ? await ownShowroom(input.showroom) : null;
        if (showroomId === undefined) return { error: "Unknown showroom: use an id from list_showrooms." };
        const code = typeof input.code === "string" && input.code ? input.code : showroomId ? null : memory.focusCode;
        const slots = await testDriveSlotsTool(o.toolCtx, { now: o.now, date: input.date as string | undefined, vehicleCode: code, showroomId });
        memory.offeredSlots = slots.map((s) => s.toISOString());
        return { slots: slots.map(local), timeZone: o.tenant.timeZone };
      }
      case "book_test_drive": {
        const start = startOf(input);
        if (!start) return unreadableStart;
        const r = await bookTestDriveTool(o.toolCtx, { vehicleCode: String(input.code ?? ""), start, now: o.now });
        if (r.ok) Object.assign(actions, { booking: booked(r, "test_drive"), stage: "test_drive", hot: "test drive booked" });
        return r.ok ? { booked: true, start: local(r.start), vehicle: r.vehicle, ...movedNote(r.movedFrom) } : { booked: false, reason: r.reason };
      }
      case "book_visit": {
        const showroomId = await ownShowroom(input.showroom);
        if (showroomId === undefined) return { error: "Unknown showroom: use an id from list_showrooms." };
        const start = startOf(input);
        if (!start) return unreadableStart;
        const r = await bookVisitTool(o.toolCtx, { showroomId, start, now: o.now });
        if (r.ok) Object.assign(actions, { booking: booked(r, "visit"), stage: "test_drive", hot: "visit booked", showroomId: r.showroomId });
        return r.ok ? { booked: true, start: local(r.start), showroom: r.place, ...movedNote(r.movedFrom) } : { booked: false, reason: r.reason };
      }
      case "cancel_booking": {
        const kind = input.kind === "test_drive" || input.kind === "visit" ? input.kind : undefined;
        const code = typeof input.code === "string" && input.code ? input.code : undefined;
        const c = await cancelOwnBookingTool(o.toolCtx, o.now, { vehicleCode: code, kind });
        if (!c) return { cancelled: false, reason: "nothing booked: the shopper has no upcoming test drive or visit" + (code || kind ? " of that kind or car" : "") };
        (actions.cancelled ??= []).push({ appointmentId: c.appointmentId, kind: c.kind, start: c.start.toISOString(), vehicle: c.vehicle });
        if (c.vehicle) memory.focusCode = c.vehicle.code;
        // The shopper's own booked car, said back even when it is sold meanwhile: no claim about stock.
        if (c.car) quoted.push(`${c.car.make} ${c.car.model}`);
        const car = c.vehicle ? { vehicle: c.vehicle } : c.car ? { car: { ...c.car, forSale: false } } : {};
        return { cancelled: true, kind: c.kind, start: local(c.start), ...car };
      }
      case "search_dealer_knowledge": {
        const lang = (languages as readonly string[]).includes(String(input.language)) ? (input.language as Lang) : u.language;
        const r = await searchKnowledgeTool(o.toolCtx, String(input.query ?? text), lang);
        // Only figures from entries the model was actually given may appear in its answer, and a car an entry names
        // ("onderdelen voor de Porsche Cayenne") only in the entry's own words, quoted.
        allowedNumbers.push(...r.numbers);
        quoted.push(...r.entries.flatMap((e) => [e.title, e.body, ...sentencesOf(e.body)]));
        return { entries: r.entries.map(({ title, body, language, topic }) => ({ title, body, language, topic })) };
      }
      case "hand_over":
        // Opting out wins: nobody contacts a shopper who asked for no more messages, unless their words ask for a colleague.
        if (actions.optOut && !personAsked) {
          return { ok: false, error: "The shopper opted out of messages and asked for no person: no colleague will contact them. Answer what you can yourself and confirm the opt-out." };
        }
        actions.handover = String(input.reason ?? "assistant handed over");
        return { ok: true };
      case "record_preferences":
        await recordPreferencesTool(o.toolCtx, searchFiltersOf(input));
        return { ok: true };
      default:
        return { error: `unknown tool ${name}` };
    }
  }
}
