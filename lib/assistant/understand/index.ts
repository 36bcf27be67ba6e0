import type { Entities, Intent, Lang, TradeIn, UnderstandContext, Understanding } from "../types";
import { nameGiven, searchOrder, wantsToCancel } from "./answers";
import { extractBudget, extractMileage, extractYears, firstDistance } from "./budget";
import { extractAfterHour, extractDate, extractDayPart, extractTime } from "./dates";
import { optOutRest, rankIntents } from "./intents";
import { numberWordsToDigits } from "./number-words";
import { detectLanguage } from "./language";
import { bodyWords, colorWords, extractVehicleCode, firstMatch, fuelWords, transmissionWords, withoutNegatedWishes } from "./vocabulary";
import { findVehicleMentions, type VehicleMention } from "./vehicles";
import { isVersionOf, versionAfter } from "./version";
import { featureKindsIn } from "@/lib/inventory/feature-words";

export { detectLanguage } from "./language";
export { addressForm, formalAfter } from "./address";
export {
  asksAboutThatCar, asksCheaper, statedName, asksColour, asksForPhotos, asksWhetherItHas, featureAsked, specAsked, historyTopic, asksToCompare, continuesSearch, financingTerms, pickFromList, shortAnswer, singlesOut, superlativeIn, vehicleCodesIn, wantsToCancel, wantsToLookAround, wantsVisit, type Superlative,
} from "./answers";
export { yearNamed } from "./budget";
export { findVehicleMentions, type VehicleMention } from "./vehicles";
export { findShowroomMention } from "./showrooms";
export { addDaysIso, localToday } from "./dates";
export type { UnderstandContext } from "../types";

const tradeWords = new RegExp(String.raw`inruil|ruilen|innbytte|bytte inn|inzahlung|in zahlung|trade[- ]?in|part[- ]?exchange|tukar tambah|\btt\b|` +
  // "Hoeveel kan ik krijgen voor mijn Picanto?": what the shopper's own car is worth.
  String.raw`(?:hoeveel|wat) (?:kan ik krijgen|krijg ik) voor|what (?:can|could|would|will) i get for|bekomme ich für|får jeg for|harga mobil saya`, "i");
