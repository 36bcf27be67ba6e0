import { atLocal, zonedClock, zonedParts } from "@/lib/scheduling/zoned";
import type { ReplyTenant } from "./context";
import { compareReply, composeReply, equipmentFor, fill, phrasesFor, tradeInName, tradeInValuable, type Phrases, type ReplyInput, type VehicleForReply as ReplyVehicle } from "./replies";
import { siteLang, siteText } from "@/lib/catalog/i18n";
import { featureName, featuresNamed, namesFeatureKind } from "@/lib/inventory/feature-words";
import { formatPrice } from "@/lib/format";
import { findNumbers } from "./understand/amounts";
import { dayPartHours, sameWeekdayNextWeek } from "./understand/dates";
import type { KnowledgeTopic } from "@/db/schema";
import { knowledgeFact, mayAskDealerKnowledge, questionTopics } from "./knowledge";
import { isCommonWord } from "./understand/language";
import { carriesVersion, mayNameVersion, versionAsNamed, versionNamedAlone } from "./understand/version";
import type { BurstMedia } from "./context";
import { assistantRules, handoverKeywordIn, replyTone } from "./rules";
import {
  allShowroomsTool, bookTestDriveTool, bookVisitTool, cancelOwnBookingTool, unavailableCarTool, compareVehiclesTool, financingTool, placeLine, recordPreferencesTool, searchInventoryTool, searchKnowledgeTool,
  showroomsTool, stockHasVersionTool, testDriveSlotsTool, vehicleDetailsTool, type ShowroomForReply, type ToolContext,
} from "./tools";
import { asksColour, continuesSearch, featureAsked, findShowroomMention, historyTopic, formalAfter, singlesOut, specAsked, superlativeIn, textBesideOptOut, understandMessage, wantsToCancel, wantsToLookAround, wantsVisit, yearNamed, type Superlative } from "./understand";
import { pickKeys, readFollowUp, searchKeys } from "./follow-up";
import { sideQuestion } from "./understand/side-question";
import { langFromLocale, type Entities, type Intent, type Lang, type Understanding } from "./types";

/**
 * `showroomId`: where the offered slots are, for a visit without a car (null: the main showroom). `formal`: the shopper
 * addresses us formally, so replies are formal whatever the dealer's tone (rules.ts, replyTone). `askedTestDrive`: the
 * reply ended by asking whether they want a test drive of the focused car, so a bare "yes" books one. `offeredToPassOn`:
 * it found nothing and offered to pass the wish on to a colleague, so a bare "yes" does that.
 */
export type ReplyMemory = {
  proposedCodes: string[]; offeredSlots: string[]; focusCode: string | null; showroomId?: string | null; formal?: boolean; askedTestDrive?: boolean; offeredToPassOn?: boolean;
  /** The filters of the last search and the lowest price it showed, so "en onder de 15.000?" or "iets goedkopers?" narrows it. */
  search?: Partial<Entities>; cheapest?: number | null;
  /** The terms the shopper asked a financing example of the focused car for. */
  financing?: { months?: number; downPaymentPct?: number };
};
/**
 * A test drive or visit the answer booked (`start`: ISO), with its car or, for a visit, its showroom as a reply names
 * them; `movedFrom` (ISO) when it moved the shopper's own booking from that time, `unchanged` when the shopper asked
 * again for the time it has.
 */
export type Booked = {
  appointmentId: string; kind: "test_drive" | "visit"; start: string; vehicle?: ReplyVehicle; place?: string; movedFrom?: string; unchanged?: true;
};

/** An appointment of the shopper's cancelled at their request (`start`: ISO); `vehicle`, its car while on offer. */
export type Cancellation = { appointmentId: string; kind: "test_drive" | "visit"; start: string; vehicle?: ReplyVehicle };

/** `showroomId`: the showroom the conversation is about (the car's or the one chosen), so its staff hear first. */
export type AssistantAction = {
  handover?: string; hot?: string; optOut?: boolean; booking?: Booked;
  /** What the shopper looks for and the dealer does not have, passed on so a colleague contacts them when it comes in. */
  wish?: string; stage?: "test_drive" | "negotiation"; showroomId?: string | null;
  /** The shopper's own appointments cancelled at their request. */
  cancelled?: Cancellation[];
};
export type AssistantResult = {
  text: string; lang: Lang; intents: Intent[]; entities: Entities; actions: AssistantAction; memory: ReplyMemory;
  allowedNumbers: number[]; tools: { name: string; input: unknown }[];
  /** The dealer's own words the text quotes (description sentences, listed features); see GroundingContext. */
  quoted?: string[];
};

type OfflineInput = {
  ctx: ToolContext; replyTenant: (lang: Lang) => ReplyTenant; text: string; defaultLang: Lang; now: Date; memory: ReplyMemory;
  knownModels: { make: string; model: string }[];
  /** The burst holds a photo, a voice note or a pin, with or without words (`text` is then a caption or empty). */
  media?: BurstMedia;
  /** What Claude's tools did before its answer failed (its actions so far): a booking or cancellation is said, not made again. */
  claudeActions?: AssistantAction;
};

/**
 * The assistant without a language model: understands the burst of messages, calls the same
 * tenant-scoped tools as the Claude path and answers from templates in the shopper's language.
 * A message that opts out and asks more ("Stop sending promotions. Do you still have the Yaris?") gets the answer to
 * the rest, after one line that confirms the opt-out.
 */
export async function offlineReply(o: OfflineInput): Promise<AssistantResult> {
  const u = understandMessage(o.text, { defaultLang: o.defaultLang, now: o.now, timeZone: o.ctx.tenant.timeZone, knownModels: o.knownModels });
  const rest = u.intents[0] === "opt_out" && u.intents.length > 1 ? textBesideOptOut(o.text) : null;
  if (!rest) return answerMessage(o, u);
  const memory = { ...o.memory, formal: formalAfter(o.memory.formal, o.text, u.language) };
  const r = await answerMessage({ ...o, text: rest, memory }, { ...u, intents: u.intents.slice(1) });
  const p = phrasesFor(r.lang, replyTone(o.replyTenant(r.lang).tone, r.memory));
  // Nothing it could answer beside the opt-out ("Stop messaging me, you hear?"): the opt-out alone.
  if (r.text === p.other) return answerMessage(o, { ...u, intents: ["opt_out"], entities: {} });
  return { ...r, intents: u.intents, actions: { ...r.actions, optOut: true }, text: `${p.optOutNoted}\n\n${r.text}` };
}

