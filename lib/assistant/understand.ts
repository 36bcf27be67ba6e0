import { extractBudget, extractMileage, extractYear } from "./amounts";
import { extractDate, extractTime } from "./dates";
import { detectLanguage } from "./language";
import { bodyWords, colorWords, fuelWords, intentPatterns, makeAliases, transmissionWords } from "./lexicon";
import type { Entities, Intent, Lang, Understanding } from "./types";

export type UnderstandContext = {
  defaultLang: Lang;
  now: Date;
  timeZone: string;
  knownModels?: { make: string; model: string }[];
};

const first = <T>(table: [T, RegExp][], text: string) => table.find(([, re]) => re.test(text))?.[0];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function extractMakeModel(text: string, known: { make: string; model: string }[]): Pick<Entities, "make" | "model"> {
  const t = ` ${text.toLowerCase()} `;
  // Longest model names first so "Model Y" wins over "Model" and "Kona Electric" over "Kona".
  const models = [...known].sort((a, b) => b.model.length - a.model.length);
  for (const k of models) {
    const name = k.model.toLowerCase();
    const loose = escape(name).replace(/[-\s]+/g, "[-\\s]?");
    if (new RegExp(`[^\\p{L}\\d]${loose}[^\\p{L}\\d]`, "u").test(t)) return { make: k.make, model: k.model };
  }
  for (const [alias, make] of Object.entries(makeAliases)) {
    if (new RegExp(`[^\\p{L}]${escape(alias)}[^\\p{L}]`, "u").test(t)) return { make };
  }
  for (const k of known) {
    if (new RegExp(`[^\\p{L}]${escape(k.make.toLowerCase())}[^\\p{L}]`, "u").test(t)) return { make: k.make };
  }
  return {};
}

/** Deterministic understanding of a shopper's message: language, intents (strongest first) and entities. */
export function understandMessage(text: string, ctx: UnderstandContext): Understanding {
  const language = detectLanguage(text, ctx.defaultLang);
  const entities: Entities = {
    ...extractMakeModel(text, ctx.knownModels ?? []),
    ...extractBudget(text),
    fuel: first(fuelWords, text),
    transmission: first(transmissionWords, text),
    body: first(bodyWords, text),
    color: first(colorWords, text),
    minYear: extractYear(text, ctx.now),
    maxKm: extractMileage(text),
    vehicleCode: /#\s?([a-z]{1,3}\d{2})\b/i.exec(text)?.[1]?.toUpperCase().replace(/^/, "#"),
    date: extractDate(text, ctx.now, ctx.timeZone),
    time: extractTime(text),
  };
  for (const k of Object.keys(entities) as (keyof Entities)[]) if (entities[k] === undefined) delete entities[k];

  const intents: Intent[] = intentPatterns.filter(([, re]) => re.test(text)).map(([intent]) => intent);
  if (intents.includes("opt_out")) return { language, intents: ["opt_out"], entities, confidence: 1 };
  const searchy = ["make", "model", "maxPrice", "minPrice", "fuel", "transmission", "body", "minYear", "maxKm", "color"].some((k) => k in entities);
  if (entities.vehicleCode && !intents.includes("specific_vehicle")) intents.push("specific_vehicle");
  else if (searchy) intents.push("browse");
  if ((entities.date || entities.time) && !intents.includes("test_drive") && /\b(kom|kan ik|komme|kommen|come|datang|bisa)\b/i.test(text)) intents.push("test_drive");
  if (/\b(prijs|price|pris|preis|harga|kost|koster|kostet|cost|berapa)\b/i.test(text) && (entities.vehicleCode || entities.model) && !intents.includes("price_negotiation")) intents.push("specific_vehicle");
  // Order: what the shopper wants to *do* first, small talk last.
  const order: Intent[] = ["opt_out", "handover", "test_drive", "price_negotiation", "financing", "trade_in", "specific_vehicle", "browse", "opening_hours", "location", "thanks", "greeting"];
  const ranked = [...new Set(intents)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { language, intents: ranked.length ? ranked : ["other"], entities, confidence: ranked.length ? 0.8 : 0.2 };
}