const possessiveBefore = /(?:mijn|m'n|my|min|mitt|mi|meinen|meine|mein|unsere?n?|onze|vår|vårt)\s+(?:huidige |current |oude |old |gamle |alten? )?(?:(?:19|20)\d{2}\s+)?$/i;
const possessiveAfter = /^\s*(?:(?:19|20)\d{2}\s+)?(?:saya|aku|gue|gw|ku|punya saya)\b/i;
const yearNear = /^\D{0,16}?\b((?:19|20)\d{2})\b/;
const yearJustBefore = /\b((?:19|20)\d{2})\s+$/;
// Words between the trade-in and a distance that make the distance the wanted car's ("voor een Golf met max 80.000 km").
const otherCarBefore = /\b(?:voor|for|für|untuk|mot|tegen|gegen|against|max\w*|maks\w*|onder|under|unter|below|bawah|kurang|minder|less|weniger|mindre)\b/i;

/** A mileage written soon after `at`, in the same sentence and not the wanted car's ("uit 2014 met 180.000 km"). */
function distanceAfter(text: string, at: number): { km: number; end: number } | null {
  const after = text.slice(at, at + 40);
  const d = firstDistance(after);
  if (!d || /[.?!;]/.test(after.slice(0, d.index)) || otherCarBefore.test(after.slice(0, d.index))) return null;
  return { km: d.km, end: at + d.end };
}

const blank = (text: string, start: number, end: number) => `${text.slice(0, start)}${" ".repeat(end - start)}${text.slice(end)}`;

/**
 * The car the shopper wants to trade in, and the text with it blanked out so its year and mileage are no search
 * limits.
 */
function splitTradeIn(text: string, mentions: VehicleMention[]): { tradeIn?: TradeIn; wanted: VehicleMention[]; rest: string } {
  if (!tradeWords.test(text)) return { wanted: mentions, rest: text };
  const owned = mentions.find((m) => possessiveBefore.test(text.slice(Math.max(0, m.index - 25), m.index)) || possessiveAfter.test(text.slice(m.end)))
    ?? (mentions.length === 1 && !/(zoek|looking for|ser etter|suche|cari|wil|want|vil|möchte|mau)\b/i.test(text) ? mentions[0] : undefined);
  if (!owned) {
    const lone = /(?:mijn|my|min|mitt|meinen|mein|saya)\b[^.?!]{0,30}?\b((?:19|20)\d{2})\b/i.exec(text);
    if (!lone) return { wanted: mentions, rest: text };
    const yearAt = lone.index + lone[0].length - 4;
    const km = distanceAfter(text, yearAt + 4);
    return { tradeIn: { year: Number(lone[1]), ...(km ? { km: km.km } : {}) }, wanted: mentions, rest: blank(text, yearAt, km?.end ?? yearAt + 4) };
  }
  const yearMatch = yearNear.exec(text.slice(owned.end));
  const yearBefore = yearJustBefore.exec(text.slice(Math.max(0, owned.index - 8), owned.index));
  const tradeYear = yearMatch ?? yearBefore ? Number((yearMatch ?? yearBefore)![1]) : undefined;
  const start = !yearMatch && yearBefore ? owned.index - yearBefore[0].length : owned.index;
  const carEnd = yearMatch ? owned.end + yearMatch.index + yearMatch[0].length : owned.end;
  const km = distanceAfter(text, carEnd);
  const tradeIn: TradeIn = { make: owned.make, ...(owned.model ? { model: owned.model } : {}), ...(tradeYear ? { year: tradeYear } : {}), ...(km ? { km: km.km } : {}) };
  return { tradeIn, wanted: mentions.filter((m) => m !== owned), rest: blank(text, start, km?.end ?? carEnd) };
}

function definedOnly(e: Entities): Entities {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as Entities;
}

/** The text as the understanding reads it: composed letters, straight apostrophes, plain spaces. */
const typedText = (text: string) => text.normalize("NFC").replace(/[\u2018\u2019]/g, "'").replace(/[\u00a0\u202f]/g, " ");

/** What a message that opts out asks besides (see `optOutRest`): null when it does not opt out. */
export const textBesideOptOut = (text: string) => optOutRest(typedText(text));

/** Deterministic understanding of a shopper's message: language, intents (strongest first) and entities. */
export function understandMessage(text: string, ctx: UnderstandContext): Understanding {
  const typed = typedText(text);
  const language = detectLanguage(typed, ctx.defaultLang);
  const besideOptOut = optOutRest(typed);
  if (besideOptOut !== null) return optingOut(besideOptOut, language, ctx);
  // "max twaalfduizend euro", "dibawah seratus juta": amounts in words are read as the digits they say.
  const clean = numberWordsToDigits(typed, language.lang);
  // The shopper's own name is no car: "Ik heet Zoë" asks for no Renault.
  const name = nameGiven(clean);
  const unnamed = name ? blank(clean, name.index, name.end) : clean;
  const { tradeIn, wanted, rest } = splitTradeIn(unnamed, findVehicleMentions(unnamed, { ...ctx, definite: language.lang === "nb" }));
  const car = wanted.find((m) => m.model) ?? wanted[0];
  const years = extractYears(rest, ctx.now);
  const features = featureKindsIn(rest);
  // "SUV onder de 25 duizend, geen diesel": no diesel search.
  const wished = withoutNegatedWishes(rest);
  // "Golf 2019", "avanza 2019": a year right after the car is the oldest the shopper wants.
  const yearAfterCar = car ? /^\s*((?:19|20)\d{2})(?![\d.,])(?!\s*(?:km|€|euro))/.exec(rest.slice(car.end))?.[1] : undefined;
  // "BMW of Audi", "Toyota atau Honda": several makes and no model is a search for any of them.
  const makes = car?.model ? [] : [...new Set(wanted.map((m) => m.make))];
  // A car's name with figures is no date or time: "Saab 9-5" is not the 9th of May.
  const carsBlanked = wanted.reduce((s, m) => (/\d/.test(s.slice(m.index, m.end)) ? `${s.slice(0, m.index)}${" ".repeat(m.end - m.index)}${s.slice(m.end)}` : s), rest);
  // "na vijven" asks for the times from five on, not for five o'clock.
  const afterHour = extractAfterHour(carsBlanked);
  const time = afterHour === undefined ? extractTime(carsBlanked) : undefined;
  const entities = definedOnly({
    make: car?.make,
    makes: makes.length > 1 ? makes : undefined,
    model: car?.model,
    ...extractBudget(rest),
    fuel: firstMatch(fuelWords, wished.text),
    transmission: firstMatch(transmissionWords, wished.text) ?? wished.transmission,
    body: firstMatch(bodyWords, wished.text),
    minYear: years.minYear ?? (yearAfterCar && !years.maxYear ? Number(yearAfterCar) : undefined),
    maxYear: years.maxYear,
    maxKm: extractMileage(rest),
    color: firstMatch(colorWords, wished.text),
    features: features.length ? features : undefined,
    order: searchOrder(rest),
    vehicleCode: extractVehicleCode(clean),
    date: extractDate(carsBlanked, ctx.now, ctx.timeZone),
    time,
    afterHour,
    dayPart: time || afterHour !== undefined ? undefined : extractDayPart(carsBlanked),
    tradeIn,
  });
  const { intents, explicit } = rankIntents(clean, entities);
  const base = intents[0] === "other" ? 0.2 : explicit || intents[0] === "greeting" || intents[0] === "thanks" ? 0.9 : 0.75;
  const confidence = Math.round(base * (0.8 + 0.2 * language.certainty) * 100) / 100;
  // "golf polo?" names two cars, not a Golf called Polo ("avanza veloz" is the Avanza's version of that name).
  const nextCar = car ? wanted.find((m) => m.index >= car.end) : undefined;
  const twoCars = nextCar && /^[\s-]*$/.test(rest.slice(car!.end, nextCar.index)) && !isVersionOf(car!.model!, rest.slice(nextCar.index, nextCar.end), ctx.knownModels);
  const version = car?.model && !twoCars ? versionAfter(rest, car.end, car.model, ctx.knownModels) : undefined;
  return {
    language: language.lang, intents, entities, confidence, ...(name ? { name: name.name } : {}), ...(version ? { version } : {}),
    ...(wished.refusedFuel && !entities.fuel ? { refusedFuel: wished.refusedFuel } : {}),
  };
}

const smallTalk = new Set<Intent>(["other", "greeting", "thanks"]);

/**
 * A message that opts out: opting out first, then what its other clauses ask ("…, maar is de Golf nog beschikbaar?"),
 * understood on their own in the message's language, so the words of the opt-out ("offers for SUVs") ask for nothing.
 * A question of a few words counts even when no intent names it ("Hoeveel garantie geven jullie?"); "ok?" does not.
 */
function optingOut(rest: string, language: { lang: Lang; certainty: number }, ctx: UnderstandContext): Understanding {
  const asked = rest ? understandMessage(rest, { ...ctx, defaultLang: language.lang }) : null;
  const question = rest.includes("?") && (rest.match(/\p{L}{2,}/gu) ?? []).length >= 2;
  if (asked && (question || asked.intents.some((i) => !smallTalk.has(i)) || wantsToCancel(rest))) {
    return { ...asked, language: language.lang, intents: ["opt_out", ...asked.intents] };
  }
  return { language: language.lang, intents: ["opt_out"], entities: {}, confidence: Math.round(0.9 * (0.8 + 0.2 * language.certainty) * 100) / 100 };
}