async function answerMessage(o: OfflineInput, u: Understanding): Promise<AssistantResult> {
  const { ctx, now } = o;
  const lang = u.language;
  const memory: ReplyMemory = {
    ...o.memory, offeredSlots: [], showroomId: undefined, askedTestDrive: undefined, offeredToPassOn: undefined, formal: formalAfter(o.memory.formal, o.text, lang),
  };
  const dealer = o.replyTenant(lang);
  const t = { ...dealer, tone: replyTone(dealer.tone, memory) };
  // What the message means after the assistant's last reply (follow-up.ts); the tools run below.
  const f = readFollowUp(o.text, u, o.memory);
  const e = f.entities;
  // The version named with the model ("golf GTE"), or alone about the car in focus ("En de GTE?").
  const version = u.version ?? (await versionOfFocus());
  // "De Golf van 2020", "civic yg 2023": a model named with one year is that year's car, not the newest of the model.
  // ("Ford Ranger 2021" in a search is the oldest wanted, but asked about, priced or booked it is that year's.)
  const said = e.model && !e.vehicleCode && e.maxYear === undefined ? yearNamed(o.text, now) : null;
  const modelYear = said && (e.minYear === undefined || (e.minYear === said && u.intents[0] !== "browse")) ? said : null;
  if (modelYear && modelYear !== e.tradeIn?.year) Object.assign(e, { minYear: modelYear, maxYear: modelYear });
  // "zaterdag" said on a Saturday: today, or next Saturday once today's times are gone ("zaterdag om 11" at noon).
  const weekLater = e.date ? sameWeekdayNextWeek(o.text, e.date, now, ctx.tenant.timeZone) : undefined;
  if (weekLater && e.time && atLocal(e.date!, e.time, ctx.tenant.timeZone) <= now) e.date = weekLater;
  const tools: AssistantResult["tools"] = [];
  const actions: AssistantAction = {};
  const allowedNumbers: number[] = [];
  const quoted: string[] = [];
  let versionStocked: Promise<boolean> | undefined;
  const done = (text: string): AssistantResult => {
    if (text.endsWith(phrasesFor(lang, t.tone).askTestDrive)) memory.askedTestDrive = true;
    if (text.endsWith(phrasesFor(lang, t.tone).noAlternatives)) memory.offeredToPassOn = true;
    return { text, lang, intents: u.intents, entities: e, actions, memory, allowedNumbers, tools, quoted };
  };
  const say = (intent: Intent, input: Omit<ReplyInput, "lang" | "intent" | "tenant"> = {}) => done(composeReply({ lang, intent, tenant: t, ...input }));

  // Whether the car focus() found by the shopper's words is one of several that fit them (two Golfs for "de Golf").
  let namedSeveral = false;
  const focus = async (): Promise<ReplyVehicle | null> => {
    const code = e.vehicleCode ?? o.memory.focusCode ?? (o.memory.proposedCodes.length === 1 ? o.memory.proposedCodes[0] : null);
    if (code) {
      tools.push({ name: "vehicle_details", input: { code } });
      const d = await vehicleDetailsTool(ctx, code);
      // The car in focus unless the shopper names another model or version: "de Yaris" while the Golf is in focus is
      // the Yaris, "de Golf GTE" while the TSI is, the GTE.
      const asNamed = () => sameModel(d!.vehicle, e.model!) && inYears(d!.vehicle.year, e) && (!version || carriesVersion(d!.vehicle, version));
      if (d && (e.vehicleCode || !e.model || asNamed())) return focusOn(d);
    }
    if (e.model) {
      // The car as the shopper described it: a hybrid Innova is no answer to "Innova diesel" (the search that follows
      // offers it as the closest instead, saying so), and "Golf GTE" is the GTE when there is one.
      const found = await searchAsNamed(pickKeys(e, searchKeys), 2, true);
      const d = found.vehicles[0] && !found.relaxed ? await vehicleDetailsTool(ctx, found.vehicles[0].code) : null;
      namedSeveral = found.vehicles.length > 1;
      if (d) return focusOn(d);
    }
    return null;
  };
  // Where the focused car stands ("name, street, city") and its showroom's id.
  const focused = { place: "", showroomId: null as string | null, features: null as string[] | null, color: null as string | null, description: null as string | null };
  const focusOn = (d: NonNullable<Awaited<ReturnType<typeof vehicleDetailsTool>>>) => {
    memory.focusCode = d.vehicle.code;
    focused.features = d.features;
    focused.color = d.color;
    focused.description = d.description;
    focused.place = placeLine(d.showroom);
    focused.showroomId = d.showroom.branchId;
    actions.showroomId = d.showroom.branchId;
    return d.vehicle;
  };
  // A car's details; a question about its colour or a feature is answered first, and when that car was just shown, alone.
  const details = (v: ReplyVehicle) => {
    const card = () => composeReply({ lang, intent: "specific_vehicle", tenant: t, vehicles: [{ ...v, features: focused.features ?? undefined }] });
    const fact = carFact(o.text, v, focused, phrasesFor(lang, t.tone), lang, langFromLocale(t.locale));
    if (!fact) return done(card());
    // A sentence quoted from the dealer's description may name figures ("12 maanden garantie") and cars of its own.
    allowedNumbers.push(...findNumbers(fact.text).map((n) => n.value));
    quoted.push(...fact.quoted);
    return done(o.memory.focusCode === v.code ? `${fact.text}\n\n${phrasesFor(lang, t.tone).askTestDrive}` : `${fact.text}\n\n${card()}`);
  };
  // Only this dealer's showrooms are ever compared with the shopper's words.
  const namedShowroom = async (): Promise<ShowroomForReply | null> => {
    const all = await allShowroomsTool(ctx, lang, now);
    return all.length > 1 ? findShowroomMention(o.text, all, ctx.tenant.name) : null;
  };

  // A time without a day ("10 uur", "at 11:30") picks the one slot of the list we just sent that starts then. A time
  // none of them starts at is asked for on the day the list begins with: booked when it is free (the list shows only
  // some of the free times), else that day's times again, with a word that it is taken.
  if (e.time && !e.date && o.memory.offeredSlots.length) {
    const at = o.memory.offeredSlots.filter((iso) => zonedClock(new Date(iso), ctx.tenant.timeZone) === e.time);
    if (at.length === 1 && o.memory.focusCode) return book(new Date(at[0]), o.memory.focusCode);
    if (at.length === 1 && o.memory.showroomId !== undefined) return bookVisit(new Date(at[0]), o.memory.showroomId);
    if (at.length === 0 && o.memory.focusCode) {
      const day = zonedParts(new Date(o.memory.offeredSlots[0]), ctx.tenant.timeZone).date;
      return book(atLocal(day, e.time, ctx.tenant.timeZone), o.memory.focusCode, day);
    }
  }
  // A bare number answers the slot list we just sent.
  const choice = /^\s*([1-6])\s*[.)]?\s*$/.exec(o.text);
  if (choice && o.memory.offeredSlots.length >= Number(choice[1]) && o.memory.focusCode) {
    const start = new Date(o.memory.offeredSlots[Number(choice[1]) - 1]);
    return book(start, o.memory.focusCode);
  }
  if (choice && o.memory.offeredSlots.length >= Number(choice[1]) && o.memory.showroomId !== undefined) {
    return bookVisit(new Date(o.memory.offeredSlots[Number(choice[1]) - 1]), o.memory.showroomId);
  }

  // The dealer's own answer to a policy question (warranty, delivery, holidays…), when one matches; `topic`, only an
  // entry of that topic ("wat kost die per mnd?" shares a word with the delivery fee, and is no question about it).
  const dealerFact = async (topic?: KnowledgeTopic): Promise<string | null> => {
    if (!mayAskDealerKnowledge(o.text)) return null;
    tools.push({ name: "search_dealer_knowledge", input: { query: o.text, language: lang } });
    const found = await searchKnowledgeTool(ctx, o.text, lang);
    const hit = found.entries[0];
    if (!hit || (topic && hit.topic !== topic)) return null;
    allowedNumbers.push(...found.numbers);
    // The dealer's own words, quoted as written: a car they name ("onderdelen voor de Porsche Cayenne") is no offer.
    const fact = knowledgeFact(hit);
    quoted.push(fact);
    if (hit.language === lang) return fact;
    // Only in another language: the shopper is told which, before the dealer's words.
    const p = phrasesFor(lang, t.tone);
    return `${fill(p.knowledgeIn, { language: p.languageNames[hit.language] })}\n${fact}`;
  };

  /**
   * Free times on the asked day; when that day has none (closed, fully booked or too soon), the next free times, with
   * `dayTaken` set so the reply says the day itself is not possible.
   */
  async function freeTimes(o: { date?: string; vehicleCode?: string | null; showroomId?: string | null }) {
    // "Tomorrow afternoon", "na vijven": those hours first; when they have no free time, the whole day.
    const withinHours: [number, number] | undefined = e.dayPart ? dayPartHours[e.dayPart] : e.afterHour !== undefined ? [e.afterHour, 24] : undefined;
    const inPart = withinHours ? await testDriveSlotsTool(ctx, { now, ...o, withinHours }) : [];
    if (inPart.length > 0) return { slots: inPart, dayTaken: false };
    const slots = await testDriveSlotsTool(ctx, { now, ...o });
    if (slots.length > 0 || !o.date) return { slots, dayTaken: false };
    if (weekLater && o.date !== weekLater) {
      tools.push({ name: "test_drive_slots", input: { date: weekLater, code: o.vehicleCode ?? undefined, showroomId: o.showroomId ?? undefined } });
      const later = await testDriveSlotsTool(ctx, { now, ...o, date: weekLater });
      if (later.length > 0) return { slots: later, dayTaken: false };
    }
    // The next free times from the asked day on ("25 december" when closed: the 27th, not tomorrow).
    const dayStart = atLocal(o.date, "00:00", ctx.tenant.timeZone);
    const from = dayStart > now ? dayStart : now;
    tools.push({ name: "test_drive_slots", input: { code: o.vehicleCode ?? undefined, showroomId: o.showroomId ?? undefined, from: from.toISOString() } });
    const next = await testDriveSlotsTool(ctx, { now: from, vehicleCode: o.vehicleCode, showroomId: o.showroomId });
    return { slots: next, dayTaken: next.length > 0 };
  }

  /** Books the test drive; when that time is not free, the free times of `day` (the asked date by default) instead. */
  async function book(start: Date, code: string, day = e.date) {
    tools.push({ name: "book_test_drive", input: { code, start: start.toISOString() } });
    const r = await bookTestDriveTool(ctx, { vehicleCode: code, start, now });
    if (r.ok) {
      Object.assign(actions, { booking: booked(r, "test_drive"), stage: "test_drive", hot: "test drive booked" });
      memory.focusCode = code;
      return say("test_drive", { booking: { start, vehicle: r.vehicle, moved: Boolean(r.movedFrom) } });
    }
    const d = await vehicleDetailsTool(ctx, code);
    if (!d) return say("test_drive");
    const { slots } = await freeTimes({ date: day, vehicleCode: code });
    memory.offeredSlots = slots.map((s) => s.toISOString());
    return say("test_drive", { vehicles: [d.vehicle], slots, slotTaken: true });
  }

  async function bookVisit(start: Date, showroomId: string | null) {
    tools.push({ name: "book_visit", input: { showroomId, start: start.toISOString() } });
    const r = await bookVisitTool(ctx, { showroomId, start, now });
    if (r.ok) {
      Object.assign(actions, { booking: booked(r, "visit"), stage: "test_drive", hot: "visit booked", showroomId: r.showroomId });
      return say("test_drive", { booking: { start, place: r.place, moved: Boolean(r.movedFrom) } });
    }
    const place = (await allShowroomsTool(ctx, lang, now)).find((s) => s.id === showroomId);
    return offerVisit(showroomId, place ? `${place.name}, ${place.address}` : null, true);
  }

  async function offerVisit(showroomId: string | null, place: string | null, slotTaken = false) {
    tools.push({ name: "test_drive_slots", input: { date: e.date, showroomId } });
    const { slots, dayTaken } = await freeTimes({ date: e.date, showroomId });
    memory.offeredSlots = slots.map((s) => s.toISOString());
    memory.showroomId = showroomId;
    memory.focusCode = null;
    actions.showroomId = showroomId;
    return say("test_drive", { slots, slotTaken: slotTaken || dayTaken, visitPlace: place ?? undefined });
  }

  // "Wat kost die van 2019?", "the automatic one", "de goedkoopste": the one car of the list we sent that has what the
  // shopper names; when none has it, or "Is there a 2019 one too?", the last search with it.
  const listed = await featureOfList();
  async function featureOfList(): Promise<"picked" | Entities | null> {
    if (e.vehicleCode || e.make || e.model) return null;
    const list = o.memory.proposedCodes;
    const best = list.length >= 2 ? superlativeIn(o.text) : null;
    // "Wat is de goedkoopste?" after a search that found one car: the cheapest of that search, not of the whole stock.
    const onlyOrder = Object.keys(e).length === 1 && e.order;
    if (list.length < 2 && onlyOrder && o.memory.search && superlativeIn(o.text)) return { ...o.memory.search, order: e.order };
    // The list answered "your cheapest car": "and the dearest?" asks the whole stock again, not that list.
    const listOrder = o.memory.search?.order;
    if (best && listOrder && e.order && e.order !== listOrder) return { ...o.memory.search, order: e.order };
    // "Which one is the cheapest?" is answered with that car; "Which one uses the least fuel?" side by side.
    if (f.compare && !best) return null;
    const picking = Boolean(best) || (list.length >= 2 && singlesOut(o.text));
    // A year read as "from" ("tahun 2019", "fra 2019") is that very year when it singles a car out.
    const said = yearNamed(o.text, now);
    // The year of the car the shopper trades in singles nothing out, nor a down payment ("bei 2000 Anzahlung").
    const year = said && said !== e.tradeIn?.year && said !== f.terms.downPayment && !e.maxYear && (!e.minYear || (picking && e.minYear === said)) ? said : null;
    const named = { ...(year ? { minYear: year, maxYear: year } : {}), ...pickKeys(e, ["transmission", "fuel", "color"].filter((k) => k in e) as (keyof Entities)[]) };
    const narrowed = o.memory.search ? { ...o.memory.search, ...named } : null;
    // "Yg RS ada?", "en die Touring Sports?": one car of the list by a word of its version that no other listed car has.
    if (!best && !year && Object.keys(named).length === 0) return list.length >= 2 && words(o.text).length <= 6 ? pickByVersion(list) : null;
    if (!picking) return year && narrowed && continuesSearch(o.text, true) ? narrowed : null;
    // "Welke is de goedkoopste?" after "automaat onder 20.000": the cheapest of all that search matches, which the cars
    // shown (the dearest within the budget first) may not include.
    if (best && e.order && narrowed && !listOrder) {
      const asked = { ...narrowed, order: e.order };
      tools.push({ name: "search_inventory", input: asked });
      const found = await searchInventoryTool(ctx, asked, 1);
      if (found.vehicles[0] && !found.relaxed) return pick(found.vehicles[0].code);
    }
    tools.push({ name: "compare_vehicles", input: { codes: list } });
    const { vehicles } = await compareVehiclesTool(ctx, list);
    // "De goedkoopste elektrische": the cheapest of the listed cars that are electric; none is, then the search for it.
    // Two equally cheap cars: the first of the list, as the shopper read it.
    const fitting = vehicles.filter((v) => (!year || v.year === year) && (!e.transmission || v.transmission === e.transmission) && (!e.fuel || v.fuel === e.fuel)
      && (!e.color || v.color?.toLowerCase() === e.color));
    const hits = best ? bestOf(fitting, best).slice(0, 1) : fitting;
    if (hits.length === 0 && narrowed) return best && e.order ? { ...narrowed, order: e.order } : narrowed;
    return hits.length === 1 ? pick(hits[0].code) : null;
  }

  function pick(code: string): "picked" {
    e.vehicleCode = code;
    for (const k of ["minYear", "maxYear", "transmission", "fuel", "color"] as const) delete e[k];
    return "picked";
  }

  async function pickByVersion(list: string[]): Promise<"picked" | null> {
    const asked = words(o.text).filter((w) => /\p{L}/u.test(w) && !isCommonWord(w));
    if (asked.length === 0) return null;
    tools.push({ name: "compare_vehicles", input: { codes: list } });
    const { vehicles } = await compareVehiclesTool(ctx, list);
    const hits = vehicles.filter((v) => words(v.variant ?? "").some((w) => asked.includes(w)));
    if (hits.length !== 1) return null;
    e.vehicleCode = hits[0].code;
    return "picked";
  }

  // "I can offer 25k", "can you do 32k?": an amount said while negotiating is an offer on the car, not a budget (unless
  // it is said as one: "laatste prijs van auto's onder de 20.000?", "bisa nego? budget 150 jt").
  const offer = u.intents[0] === "price_negotiation" && e.maxPrice && !e.minPrice && !e.model && !limitWords.test(o.text) ? e.maxPrice : undefined;
  if (offer) delete e.maxPrice;
  await recordPreferencesTool(ctx, e);
  // The dealer's own hand-over words win over whatever else the message asks (opting out still comes first).
  const rules = assistantRules(ctx.tenant.settings);
  const optOut = u.intents[0] === "opt_out";
  const keyword = optOut ? null : handoverKeywordIn(o.text, rules.handoverKeywords);
  if (keyword) {
    actions.handover = `shopper wrote "${keyword}"`;
    return say("handover");
  }
  // What Claude's tools booked, cancelled or handed over before it failed is said back, not done again.
  const claudeDid = o.claudeActions?.booking || o.claudeActions?.cancelled?.length || o.claudeActions?.handover ? o.claudeActions : null;
  // A message that only opts out (offlineReply answers the rest of one that asks more): nobody takes over. An appointment
  // it asks to cancel is cancelled all the same and one Claude booked stays; the reps hear of it, and so does the shopper
  // before the opt-out is confirmed.
  if (optOut) {
    actions.optOut = true;
    const did = claudeDid ?? (wantsToCancel(o.text) ? await cancelOwn() : null);
    if (!did?.booking && !did?.cancelled?.length) return say("opt_out");
    const r = saidDone({ ...did, handover: undefined });
    return { ...r, text: `${phrasesFor(lang, t.tone).optOutNoted}\n\n${r.text}` };
  }
  if (claudeDid) return saidDone(claudeDid);
  // "Annuleer de afspraak": the shopper's own next appointment is cancelled and a colleague hears of it; with none
  // coming, a colleague answers.
  if (wantsToCancel(o.text)) {
    const cancelled = await cancelOwn();
    if (!cancelled) {
      actions.handover = "wants to cancel an appointment the assistant found none of";
      return say("handover");
    }
    return saidDone(cancelled);
  }
  const { aboutFocus, terms } = f;
  // A car picked from the list is shown, or its financing example worked out when terms came with it ("de goedkoopste over 60 maanden?").
  const picked = Object.keys(terms).length > 0 ? "financing" : "specific_vehicle";
  // A pin alone asks where the dealer is, as seen from there.
  const pinOnly = o.media === "location" && !o.text.trim();
  const primary = pinOnly ? "location" : listed === "picked" && (f.primary === "browse" || f.primary === "other") ? picked : f.primary;
  if (f.reply === "whichCar") return say("specific_vehicle");
  if (f.reply === "passedOn") actions.wish = wishOf(o.memory.search, t);
  if (f.reply) return done(phrasesFor(lang, t.tone)[f.reply]);
  if (f.compare && listed !== "picked") {
    tools.push({ name: "compare_vehicles", input: { codes: f.compare } });
    const { vehicles } = await compareVehiclesTool(ctx, f.compare);
    if (vehicles.length >= 2) {
      memory.proposedCodes = vehicles.map((v) => v.code);
      memory.focusCode = null;
      return done(compareReply(lang, vehicles, t));
    }
  }
  if (f.equipmentOf && !listed) {
    tools.push({ name: "compare_vehicles", input: { codes: f.equipmentOf } });
    const { vehicles } = await compareVehiclesTool(ctx, f.equipmentOf);
    const p = phrasesFor(lang, t.tone);
    const facts = vehicles.map((v) => carFact(o.text, v, { features: v.features, color: v.color, description: null }, p, lang, langFromLocale(t.locale)));
    if (facts.length > 0 && facts.every(Boolean)) {
      quoted.push(...facts.flatMap((fact) => fact!.quoted));
      return done(`${facts.map((fact) => fact!.text).join("\n")}\n\n${p.nextStep}`);
    }
  }
  if (listed && listed !== "picked") return browse(listed);
  if (f.search && !listed) return browse(f.search);
  switch (primary) {
    case "handover":
      actions.handover = "shopper asked for a person";
      return say("handover", { askedForPerson: true });
    case "test_drive": {
      actions.hot = "wants a test drive or visit";
      // "Can I come by to look around?" is about no car, not even the one just shown: a visit.
      const lookingAround = wantsToLookAround(o.text) && !e.vehicleCode && !e.make && !e.model;
      const v = lookingAround ? null : await focus();
      const asked = await namedShowroom();
      if (!v) {
        if (searchKeys.some((k) => k in e)) return browse();
        // Coming by to look around needs no car: booked at the day and time asked when free, else the showroom's free
        // times (the main one unless named). A test drive needs one: which?
        const visitAt = e.date && e.time ? atLocal(e.date, e.time, ctx.tenant.timeZone) : null;
        if (asked) return visitAt ? bookVisit(visitAt, asked.id) : offerVisit(asked.id, `${asked.name}, ${asked.address}`);
        if (!wantsVisit(o.text)) return say("test_drive");
        return visitAt ? bookVisit(visitAt, null) : offerVisit(null, null);
      }
      // A car is test-driven where it stands: asked for another showroom, the shopper hears where and gets its times.
      const elsewhere = asked && asked.id !== focused.showroomId ? { asked: asked.name, at: focused.place } : undefined;
      // "Proefrit met de Golf GTE" with no GTE here: said first, and the Golf there is offered, not booked unasked.
      const missing = await missingVersion();
      if (missing) quoted.push(missing);
      if (e.date && e.time && !elsewhere && !missing) return book(atLocal(e.date, e.time, ctx.tenant.timeZone), v.code);
      tools.push({ name: "test_drive_slots", input: { date: e.date, code: v.code } });
      // A day with no free time (for the other showroom: the car's is closed then) gets the next free times.
      const { slots, dayTaken } = await freeTimes({ date: e.date, vehicleCode: v.code });
      memory.offeredSlots = slots.map((s) => s.toISOString());
      return say("test_drive", { vehicles: [v], slots, missingVersion: missing ?? undefined, carElsewhere: elsewhere, slotTaken: dayTaken && !elsewhere });
    }
    case "price_negotiation": {
      // "Wat is jullie laatste prijs voor de Golf GTE?" with no GTE here: said so, and the Golfs there are.
      if (await missingVersion()) return browse();
      actions.hot = "asks about the price";
      actions.stage = "negotiation";
      const v = await focus();
      // With hand-over on negotiation switched off, the rep still hears of the hot lead but the assistant keeps the chat.
      if (!rules.handoverOnNegotiation) return say("price_negotiation", v ? { vehicles: [v] } : {});
      actions.handover = offer ? `price negotiation: offers ${formatPrice(offer, ctx.tenant.currency, ctx.tenant.locale)}` : "price negotiation";
      if (offer) allowedNumbers.push(offer);
      return v ? say("price_negotiation", { vehicles: [v], handover: true, offer }) : say("handover");
    }
    case "financing": {
      if (await missingVersion()) return browse();
      actions.hot = "asks about financing";
      const v = (await focus()) ?? (searchKeys.some((k) => k in e) ? (await searchInventoryTool(ctx, e, 1)).vehicles[0] : null);
      if (!v) {
        // The dealer's terms when it wrote any, and which car, so the next answer can work out an example.
        const fact = await dealerFact("financing");
        return fact ? done(`${fact}\n\n${phrasesFor(lang, t.tone).whichCar}`) : say("financing");
      }
      // Terms asked now, else those asked for this car before ("en over 72 maanden?", then "met 5.000 aanbetaling?").
      const before = o.memory.focusCode === v.code ? o.memory.financing : undefined;
      const asked = {
        months: terms.months ?? before?.months,
        downPaymentPct: terms.downPaymentPct ?? (terms.downPayment ? Math.min(90, (terms.downPayment / v.price) * 100) : before?.downPaymentPct),
      };
      memory.financing = asked;
      tools.push({ name: "financing_estimate", input: { code: v.code, ...asked } });
      const q = financingTool(ctx, v, asked);
      allowedNumbers.push(q.monthly, q.downPayment, q.totalPaid, q.principal);
      memory.focusCode = v.code;
      return say("financing", { financing: { monthly: q.monthly, months: q.months, ratePct: q.ratePct, downPayment: q.downPayment, vehicle: v } });
    }
    case "trade_in": {
      actions.handover = "trade-in valuation";
      const fact = await dealerFact();
      if (fact) return done(`${fact}\n\n${phrasesFor(lang, t.tone).handover}`);
      // The shopper's own car, said back as they named it: no claim about stock, so the stock check lets it through.
      const car = tradeInValuable(e.tradeIn) ? tradeInName(e.tradeIn, t.locale) : null;
      if (car) quoted.push(car);
      const noted = say("trade_in", car ? { tradeIn: car } : {});
      // "We zoeken een elektrische tot 18 duizend. Hoeveel krijg ik voor mijn Picanto?": the search is answered too.
      if (!searchKeys.some((k) => k in e)) return noted;
      const found = await browse(e, false);
      return { ...found, text: `${noted.text}\n\n${found.text}` };
    }
    case "specific_vehicle": {
      // "Is the Golf GTI still available?" with no GTI here: the search says so and offers the Golfs there are.
      if (await missingVersion()) return alsoAnswered(await browse());
      const v = await focus();
      // "Is de Golf er nog?" with two Golfs here and neither in focus: the Golfs, not the newest alone.
      if (v && namedSeveral) {
        delete actions.showroomId;
        return alsoAnswered(await browse());
      }
      return alsoAnswered(v ? details(v) : await browse());
    }
    case "browse":
      return alsoAnswered(await browse());
    case "opening_hours": {
      const fact = await dealerFact();
      if (fact) return done(fact);
      // With several showrooms the hours differ: the one named, else each with its own.
      const asked = await namedShowroom();
      const showrooms = asked ? [asked] : await showroomsTool(ctx, lang, now);
      return showrooms ? say("location", { showrooms }) : say(primary);
    }
    case "greeting":
    case "other": {
      // A voice note it cannot hear, a photo it cannot see (and no words it understands): it says so and asks for words.
      if (o.media === "voice" && !o.text.trim()) return done(phrasesFor(lang, t.tone).voiceNotice);
      if (o.media === "photo" && primary === "other") return done(phrasesFor(lang, t.tone).photoNotice);
      // About the car we just showed: what its own listing says comes first ("eerste eigenaar"), then the dealer's
      // policies ("every car gets a new APK"), then that car's details (or that its listing does not say).
      const v = primary === "other" && aboutFocus ? await focus() : null;
      if (v && historyTopic(o.text) && quotedHistory(o.text, focused.description)) return details(v);
      const fact = await dealerFact();
      if (fact) return done(fact);
      // "Kan jeg få den levert til Oslo?" with nothing written about delivery: a colleague confirms (as Claude hands over),
      // rather than the car's card again.
      // ("Hi there, do you ship cars to Belgium?" too: the greeting is no answer to it.)
      const topics = questionTopics(o.text);
      if (topics.length) {
        actions.handover = `question about ${topics.join(", ").replace("_", "-")} the dealer's answers do not cover`;
        return done(phrasesFor(lang, t.tone).askColleague);
      }
      if (v) return details(v);
      // "Jeg heter Ola Nordmann": the pipeline keeps the name on the contact; the name said back is no car.
      const name = primary === "other" ? u.name : undefined;
      if (name) {
        quoted.push(name);
        return done(fill(phrasesFor(lang, t.tone).nameNoted, { name }));
      }
      return say(primary);
    }
    case "location": {
      tools.push({ name: "showrooms", input: {} });
      const asked = await namedShowroom();
      // "Waar staat hij?" about the car in focus: the showroom it stands in, when the dealer has more than one.
      if (!asked && o.memory.focusCode && (await focus())) {
        const here = (await showroomsTool(ctx, lang, now))?.find((s) => s.id === focused.showroomId);
        if (here) return say("location", { showrooms: [here] });
      }
      const showrooms = asked ? [asked] : await showroomsTool(ctx, lang, now);
      return say("location", showrooms ? { showrooms } : {});
    }
    case "thanks":
      return say(primary);
    default:
      return say("other");
  }

  /** Cancels the shopper's own next appointment: the action that records it, null when none is coming. */
  async function cancelOwn(): Promise<AssistantAction | null> {
    tools.push({ name: "cancel_booking", input: {} });
    const c = await cancelOwnBookingTool(ctx, now);
    return c && { cancelled: [{ appointmentId: c.appointmentId, kind: c.kind, start: c.start.toISOString(), vehicle: c.vehicle }] };
  }

  /**
   * The cancelled and booked appointments said back, with the actions the pipeline records for them (timeline notes, the
   * reps' alerts); "Ja" to "Wil je een ander moment plannen?" after a cancellation gets the car's free times. A hand-over
   * Claude asked for before failing is made as any other: a colleague takes over.
   */
  function saidDone({ cancelled = [], booking, handover, stage, hot, showroomId }: AssistantAction) {
    const texts = cancelled.map((c) => composeReply({ lang, intent: "test_drive", tenant: t, booking: { start: new Date(c.start), vehicle: c.vehicle, cancelled: true } }));
    if (cancelled.length) actions.cancelled = cancelled;
    const car = cancelled.findLast((c) => c.vehicle)?.vehicle;
    // Claude's tools set the stage, the hot reason and the showroom (its booking tools all three), so the right reps hear.
    Object.assign(actions, { stage, hot, showroomId });
    if (booking) {
      actions.booking = booking;
      texts.push(composeReply({ lang, intent: "test_drive", tenant: t, booking: { start: new Date(booking.start), vehicle: booking.vehicle, place: booking.place, moved: Boolean(booking.movedFrom) } }));
      if (booking.vehicle) memory.focusCode = booking.vehicle.code;
    } else if (car) Object.assign(memory, { focusCode: car.code, askedTestDrive: true });
    if (handover) {
      actions.handover = handover;
      texts.push(phrasesFor(lang, t.tone).handover);
    }
    return done(texts.join("\n"));
  }

  /**
   * The car as the shopper named it ("Volkswagen Golf GTE") when the version they named is on no car of that model here;
   * null when they named none or it is here. Asked once per message.
   */
  async function missingVersion(): Promise<string | null> {
    if (!version || !e.model || e.vehicleCode) return null;
    versionStocked ??= stockHasVersionTool(ctx, e, version);
    if (await versionStocked) return null;
    return [e.make, e.model, versionAsNamed(version)].filter(Boolean).join(" ");
  }

  /**
   * "En de GTE?" with a Golf 1.5 TSI in focus, or "Kalau yang exceed ada?" after a list of Xpanders: a version of that
   * model, so the model with the version, asked about (the stock may have it on other cars, or not at all). A version on
   * exactly one car of the list is that car (`pickByVersion`).
   */
  async function versionOfFocus(): Promise<string | undefined> {
    const code = o.memory.focusCode ?? o.memory.proposedCodes[0];
    if (!code || e.vehicleCode || e.make || e.model || !["other", "specific_vehicle", "browse"].includes(f.primary)) return undefined;
    if (!mayNameVersion(o.text, o.knownModels)) return undefined;
    const d = await vehicleDetailsTool(ctx, code);
    const named = d ? versionNamedAlone(o.text, d.vehicle.model, o.knownModels) : undefined;
    if (!d || !named) return undefined;
    if (o.memory.focusCode) {
      if (carriesVersion(d.vehicle, named)) return undefined;
      f.primary = "specific_vehicle";
    } else {
      const { vehicles } = await compareVehiclesTool(ctx, o.memory.proposedCodes);
      if (vehicles.some((v) => v.model !== d.vehicle.model) || vehicles.filter((v) => carriesVersion(v, named)).length === 1) return undefined;
      f.primary = "browse";
    }
    Object.assign(e, { make: d.vehicle.make, model: d.vehicle.model });
    return named;
  }

  /**
   * "Hebben jullie een automaat onder de 20.000 en zijn jullie zaterdag open?": the hours (or the address) asked beside
   * the cars follow them, before the closing question, which the next message may answer.
   */
  async function alsoAnswered(r: AssistantResult): Promise<AssistantResult> {
    // Read clause by clause only when the whole message already asks for them too.
    const asksBoth = u.intents.includes("opening_hours") || u.intents.includes("location");
    const side = asksBoth ? sideQuestion(o.text, { defaultLang: o.defaultLang, now, timeZone: ctx.tenant.timeZone, knownModels: o.knownModels }) : null;
    if (!side) return r;
    tools.push({ name: "showrooms", input: {} });
    // With several showrooms: the one named, else the shown car's, else each with its own hours.
    const asked = await namedShowroom();
    const all = asked ? null : await showroomsTool(ctx, lang, now);
    const here = all?.find((s) => s.id === focused.showroomId);
    const showrooms = asked ? [asked] : here ? [here] : all;
    const answer = composeReply({ lang, intent: showrooms ? "location" : side, tenant: t, ...(showrooms ? { showrooms } : {}) });
    const paragraphs = r.text.split("\n\n");
    paragraphs.splice(Math.max(1, paragraphs.length - 1), 0, answer);
    return { ...r, text: paragraphs.join("\n\n") };
  }

  /**
   * The search (`limit` cars); when it is the shopper's own (`asked`) and they named a version the stock has ("golf
   * GTE"), its cars alone, as the first three of many Golfs may leave them out.
   */
  async function searchAsNamed(q: Partial<Entities>, limit = 3, asked = q === e) {
    if (asked && version && e.model && !(await missingVersion())) {
      const named = await searchInventoryTool(ctx, { ...q, features: [...(q.features ?? []), version] }, limit);
      if (named.vehicles.length > 0 && !named.relaxed) return named;
    }
    return searchInventoryTool(ctx, q, limit);
  }

  async function browse(q: Entities = e, greet = true) {
    const search = pickKeys(q, [...searchKeys, "order" as const].filter((k) => k in q));
    tools.push({ name: "search_inventory", input: search });
    // "SUV onder de 25 duizend, geen diesel": the search has no such filter, so more cars are read and the diesels left out.
    const refused = q === e ? u.refusedFuel : undefined;
    const read = await searchAsNamed(q, refused ? 12 : 3);
    const found = refused ? { ...read, vehicles: read.vehicles.filter((v) => v.fuel !== refused).slice(0, 3) } : read;
    memory.proposedCodes = found.vehicles.map((v) => v.code);
    memory.focusCode = found.vehicles.length === 1 ? found.vehicles[0].code : null;
    memory.search = search;
    memory.cheapest = found.vehicles.length ? Math.min(...found.vehicles.map((v) => v.price)) : null;
    const intent = greet && u.intents.includes("greeting") ? "greeting" : "browse";
    const missing = q === e && found.vehicles.length > 0 && found.relaxed !== "model" ? await missingVersion() : null;
    if (missing) quoted.push(missing);
    const answer = found.relaxed || missing
      ? say(intent, { noMatch: true, missingVersion: missing ?? undefined, alternatives: { relaxed: (found.relaxed as keyof Entities | null) ?? "version", vehicles: found.vehicles } })
      : say(intent, { vehicles: found.vehicles, noMatch: found.vehicles.length === 0 });
    if (!found.relaxed && found.vehicles.length > 0) return answer;
    // "Is de grijze A180 nog te koop?": the one asked for is sold or reserved, said before the alternatives.
    const gone = q.model ? await unavailableCarTool(ctx, q, now) : null;
    if (!gone) return answer;
    const p = phrasesFor(lang, t.tone);
    const note = fill(gone.status === "sold" ? p.askedSold : p.askedReserved, { car: `${gone.make} ${gone.model} (${gone.year})` });
    quoted.push(note);
    return { ...answer, text: `${note}\n${answer.text}` };
  }
}

