import { siteText } from "@/lib/catalog/i18n";
import { botTexts, nextWords, skipWords, yesWords, type BotLang, type BotStatus } from "./messages";
import { fuzzyFindVehicle, parseShorthandAmount, parseVehicleLine, type ParsedLine } from "./parse";

export type LotCar = { id: string; plate: string | null; code: string; make: string; model: string; year: number; price: number; status: string };
export type BotState =
  | { step: "photos"; mediaIds: string[] }
  | { step: "line"; mediaIds: string[]; confirmedOdd?: boolean }
  | { step: "odd"; mediaIds: string[]; vehicle: ParsedLine; what: "price" | "mileage" }
  | { step: "notes"; mediaIds: string[]; vehicle: ParsedLine }
  | { step: "confirm"; mediaIds: string[]; vehicle: ParsedLine; notes: string | null }
  | { step: "status"; vehicleId: string; status: BotStatus }
  | { step: "price"; vehicleId: string; price: number };
export type BotAction =
  | { type: "create_vehicle"; vehicle: ParsedLine; notes: string | null; mediaIds: string[]; publish: boolean }
  | { type: "set_status"; vehicleId: string; status: BotStatus }
  | { type: "set_price"; vehicleId: string; price: number };
export type BotContext = { lang: BotLang; lot: LotCar[]; nextCode: string; money: (n: number) => string; typicalPrice: number | null };
export type BotStep = { state: BotState | null; replies: string[]; actions: BotAction[] };

const statuses: Record<string, BotStatus> = {
  available: "available", tersedia: "available", beschikbaar: "available", ledig: "available", verfügbar: "available", verfuegbar: "available",
  booking: "reserved", reserved: "reserved", gereserveerd: "reserved", reservert: "reserved", reserviert: "reserved",
  sold: "sold", terjual: "sold", verkocht: "sold", solgt: "sold", laku: "sold", verkauft: "sold",
  draft: "draft", concept: "draft", utkast: "draft", entwurf: "draft",
};

