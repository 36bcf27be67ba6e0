import { formatDateTime, formatMileage, formatPrice } from "@/lib/format";
import { fill, phrases } from "./phrases";
import type { Lang } from "./types";

export type ReplyVehicle = {
  code: string; make: string; model: string; variant: string | null; year: number; price: number; mileageKm: number;
  fuel: string; transmission: string; status: string; url?: string;
};
export type ReplyTenant = { name: string; locale: string; currency: string; timeZone: string; address: string; mapsUrl: string; openingHours: string };

export function vehicleLabel(v: Pick<ReplyVehicle, "make" | "model" | "year">) {
  return `${v.make} ${v.model} (${v.year})`;
}

/** One line per car: code, make, model, year and price always; then the facts shoppers compare. */
export function vehicleLine(v: ReplyVehicle, lang: Lang, t: ReplyTenant): string {
  const p = phrases[lang];
  const gear = v.transmission === "automatic" ? p.automatic : p.manual;
  return `*${v.code}* ${v.make} ${v.model}${v.variant ? ` ${v.variant}` : ""} · ${v.year} · *${formatPrice(v.price, t.currency, t.locale)}*\n   ${formatMileage(v.mileageKm, t.locale)} · ${p.fuel[v.fuel] ?? v.fuel} · ${gear}${v.url ? `\n   ${v.url}` : ""}`;
}

export function listReply(o: { lang: Lang; tenant: ReplyTenant; vehicles: ReplyVehicle[]; relaxed?: string | null; noMatch: boolean; lead?: string }): string {
  const p = phrases[o.lang];
  const parts: string[] = [];
  if (o.lead) parts.push(o.lead);
  if (o.noMatch) parts.push(p.noMatch);
  if (o.vehicles.length === 0) {
    parts.push(p.noAlternatives);
    return parts.join("\n\n");
  }
  const intro = o.relaxed ? fill(p.relaxed, { what: p.relaxedWhat[o.relaxed] ?? o.relaxed }) : o.vehicles.length === 1 ? p.foundOne : p.found;
  parts.push([intro, ...o.vehicles.map((v) => vehicleLine(v, o.lang, o.tenant))].join("\n"));
  return parts.join("\n\n");
}

export function detailsReply(o: { lang: Lang; tenant: ReplyTenant; vehicle: ReplyVehicle; features?: string[] }): string {
  const p = phrases[o.lang];
  const lines = [p.detailsIntro, vehicleLine({ ...o.vehicle, url: undefined }, o.lang, o.tenant)];
  if (o.features?.length) lines.push(`✓ ${o.features.slice(0, 5).join("\n✓ ")}`);
  if (o.vehicle.status === "reserved") lines.push(p.reservedNote);
  if (o.vehicle.url) lines.push(fill(p.link, { url: o.vehicle.url }));
  return lines.join("\n");
}

export function slotsReply(o: { lang: Lang; tenant: ReplyTenant; vehicle: ReplyVehicle; slots: Date[]; taken?: boolean }): string {
  const p = phrases[o.lang];
  const car = vehicleLabel(o.vehicle);
  if (o.slots.length === 0) return [o.taken ? p.slotTaken : "", p.noSlots].filter(Boolean).join(" ");
  const list = o.slots.map((s, i) => `${i + 1}. ${formatDateTime(s, o.tenant.locale, o.tenant.timeZone)}`);
  return [o.taken ? p.slotTaken : "", `${fill(p.slotsIntro, { car: `*${o.vehicle.code}* ${car}` })}`, ...list, p.slotsPick].filter(Boolean).join("\n");
}

export function bookedReply(o: { lang: Lang; tenant: ReplyTenant; vehicle: ReplyVehicle; start: Date }): string {
  return fill(phrases[o.lang].booked, {
    car: `*${o.vehicle.code}* ${vehicleLabel(o.vehicle)}`, when: formatDateTime(o.start, o.tenant.locale, o.tenant.timeZone), address: o.tenant.address,
  });
}

export function financingReply(o: { lang: Lang; tenant: ReplyTenant; vehicle: ReplyVehicle; monthly: number; months: number; ratePct: number; down: number }): string {
  const p = phrases[o.lang];
  const money = (n: number) => formatPrice(n, o.tenant.currency, o.tenant.locale);
  return [
    vehicleLine(o.vehicle, o.lang, o.tenant),
    fill(p.financing, { car: `${o.vehicle.make} ${o.vehicle.model}`, monthly: money(o.monthly), months: o.months, rate: String(o.ratePct).replace(".", o.lang === "en" ? "." : ","), down: money(o.down) }),
    p.financingNote,
  ].join("\n");
}

export function negotiationReply(o: { lang: Lang; tenant: ReplyTenant; vehicle: ReplyVehicle }): string {
  return fill(phrases[o.lang].negotiation, {
    car: `*${o.vehicle.code}* ${vehicleLabel(o.vehicle)}`, price: formatPrice(o.vehicle.price, o.tenant.currency, o.tenant.locale),
  });
}

export function simpleReply(lang: Lang, key: "tradeIn" | "handover" | "thanks" | "optOut" | "rateLimited" | "other" | "askNeeds" | "noSlots", values: Record<string, string> = {}) {
  return fill(phrases[lang][key], values);
}

export function greetingReply(o: { lang: Lang; tenant: ReplyTenant; stockCount: number }) {
  const p = phrases[o.lang];
  return `${fill(p.greeting, { dealer: o.tenant.name })} ${fill(p.stockCount, { count: o.stockCount })}\n${p.askNeeds}`;
}

export function hoursReply(lang: Lang, t: ReplyTenant) {
  return fill(phrases[lang].hours, { hours: t.openingHours });
}

export function locationReply(lang: Lang, t: ReplyTenant) {
  return `${fill(phrases[lang].location, { address: t.address, maps: t.mapsUrl })}\n${hoursReply(lang, t)}`;
}

export function whichCarReply(lang: Lang, example: string) {
  return fill(phrases[lang].whichCar, { example });
}
