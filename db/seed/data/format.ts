import type { DemoTenant } from "./types";

export function groupThousands(n: number, separator: string): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Prices written the way each market's dealers write them: "€ 23.950", "249 900 kr", "Rp 185.000.000". */
export function formatPrice(amount: number, currency: DemoTenant["currency"]): string {
  if (currency === "EUR") return `€ ${groupThousands(amount, ".")}`;
  if (currency === "NOK") return `${groupThousands(amount, " ")} kr`;
  return `Rp ${groupThousands(amount, ".")}`;
}

export function formatKm(km: number, currency: DemoTenant["currency"]): string {
  return `${groupThousands(km, currency === "NOK" ? " " : ".")} km`;
}

/** A local date and time such as "zaterdag 14 juni om 10:30" in the tenant's language and time zone. */
export function formatSlot(at: Date, tenant: Pick<DemoTenant, "locale" | "timeZone">, joiner: string): string {
  const day = new Intl.DateTimeFormat(tenant.locale, { weekday: "long", day: "numeric", month: "long", timeZone: tenant.timeZone }).format(at);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: tenant.timeZone }).format(at);
  return `${day} ${joiner} ${time}`;
}

/** "Sanne de Boer" → "sanne.deboer": the local part of a made-up e-mail address. */
export function emailLocalPart(name: string): string {
  const [first, ...rest] = name.replace(/ø/gi, "o").replace(/æ/gi, "ae").normalize("NFKD").replace(/[^\p{L} ]/gu, "").toLowerCase().split(" ");
  const ascii = (s: string) => s.replace(/[^a-z]/g, "");
  return rest.length ? `${ascii(first)}.${ascii(rest.join(""))}` : ascii(first);
}
