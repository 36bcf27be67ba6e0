import { formatDateTime, formatMileage, formatPrice } from "@/lib/format";
import type { Tone } from "../rules";
import { langFromLocale, type Entities, type Intent, type Lang, type TradeIn } from "../types";
import { equipmentFor } from "./equipment";
import { fill, phrasesFor, type Phrases } from "./phrases";
import { numberFormat } from "@/lib/format/intl";

export type VehicleForReply = {
  code: string; make: string; model: string; variant?: string | null; year: number; price: number; mileageKm: number;
  fuel: string; transmission: string; url?: string; status?: string;
  /** Highlights shown on the details answer. */
  features?: string[];
  /** The showroom where the car stands ("name, street, city"), given only when the dealer has more than one. */
  location?: string;
};

export type TenantForReply = {
  name: string; locale: string; currency: string; timeZone: string; address?: string; openingHoursText?: string; mapsUrl?: string;
  tone?: Tone;
  /** The dealer's own greeting ({dealer} = the name), written in the dealer's language. */
  greeting?: string | null;
};

export type ReplyInput = {
  lang: Lang;
  intent: Intent;
  tenant: TenantForReply;
  vehicles?: VehicleForReply[];
  /** What the search offers instead when nothing matched, and which wish it let go of ("version": `missingVersion`). */
  alternatives?: { relaxed: keyof Entities | "version"; vehicles: VehicleForReply[] };
  noMatch?: boolean;
  /**
   * The car as the shopper named it with a version the stock does not have ("Volkswagen Golf GTE"), said instead of
   * `noMatch`, or before the test-drive times of the model's car there is.
   */
  missingVersion?: string;
  /** Free test-drive times; shown in the tenant's time zone. */
  slots?: Date[];
  /** The time the shopper picked was taken meanwhile; the new slots follow. */
  slotTaken?: boolean;
  /** `place`: the showroom of a visit booked without a car; `moved`: the shopper's booking got this new time. */
  booking?: { start: Date; vehicle?: VehicleForReply; place?: string; moved?: boolean; cancelled?: boolean };
  /** The shopper asked for a showroom the car is not in: it is test-driven where it stands ({at}). */
  carElsewhere?: { asked: string; at: string };
  /** The showroom whose free times are offered for a visit without a car. */
  visitPlace?: string;
  financing?: { monthly: number; months: number; ratePct: number; downPayment: number; vehicle: VehicleForReply };
  /** The car the shopper wants to trade in, when they named it with its year (see `tradeInName`). */
  tradeIn?: string;
  /** A colleague has been asked to take over. */
  handover?: boolean;
  /** The amount the shopper offered for the car, passed on with the hand-over. */
  offer?: number;
  /** The shopper asked to talk to a person (the hand-over reply says "of course"). */
  askedForPerson?: boolean;
  rateLimited?: boolean;
  /** Short facts from the dealer's own knowledge base that answer the question. */
  knowledge?: string[];
  /** Every showroom when the dealer has more than one, or the one the shopper named. */
  showrooms?: { name: string; address: string; hours?: string; mapUrl?: string | null }[];
};

export const MAX_REPLY_CHARS = 600;

// Dates read in the shopper's language; prices keep the dealer's market format.
const dateLocale: Record<Lang, string> = { nl: "nl-NL", nb: "nb-NO", de: "de-DE", en: "en-GB", id: "id-ID" };
const MAX_CARS = 5;

// "Polestar 2" already carries its make: no "Polestar Polestar 2".
const makeModel = (v: VehicleForReply) => (v.model.toLowerCase().startsWith(`${v.make.toLowerCase()} `) ? v.model : `${v.make} ${v.model}`);
/** The shopper's trade-in as they described it ("Opel Astra (2014, 180.000 km)", or "2016, 193.121 km"); null for nothing. */
export function tradeInName(t: TradeIn | undefined, locale: string): string | null {
  const name = [t?.make, t?.model].filter(Boolean).join(" ");
  const facts = [...(t?.year ? [String(t.year)] : []), ...(t?.km ? [formatMileage(t.km, locale)] : [])].join(", ");
  if (!name) return facts || null;
  return facts ? `${name} (${facts})` : name;
}

/** Whether a trade-in is described well enough for a colleague to value it: a make or model, and its year. */
export const tradeInValuable = (t: TradeIn | undefined): boolean => Boolean(t?.year && (t.make || t.model));

const carName = (v: VehicleForReply) => `*${v.code}* ${makeModel(v)} (${v.year})`;

/** One car: code, make, model, year and price always; then the facts shoppers compare. */
export function vehicleLine(v: VehicleForReply, p: Phrases, t: TenantForReply): string {
  const gear = v.transmission === "automatic" ? p.automatic : p.manual;
  const variant = v.variant ? ` ${v.variant}` : "";
  return `*${v.code}* ${makeModel(v)}${variant} · ${v.year} · *${formatPrice(v.price, t.currency, t.locale)}*\n   ${formatMileage(v.mileageKm, t.locale)} · ${p.fuel[v.fuel] ?? v.fuel} · ${gear}`;
}

