import { env } from "@/lib/env";

/** http on a loopback host (a local run), https everywhere else. */
export const schemeFor = (host: string) => (/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? "http" : "https");

/** The dashboard's own origin: where staff, Meta, WAHA, Fonnte, mail relays, websites and API clients reach us. */
export function appOrigin(root = env().ROOT_DOMAIN): string {
  return `${schemeFor(root)}://${root}`;
}