// Words that make an amount a budget or a limit rather than an offer.
const limitWords = /(?<!\p{L})(?:budget|budjet|anggaran|dana|max\w*|maks\w*|onder|under|below|unter|bis|tot|dibawah|di bawah|kurang dari|up to|opp til|inntil|höchstens|hoogstens)(?!\p{L})/iu;

/** A text's words, lower case. */
const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);

/**
 * Whether a stock car is of the model a shopper named ("3-serie" and "3 Serie", "Golf Variant" and "Golf", "Polestar 2"
 * and the stock's "2" of make Polestar).
 */
function sameModel(car: { make: string; model: string }, named: string): boolean {
  const norm = (m: string) => m.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const [asked, stock] = [norm(named), norm(car.model)];
  return stock.startsWith(asked) || asked.startsWith(stock) || asked === norm(`${car.make} ${car.model}`);
}

/** Whether a car's year is within the years the shopper named (any, when none). */
const inYears = (year: number, e: Entities) => (e.minYear === undefined || year >= e.minYear) && (e.maxYear === undefined || year <= e.maxYear);

/** The cars of a list that are the cheapest, dearest, newest, oldest or least driven of it (several on a tie), in list order. */
function bestOf(cars: ReplyVehicle[], best: Superlative): ReplyVehicle[] {
  const measure: Record<Superlative, (v: ReplyVehicle) => number> = {
    cheapest: (v) => v.price, dearest: (v) => -v.price, newest: (v) => -v.year, oldest: (v) => v.year, leastKm: (v) => v.mileageKm,
  };
  const top = Math.min(...cars.map(measure[best]));
  return cars.filter((v) => measure[best](v) === top);
}