/** Cars side by side, then which is cheapest, newest and has run the fewest kilometres (where they differ). */
export function compareReply(lang: Lang, vehicles: VehicleForReply[], t: TenantForReply): string {
  const p = phrasesFor(lang, t.tone);
  const best = (score: (v: VehicleForReply) => number) => {
    const sorted = [...vehicles].sort((a, b) => score(a) - score(b));
    return score(sorted[0]) === score(sorted[1]) ? null : `*${sorted[0].code}*`;
  };
  const summary = [
    [p.compare.cheapest, best((v) => v.price)], [p.compare.newest, best((v) => -v.year)], [p.compare.fewestKm, best((v) => v.mileageKm)],
  ].flatMap(([phrase, code]) => (code ? [fill(phrase!, { code })] : []));
  const lines = [p.compare.intro, ...vehicles.map((v) => vehicleLine(v, p, t))].join("\n");
  const said = summary.join(" · ");
  return [lines, said && said[0].toUpperCase() + said.slice(1), p.nextStep].filter(Boolean).join("\n\n");
}

// As many cars as fit the WhatsApp-sized budget, never fewer than one.
function vehicleList(intro: string, vehicles: VehicleForReply[], p: Phrases, t: TenantForReply, room: number): string {
  let out = intro;
  for (const [i, v] of vehicles.slice(0, MAX_CARS).entries()) {
    const next = `${out}\n${vehicleLine(v, p, t)}`;
    if (i > 0 && next.length > room) break;
    out = next;
  }
  return out;
}

function listReply(input: ReplyInput, p: Phrases, lead: string[]): string[] {
  const { tenant: t } = input;
  const room = (used: string[]) => MAX_REPLY_CHARS - used.join("\n\n").length - p.nextStep.length - 4;
  const vehicles = input.vehicles ?? [];
  if (!input.noMatch && vehicles.length) {
    const intro = vehicles.length === 1 ? p.foundOne : p.found;
    return [...lead, vehicleList(intro, vehicles, p, t, room(lead)), p.nextStep];
  }
  const parts = [...lead, input.missingVersion ? fill(p.versionMissing, { car: input.missingVersion }) : p.noMatch];
  const alt = input.alternatives;
  if (!alt?.vehicles.length) return [...parts, p.noAlternatives];
  const intro = fill(p.relaxed, { what: p.relaxedWhat[alt.relaxed] ?? String(alt.relaxed) });
  return [...parts, vehicleList(intro, alt.vehicles, p, t, room(parts)), p.nextStep];
}

function detailsReply(input: ReplyInput, p: Phrases): string[] {
  const v = input.vehicles?.[0];
  if (!v) return input.noMatch ? listReply({ ...input, vehicles: [] }, p, [p.notAvailable]) : [p.whichCar];
  const lines = [vehicleLine(v, p, input.tenant)];
  const dealerLang = langFromLocale(input.tenant.locale);
  if (v.features?.length) lines.push(`✓ ${v.features.slice(0, 5).map((f) => equipmentFor(f, input.lang, dealerLang)).join("\n✓ ")}`);
  if (v.status === "reserved") lines.push(p.reservedNote);
  if (v.location) lines.push(`📍 ${v.location}`);
  if (v.url) lines.push(fill(p.link, { url: v.url }));
  return [lines.join("\n"), p.askTestDrive];
}

function testDriveReply(input: ReplyInput, p: Phrases): string[] {
  const t = input.tenant;
  const place = input.booking?.place ?? input.booking?.vehicle?.location ?? t.address;
  const at = place ? ` — ${place}` : "";
  if (input.booking) {
    const when = formatDateTime(input.booking.start, dateLocale[input.lang], t.timeZone);
    const car = input.booking.vehicle;
    const moved = input.booking.moved;
    if (input.booking.cancelled) return [car ? fill(p.cancelled, { car: carName(car), when }) : fill(p.cancelledNoCar, { when })];
    return [car ? fill(moved ? p.moved : p.booked, { car: carName(car), when, at }) : fill(moved ? p.movedNoCar : p.bookedNoCar, { when, at })];
  }
  const car = input.vehicles?.[0];
  if (!input.slots) return car ? [vehicleLine(car, p, t), p.askTestDrive] : [p.whichCar];
  const taken = [...(input.missingVersion ? [fill(p.versionMissing, { car: input.missingVersion })] : []), ...(input.slotTaken ? [p.slotTaken] : []), ...(input.carElsewhere && car ? [fill(p.carElsewhere, { car: carName(car), ...input.carElsewhere })] : [])];
  if (input.slots.length === 0) return [...taken, p.noSlots];
  const list = input.slots.slice(0, 6).map((s, i) => `${i + 1}. ${formatDateTime(s, dateLocale[input.lang], t.timeZone)}`);
  const intro = car ? fill(p.slotsIntro, { car: carName(car) }) : input.visitPlace ? fill(p.visitAt, { place: input.visitPlace }) : p.slotsIntroNoCar;
  return [...taken, [intro, ...list].join("\n"), p.slotsPick];
}