/** The owner's WhatsApp bot as a pure function of (state, message): what to say and what to change. */
export function ownerBotStep(state: BotState | null, input: { text?: string; mediaIds?: string[] }, ctx: BotContext): BotStep {
  const t = botTexts[ctx.lang];
  const text = (input.text ?? "").trim();
  const say = (s: BotState | null, ...replies: string[]): BotStep => ({ state: s, replies, actions: [] });
  const label = (c: LotCar) => `${c.code} ${c.make} ${c.model} ${c.year}${c.plate ? ` (${c.plate})` : ""}`;

  if (/^\/cancel/i.test(text)) return say(null, t.cancelled);
  if (/^\/help/i.test(text)) return say(state, t.help);
  if (/^\/upload/i.test(text)) return say({ step: "photos", mediaIds: [] }, t.askPhotos);
  if (/^\/list/i.test(text)) {
    const cars = ctx.lot.filter((c) => c.status !== "sold").slice(0, 30);
    return say(state, cars.length ? cars.map((c) => `${label(c)} · ${ctx.money(c.price)} · ${c.status}`).join("\n") : t.listEmpty);
  }
  const status = /^\/status\s+(.+?)\s+(\S+)\s*$/i.exec(text);
  if (status) {
    const target = statuses[status[2].toLowerCase()];
    if (!target) return say(state, t.badStatus);
    const found = fuzzyFindVehicle(status[1], ctx.lot);
    if (!found.match) return say(state, t.notFound(status[1], found.suggestions.map(label).join(", ")));
    return say({ step: "status", vehicleId: found.match.id, status: target }, t.confirmStatus(label(found.match), target));
  }
  const price = /^\/price\s+(.+?)\s+(\S+)\s*$/i.exec(text);
  if (price) {
    const amount = parseShorthandAmount(price[2]);
    if (!amount) return say(state, t.badPrice);
    const found = fuzzyFindVehicle(price[1], ctx.lot);
    if (!found.match) return say(state, t.notFound(price[1], found.suggestions.map(label).join(", ")));
    return say({ step: "price", vehicleId: found.match.id, price: amount }, t.confirmPrice(label(found.match), ctx.money(found.match.price), ctx.money(amount)));
  }
  if (!state) {
    // Photos or a whole line without /upload first: the upload starts with them.
    if (input.mediaIds?.length) return say({ step: "photos", mediaIds: input.mediaIds }, t.gotPhotos(input.mediaIds.length));
    if (text.split("|").length >= 6) return ownerBotStep({ step: "line", mediaIds: [] }, input, ctx);
    return say(null, t.usage);
  }

  switch (state.step) {
    case "photos": {
      if (input.mediaIds?.length) {
        const mediaIds = [...state.mediaIds, ...input.mediaIds];
        return say({ step: "photos", mediaIds }, t.gotPhotos(mediaIds.length));
      }
      if (nextWords.test(text) || text.includes("|")) {
        return text.includes("|") ? ownerBotStep({ step: "line", mediaIds: state.mediaIds }, input, ctx) : say({ step: "line", mediaIds: state.mediaIds }, t.askLine);
      }
      return say(state, t.askPhotos);
    }
    case "line": {
      const parsed = parseVehicleLine(text);
      if (!parsed.ok) return say(state, t.badLine(parsed.error), t.askLine);
      const odd = implausible(parsed.vehicle, ctx);
      if (odd) return say({ step: "odd", mediaIds: state.mediaIds, vehicle: parsed.vehicle, what: odd }, t.implausible(odd));
      return say({ step: "notes", mediaIds: state.mediaIds, vehicle: parsed.vehicle }, t.askNotes);
    }
    case "odd":
      if (yesWords.test(text)) return say({ step: "notes", mediaIds: state.mediaIds, vehicle: state.vehicle }, t.askNotes);
      return ownerBotStep({ step: "line", mediaIds: state.mediaIds }, input, ctx);
    case "notes": {
      const notes = skipWords.test(text) ? null : text || null;
      const v = state.vehicle;
      // The fuel and body as the dealer's site will show them: the owner sees a guessed "petrol" before it goes live.
      const words = siteText(ctx.lang);
      const kind = [words.fuels[v.fuel], v.body === "other" ? "" : words.bodies[v.body]].filter(Boolean).join(" · ").toLowerCase();
      const recap = [`${ctx.nextCode} · ${v.make} ${v.model}${v.variant ? ` ${v.variant}` : ""} · ${v.year}`, `${ctx.money(v.price)} · ${v.mileageKm} km · ${t.gearbox[v.transmission]} · ${kind}${v.color ? ` · ${v.color}` : ""}`,
        t.platePhotos(v.plate, state.mediaIds.length), notes ? `${t.notesLabel}: ${notes}` : ""].filter(Boolean).join("\n");
      return say({ step: "confirm", mediaIds: state.mediaIds, vehicle: v, notes }, t.recap(recap), t.choose);
    }
    case "confirm": {
      if (text === "1" || text === "3") {
        const publish = text === "1";
        return { state: null, replies: [publish ? t.published(ctx.nextCode) : t.drafted(ctx.nextCode)], actions: [{ type: "create_vehicle", vehicle: state.vehicle, notes: state.notes, mediaIds: state.mediaIds, publish }] };
      }
      if (text === "2") return say({ step: "line", mediaIds: state.mediaIds }, t.editAgain, t.askLine);
      return say(state, t.choose);
    }
    case "status":
      if (!yesWords.test(text)) return say(null, t.cancelled);
      return { state: null, replies: [t.done], actions: [{ type: "set_status", vehicleId: state.vehicleId, status: state.status }] };
    case "price":
      if (!yesWords.test(text)) return say(null, t.cancelled);
      return { state: null, replies: [t.done], actions: [{ type: "set_price", vehicleId: state.vehicleId, price: state.price }] };
  }
}

/** Asks before publishing a price or mileage that looks like a typo. */
function implausible(v: ParsedLine, ctx: BotContext): "price" | "mileage" | null {
  if (ctx.typicalPrice && (v.price < ctx.typicalPrice / 10 || v.price > ctx.typicalPrice * 10)) return "price";
  const age = new Date().getUTCFullYear() - v.year;
  if (v.mileageKm > 500_000 || (v.mileageKm === 0 && age > 2)) return "mileage";
  return null;
}