/**
 * The answer to "Welke kleur heeft hij?", "Heeft hij een trekhaak?" or "Is hij schadevrij?" about the car in focus: its
 * colour, the feature as the dealer listed it, the sentence of its description about its past, or that the listing does
 * not say. Null for any other question.
 */
function carFact(text: string, v: ReplyVehicle, car: { features: string[] | null; color: string | null; description: string | null }, p: Phrases, lang: Lang, dealerLang: Lang): { text: string; quoted: string[] } | null {
  // A listed line in the shopper's words when they write another language; quoted as the dealer wrote it.
  const shown = (line: string) => equipmentFor(line, lang, dealerLang);
  const name = `*${v.code}* ${v.make} ${v.model}`;
  const said = (line: string, quoted: string[] = []) => ({ text: line, quoted });
  // The listed feature that `names` finds, else the description's sentence, else that the listing does not give `asked`
  // (or, for a figure such as the range, that it does not say: the shopper's word may be a verb, "Hoeveel verbruikt hij?").
  const fromListing = (names: (line: string) => boolean, asked: string | null) => {
    const listed = (car.features ?? []).find(names);
    if (listed) return said(fill(p.hasFeature, { car: name, feature: shown(listed) }), [listed]);
    const quote = sentenceOf(car.description, names);
    if (quote) return said(fill(p.fromListing, { car: name, quote }), [quote]);
    return said(asked ? fill(p.featureNotListed, { car: name, asked: capitalized(asked) }) : fill(p.notInListing, { car: name }));
  };
  if (historyTopic(text)) {
    const quote = quotedHistory(text, car.description);
    return quote ? said(fill(p.fromListing, { car: name, quote }), [quote]) : said(fill(p.notInListing, { car: name }));
  }
  const asked = featureAsked(text);
  // Equipment it knows by kind is found however the listing spells it ("heated seats" → "Stoelverwarming voor"); other
  // words by their beginnings.
  const kinds = featuresNamed(asked ?? text);
  if (kinds.length > 0) {
    const answers = kinds.map(({ kind, words }) => {
      const names = (line: string) => namesFeatureKind(kind, line);
      // The variant names some of it ("2.0 TDI 4x4"): those words are the answer.
      const inVariant = featuresNamed(v.variant ?? "").find((f) => f.kind === kind)?.words;
      return { words, listed: (car.features ?? []).find(names) ?? inVariant, quote: sentenceOf(car.description, names) };
    });
    const listed = [...new Set(answers.flatMap((a) => (a.listed ? [a.listed] : [])))];
    const quotes = [...new Set(answers.flatMap((a) => (!a.listed && a.quote ? [a.quote] : [])))];
    const missing = answers.filter((a) => !a.listed && !a.quote).map((a) => a.words);
    return said([
      listed.length ? fill(p.hasFeature, { car: name, feature: listed.map(shown).join(", ") }) : null,
      ...quotes.map((quote) => fill(p.fromListing, { car: name, quote })),
      missing.length ? fill(p.featureNotListed, { car: name, asked: capitalized(missing.join(", ")) }) : null,
    ].filter(Boolean).join("\n"), [...listed, ...quotes]);
  }
  if (asked) {
    const stems = asked.toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length >= 4).map((w) => w.slice(0, 7));
    return fromListing((line) => stems.some((stem) => line.toLowerCase().includes(stem)), asked);
  }
  // "Hva er rekkevidden?", "Wat is het verbruik?": the listing's own line or sentence about it, or that it does not say.
  const spec = specAsked(text);
  if (spec) return fromListing(spec.names, null);
  if (asksColour(text) && car.color) {
    const color = siteText(siteLang(lang)).colors[car.color.toLowerCase()]?.toLowerCase() ?? car.color;
    return said(fill(p.carColor, { car: name, color }));
  }
  return null;
}

