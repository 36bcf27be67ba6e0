import { randomBytes } from "node:crypto";
import { provisionTenant, type Provisioned } from "@/lib/tenancy/provision";

export const TEST_PASSWORD = "test-password-123";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

/**
 * A fresh dealership through the product's own provisioning: owner, manager and two reps, and a
 * WhatsApp Cloud channel with a random phone_number_id (with an access token when `graphToken` is given).
 */
export async function createTestTenant(opts: { locale?: string; currency?: string; timeZone?: string; country?: string; graphToken?: string } = {}) {
  const id = unique();
  const phoneNumberId = `9${Math.floor(Math.random() * 1e14).toString().padStart(14, "0")}`;
  const p: Provisioned = await provisionTenant({
    tenant: {
      slug: `t-${id}`, name: `Test Motors ${id}`, locale: opts.locale ?? "nl-NL", currency: opts.currency ?? "EUR",
      timeZone: opts.timeZone ?? "Europe/Amsterdam", country: opts.country ?? "NL",
      businessHours: {
        mon: [{ open: "09:00", close: "18:00" }], tue: [{ open: "09:00", close: "18:00" }], wed: [{ open: "09:00", close: "18:00" }],
        thu: [{ open: "09:00", close: "18:00" }], fri: [{ open: "09:00", close: "18:00" }], sat: [{ open: "10:00", close: "16:00" }], sun: [],
      },
      settings: { financing: { ratePct: 6.9, termMonths: 60, downPaymentPct: 10 } },
    },
    feedSecret: `feed-${id}`,
    inboundEmailToken: `mail-${id}`,
    staff: [
      { email: `owner-${id}@test.local`, name: "Olga Owner", role: "owner", password: TEST_PASSWORD, whatsapp: `3161${id.length}${Math.floor(Math.random() * 1e6)}` },
      { email: `manager-${id}@test.local`, name: "Manon Manager", role: "manager", password: TEST_PASSWORD },
      { email: `sales1-${id}@test.local`, name: "Sam Sales", role: "sales", password: TEST_PASSWORD },
      { email: `sales2-${id}@test.local`, name: "Sara Sales", role: "sales", password: TEST_PASSWORD },
    ],
    channels: [
      { provider: "whatsapp_cloud", name: "WhatsApp", externalId: phoneNumberId, credentials: opts.graphToken ? { accessToken: opts.graphToken } : null },
    ],
  });
  const byRole = (prefix: string) => Object.values(p.staff).find((s) => s.email.startsWith(prefix))!;
  return {
    ...p,
    phoneNumberId,
    channelId: p.channels[`whatsapp_cloud:${phoneNumberId}`].id,
    feedSecret: `feed-${id}`,
    owner: byRole("owner-"),
    manager: byRole("manager-"),
    sales1: byRole("sales1-"),
    sales2: byRole("sales2-"),
  };
}
