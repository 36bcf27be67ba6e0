import { describe, expect, it } from "vitest";
import { OPTIONS, POST } from "@/app/api/webhooks/forms/[tenantSlug]/route";
import { withTenant } from "@/db/tenant";
import { getSystemDb } from "@/db/client";
import { contacts, leadActivities, leads, webhookInbox } from "@/db/schema";
import { eq } from "drizzle-orm";
import { addStock } from "../../helpers/stock";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

let ipSeq = 0;
const freshIp = () => `198.51.100.${++ipSeq}`;

function post(slug: string, body: unknown, o: { ip?: string; origin?: string; type?: string; key?: string } = {}) {
  const type = o.type ?? "application/json";
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": type, "x-forwarded-for": o.ip ?? freshIp() };
  if (o.origin) headers.origin = o.origin;
  if (o.key) headers["idempotency-key"] = o.key;
  return POST(new Request(`http://localhost/api/webhooks/forms/${slug}`, { method: "POST", body: raw, headers }), { params: Promise.resolve({ tenantSlug: slug }) });
}
const inboxOf = async (tenantId: string) => (await (await getSystemDb()).select().from(webhookInbox).where(eq(webhookInbox.scopeTenantId, tenantId)));

describe("website forms webhook", () => {
  it("stores the form, then creates a contact and a website lead for the named car", async () => {
    const t = await createTestTenant();
    const [yaris] = await addStock(t.tenant.id);
    const res = await post(t.tenant.slug, { name: "Eva Jansen", phone: "06-12345678", email: "Eva@Example.NL", message: "Proefrit zaterdag?", vehicle: yaris.code, consent: true });
    expect(res.status).toBe(201);
    const { leadId } = await res.json();
    const [lead] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, leadId)));
    expect(lead).toMatchObject({ source: "website", vehicleId: yaris.id, notes: "Proefrit zaterdag?" });
    const [contact] = await withTenant(t.tenant.id, (tx) => tx.select().from(contacts).where(eq(contacts.id, lead.contactId)));
    expect(contact).toMatchObject({ phone: "31612345678", email: "eva@example.nl", name: "Eva Jansen", consentMarketing: true });
    expect((await inboxOf(t.tenant.id)).map((r) => [r.source, r.status])).toEqual([["forms", "processed"]]);
  });

  it("takes a form with NUL characters in it, without them, in JSON and form-encoded bodies", async () => {
    const t = await createTestTenant();
    const json = await post(t.tenant.slug, { name: "Eva\u0000 Jansen", phone: "0612345670", message: "Hallo\u0000", consent: true });
    expect(json.status).toBe(201);
    const encoded = await post(t.tenant.slug, "name=Piet%00+Smit&phone=0612345671&message=Hoi%00", { type: "application/x-www-form-urlencoded" });
    expect(encoded.status).toBe(201);
    const names = await withTenant(t.tenant.id, (tx) => tx.select({ name: contacts.name }).from(contacts));
    expect(names.map((c) => c.name).sort()).toEqual(["Eva Jansen", "Piet Smit"]);
  });

  it("answers the browser's own post (before the page's script ran) with a page in the dealer's language, not JSON", async () => {
    const t = await createTestTenant();
    const ok = await POST(new Request(`http://localhost/api/webhooks/forms/${t.tenant.slug}`, {
      method: "POST", body: "name=Piet+Smit&phone=0612345672&message=Proefrit%3F",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-mode": "navigate", accept: "text/html", referer: "http://evil.example/x", "x-forwarded-for": freshIp() },
    }), { params: Promise.resolve({ tenantSlug: t.tenant.slug }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await ok.text();
    expect(html).toContain("<h1>Bedankt!</h1>");
    // The way back is the dealer's own site, never a foreign referrer.
    expect(html).not.toContain("evil.example");
    const bad = await POST(new Request(`http://localhost/api/webhooks/forms/${t.tenant.slug}`, {
      method: "POST", body: "name=Piet&phone=12ab", headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html,application/xhtml+xml", referer: "not a url", "x-forwarded-for": freshIp() },
    }), { params: Promise.resolve({ tenantSlug: t.tenant.slug }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Vul een geldig telefoonnummer in.");
  });

  it("accepts form-encoded bodies and a known person joins their open lead", async () => {
    const t = await createTestTenant();
    const first = await (await post(t.tenant.slug, { phone: "+31 6 2222 3333", message: "Eerste vraag" })).json();
    const res = await post(t.tenant.slug, "name=Piet&phone=0622223333&message=Tweede+vraag&consent=on", { type: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(201);
    expect((await res.json()).leadId).toBe(first.leadId);
    const acts = await withTenant(t.tenant.id, (tx) => tx.select().from(leadActivities).where(eq(leadActivities.leadId, first.leadId)));
    expect(acts.filter((a) => a.type === "website_form")).toHaveLength(2);
  });

  it("answers 400 with per-field messages in the dealer's language for a bad phone or e-mail, storing nothing", async () => {
    const t = await createTestTenant();
    const res = await post(t.tenant.slug, { name: "X", phone: "12ab", email: "not-an-email" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.codes).toEqual({ phone: "invalid_phone", email: "invalid_email" });
    expect(body.fieldErrors.phone).toBe("Vul een geldig telefoonnummer in.");
    expect((await post(t.tenant.slug, { name: "Only a name" })).status).toBe(400);
    expect(await inboxOf(t.tenant.id)).toHaveLength(0);
  });

  it("a filled honeypot looks accepted but stores nothing", async () => {
    const t = await createTestTenant();
    const res = await post(t.tenant.slug, { name: "Bot", phone: "0612345678", website: "http://spam.example" });
    expect(res.status).toBe(201);
    expect((await res.json()).leadId).toBeNull();
    expect(await inboxOf(t.tenant.id)).toHaveLength(0);
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(leads))).toHaveLength(0);
  });

  it("limits one address to ten posts per ten minutes", async () => {
    const t = await createTestTenant();
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(t.tenant.slug, { phone: `06123456${String(i).padStart(2, "0")}` }, { ip })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const last = await post(t.tenant.slug, { phone: "0612345699" }, { ip });
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toBeTruthy();
    expect((await post(t.tenant.slug, { phone: "0612345699" })).status).toBe(201);
    // Field errors do not use up an address's posts.
    const other = freshIp();
    for (let i = 0; i < 12; i++) expect((await post(t.tenant.slug, { phone: "12ab" }, { ip: other })).status).toBe(400);
    expect((await post(t.tenant.slug, { phone: "0612345698" }, { ip: other })).status).toBe(201);
  });

  it("a duplicate delivery is stored once and returns the same lead", async () => {
    const t = await createTestTenant();
    const form = { name: "Dup", email: "dup@example.com", message: "Hi" };
    const a = await (await post(t.tenant.slug, form)).json();
    const b = await (await post(t.tenant.slug, form)).json();
    expect(b).toEqual({ leadId: a.leadId, duplicate: true });
    expect(await inboxOf(t.tenant.id)).toHaveLength(1);
    const acts = await withTenant(t.tenant.id, (tx) => tx.select().from(leadActivities).where(eq(leadActivities.type, "website_form")));
    expect(acts).toHaveLength(1);
  });

  it("CORS: the dealer's own origins are allowed, others refused; unknown dealer 404; malformed JSON 400", async () => {
    const t = await createTestTenant();
    const own = `http://${t.tenant.slug}.${process.env.ROOT_DOMAIN ?? "localhost:3000"}`;
    const ok = await post(t.tenant.slug, { phone: "0611112222" }, { origin: own });
    expect(ok.status).toBe(201);
    expect(ok.headers.get("access-control-allow-origin")).toBe(own);
    expect((await post(t.tenant.slug, { phone: "0611113333" }, { origin: "https://evil.example" })).status).toBe(403);
    const pre = await OPTIONS(new Request("http://localhost/x", { method: "OPTIONS", headers: { origin: own } }), { params: Promise.resolve({ tenantSlug: t.tenant.slug }) });
    expect(pre.status).toBe(204);
    expect((await post("no-such-dealer", { phone: "0611112222" })).status).toBe(404);
    expect((await post(t.tenant.slug, "{not json")).status).toBe(400);
  });
});