/** The action a booking tool's success records. */
export const booked = (
  r: { appointmentId: string; start: Date; vehicle?: ReplyVehicle; place?: string; movedFrom: Date | null; unchanged: boolean }, kind: Booked["kind"],
): Booked => ({
  appointmentId: r.appointmentId, kind, start: r.start.toISOString(), ...(r.vehicle ? { vehicle: r.vehicle } : {}), ...(r.place ? { place: r.place } : {}),
  ...(r.movedFrom ? { movedFrom: r.movedFrom.toISOString() } : {}), ...(r.unchanged ? { unchanged: true as const } : {}),
});

/** The last search in a colleague's words: "Toyota, automatic, up to € 8.000, with tow bar". */
function wishOf(s: Partial<Entities> = {}, t: { currency: string; locale: string }): string {
  const price = (n: number) => formatPrice(n, t.currency, t.locale);
  const parts = [
    s.makes?.join(" or ") ?? s.make, s.model, s.body, s.fuel, s.transmission, s.color,
    s.minYear && `from ${s.minYear}`, s.maxYear && `until ${s.maxYear}`, s.minPrice && `from ${price(s.minPrice)}`, s.maxPrice && `up to ${price(s.maxPrice)}`,
    s.maxKm && `up to ${s.maxKm} km`, s.features?.length && `with ${s.features.map(featureName).join(", ")}`,
  ];
  return parts.filter(Boolean).join(", ") || "no details";
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The sentence of a car's description about the part of its past the shopper asks about ("eerste eigenaar"), if any. */
function quotedHistory(text: string, description: string | null): string | null {
  const topic = historyTopic(text);
  return topic ? sentenceOf(description, (sentence) => topic.test(sentence)) : null;
}

/** The first sentence of a description that `says` holds for. */
function sentenceOf(description: string | null, says: (sentence: string) => boolean): string | null {
  return sentencesOf(description).find(says) ?? null;
}

/** A description's sentences, as the assistant quotes them. */
export function sentencesOf(description: string | null): string[] {
  return (description ?? "").split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
}