function financingReply(input: ReplyInput, p: Phrases): string[] {
  const f = input.financing;
  if (!f) return input.vehicles?.length ? listReply(input, p, []) : [p.whichCar];
  const t = input.tenant;
  const money = (n: number) => formatPrice(n, t.currency, t.locale);
  const rate = numberFormat(t.locale, { maximumFractionDigits: 2 }).format(f.ratePct);
  return [
    vehicleLine(f.vehicle, p, t),
    fill(p.financing, { car: `${f.vehicle.make} ${f.vehicle.model}`, monthly: money(f.monthly), months: f.months, rate, down: money(f.downPayment) }),
    p.financingNote,
  ];
}

const showroomBlock = (s: NonNullable<ReplyInput["showrooms"]>[number]) =>
  [`*${s.name}*`, s.address, s.hours && `🕒 ${s.hours}`, s.mapUrl].filter(Boolean).join("\n");

// As many showrooms as fit the WhatsApp-sized budget, never fewer than one.
function showroomList(list: NonNullable<ReplyInput["showrooms"]>, p: Phrases): string {
  if (list.length === 1) return showroomBlock(list[0]);
  let out = fill(p.locations, { n: list.length });
  for (const [i, s] of list.entries()) {
    const next = `${out}\n\n${showroomBlock(s)}`;
    if (i > 0 && next.length > MAX_REPLY_CHARS - 20) break;
    out = next;
  }
  return out;
}

// The dealer's own greeting speaks the dealer's language; a shopper writing another one gets ours in theirs.
function greetingLine(input: ReplyInput, p: Phrases): string {
  const t = input.tenant;
  const own = t.greeting && langFromLocale(t.locale) === input.lang ? t.greeting : null;
  return fill(own ?? p.greeting, { dealer: t.name });
}

function bodyFor(input: ReplyInput, p: Phrases): string[] {
  const t = input.tenant;
  switch (input.intent) {
    case "opt_out": return [p.optOut];
    // "Of course!" only where the shopper asked for a person: before a hand-over for a discount or a complaint it would
    // read as agreeing.
    case "handover": return [input.askedForPerson ? `${p.sure} ${p.handover}` : p.handover];
    case "greeting":
      return input.vehicles?.length || input.noMatch ? listReply(input, p, [greetingLine(input, p)]) : [greetingLine(input, p), p.askNeeds];
    case "browse": return listReply(input, p, []);
    case "specific_vehicle": return detailsReply(input, p);
    case "test_drive": return testDriveReply(input, p);
    case "financing": return financingReply(input, p);
    case "price_negotiation": {
      const v = input.vehicles?.[0];
      return v ? [fill(p.negotiation, { car: carName(v), price: formatPrice(v.price, t.currency, t.locale) })] : [p.whichCar];
    }
    case "trade_in": return [input.tradeIn ? fill(p.tradeInNoted, { car: input.tradeIn }) : p.tradeIn];
    case "opening_hours": return [t.openingHoursText ? fill(p.hours, { hours: t.openingHoursText }) : p.hoursUnknown];
    case "location":
      if (input.showrooms?.length) return [showroomList(input.showrooms, p)];
      if (!t.address) return [p.locationUnknown];
      return [[fill(p.location, { address: t.address }), t.mapsUrl].filter(Boolean).join("\n")];
    case "thanks": return [p.thanks];
    default: return [p.other];
  }
}

/** One fixed sentence in the shopper's language, for answers that need no car or tenant facts. */
export function phraseFor(lang: Lang, key: "handover" | "rateLimited" | "optOut" | "optOutNoted" | "thanks" | "acknowledged" | "noProblem", tone?: Tone): string {
  const p = phrasesFor(lang, tone);
  return p[key];
}

/** A short WhatsApp reply (*bold*, line breaks, ≤ ~600 characters) in the shopper's language for one intent. */
export function composeReply(input: ReplyInput): string {
  const p = phrasesFor(input.lang, input.tenant.tone);
  if (input.rateLimited) return p.rateLimited;
  const parts = bodyFor(input, p);
  const handoverSaid = input.intent === "handover" || input.intent === "opt_out";
  if (input.handover && !handoverSaid) {
    parts.push(input.offer ? fill(p.offerNoted, { offer: formatPrice(input.offer, input.tenant.currency, input.tenant.locale) }) : p.handover);
  }
  for (const fact of input.knowledge ?? []) {
    if (parts.join("\n\n").length + fact.length + 2 > MAX_REPLY_CHARS) break;
    parts.splice(Math.max(1, parts.length - 1), 0, fact);
  }
  return parts.join("\n\n");
}
