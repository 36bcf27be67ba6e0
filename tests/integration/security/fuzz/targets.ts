import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import type { createTestTenant } from "../../../helpers/factory";
import { whatsappText } from "../../../fakes/whatsapp-payloads";

type Tenant = Awaited<ReturnType<typeof createTestTenant>>;

/**
 * How to reach each webhook past its authentication, so the fuzzer exercises parsing and validation rather
 * than stopping at 401: the route params, credentials for a body, and one valid body to mutate.
 * Keys are the route files under app/api/webhooks; a new webhook without an entry fails the fuzz test.
 */
export type FuzzTarget = {
  params: (t: Tenant) => Record<string, string>;
  credentials: (raw: Buffer, t: Tenant) => Record<string, string>;
  sample: (t: Tenant) => unknown;
};

const hmac = (secret: string, raw: Buffer) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
const meta = (raw: Buffer) => ({ "x-hub-signature-256": hmac(env().metaAppSecret, raw) });
let ip = 0;

export const fuzzTargets: Record<string, FuzzTarget> = {
  "app/api/webhooks/whatsapp/route.ts": {
    params: () => ({}),
    credentials: meta,
    sample: (t) => whatsappText({ phoneNumberId: t.phoneNumberId, from: "31612345678", text: "Is de Golf nog beschikbaar?" }),
  },
  "app/api/webhooks/facebook/route.ts": {
    params: () => ({}),
    credentials: meta,
    sample: () => ({ object: "page", entry: [{ id: "123", time: 1, changes: [{ field: "leadgen", value: { leadgen_id: "444", page_id: "123", form_id: "9", created_time: 1 } }] }] }),
  },
  "app/api/webhooks/inventory/[tenantSlug]/route.ts": {
    params: (t) => ({ tenantSlug: t.tenant.slug }),
    credentials: (raw, t) => ({ "x-signature-256": hmac(t.feedSecret, raw) }),
    sample: () => ({ vehicles: [{ external_id: "X1", make: "Opel", model: "Corsa", year: 2019, mileage_km: 50000, price: 11950, currency: "EUR", fuel: "petrol", transmission: "manual", body: "hatchback", images: [], features: [] }] }),
  },
  "app/api/webhooks/email/[tenantSlug]/route.ts": {
    params: (t) => ({ tenantSlug: t.tenant.slug }),
    // The factory provisions inbound e-mail token `mail-<id>` for slug `t-<id>`.
    credentials: (_raw, t) => ({ authorization: `Bearer mail-${t.tenant.slug.slice(2)}` }),
    sample: () => ({ from: "Jan <jan@example.com>", to: "leads@dealer.test", subject: "Interesse in de Golf", text: "Naam: Jan\nTelefoon: 0612345678" }),
  },
  "app/api/webhooks/forms/[tenantSlug]/route.ts": {
    params: (t) => ({ tenantSlug: t.tenant.slug }),
    // A different address per request keeps the per-IP limit from answering before the parser runs.
    credentials: () => ({ "x-forwarded-for": `10.77.${Math.floor(++ip / 250) % 250}.${ip % 250}` }),
    sample: () => ({ name: "Jan Jansen", phone: "+31612345678", email: "jan@example.com", message: "Proefrit?", consent: true }),
  },
  // WAHA and Fonnte channels are addressed by id; the test tenant has none, so every body must be a clean 404.
  "app/api/webhooks/waha/[channelId]/route.ts": {
    params: (t) => ({ channelId: t.channelId }),
    credentials: () => ({}),
    sample: () => ({ event: "message", session: "default", payload: { id: "false_31612345678@c.us_AAA", from: "31612345678@c.us", body: "hoi", timestamp: 1 } }),
  },
  "app/api/webhooks/fonnte/[channelId]/route.ts": {
    params: (t) => ({ channelId: t.channelId }),
    credentials: () => ({}),
    sample: () => ({ device: "628123456789", sender: "6281234567890", message: "halo", name: "Budi" }),
  },
};
