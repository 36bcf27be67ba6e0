import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/email/[tenantSlug]/route";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { inboxRows, messagesOf } from "./channel-fixtures";

useTestDatabase();

type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
// The factory provisions every tenant with the inbound e-mail token `mail-<id>` for slug `t-<id>`.
const tokenOf = (t: Tenant) => `mail-${t.tenant.slug.slice(2)}`;
let seq = 0;
const messageId = () => `<${Date.now()}.${seq++}@mail.example>`;

function send(slug: string, body: unknown, auth: { bearer?: string; query?: string } = {}, raw = JSON.stringify(body)) {
  const q = auth.query ? `?token=${encodeURIComponent(auth.query)}` : "";
  return POST(new Request(`http://localhost/api/webhooks/email/${slug}${q}`, {
    method: "POST", body: raw, headers: { "content-type": "application/json", ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}) },
  }), { params: Promise.resolve({ tenantSlug: slug }) });
}
const deliver = (t: Tenant, mail: Record<string, unknown>) => send(t.tenant.slug, mail, { bearer: tokenOf(t) });
const crm = (tenantId: string) => withTenant(tenantId, async (tx) => ({
  contacts: await tx.select().from(contacts), leads: await tx.select().from(leads), conversations: await tx.select().from(conversations),
}));

const dutchPortalMail = {
  from: "AutoTrack <noreply@autotrack.example>", to: "leads@autohuis.example", subject: "Nieuwe reactie op uw advertentie",
  text: "Beste dealer,\n\nNaam: Pieter Jansen\nTelefoon: 06 1234 5678\nE-mail: Pieter@Example.nl\nAuto: Volkswagen Golf 1.5 TSI\nBericht:\nIs deze auto nog beschikbaar?\nKan ik zaterdag langskomen?\n\nMet vriendelijke groet,\nAutoTrack",
};

describe("inbound e-mail webhook", () => {
  it("turns a Dutch portal lead e-mail into contact, lead, vehicle and an e-mail conversation", async () => {
    const t = await createTestTenant();
    const stock = await addStock(t.tenant.id);
    const golf = stock.find((v) => v.model === "Golf")!;
    const res = await deliver(t, { ...dutchPortalMail, messageId: messageId() });
    expect(res.status).toBe(200);
    await drainJobs();
    const rows = await crm(t.tenant.id);
    expect(rows.contacts).toMatchObject([{ name: "Pieter Jansen", phone: "31612345678", email: "pieter@example.nl", language: "nl" }]);
    expect(rows.leads).toMatchObject([{ source: "email", vehicleId: golf.id }]);
    expect(rows.conversations).toMatchObject([{ medium: "email", leadId: rows.leads[0].id }]);
    const [msg] = await messagesOf(t.tenant.id);
    expect(msg.body).toBe("Is deze auto nog beschikbaar?\nKan ik zaterdag langskomen?");
  });

  it.each([
    {
      lang: "nb", country: "NO", expect: { name: "Kari Nordmann", phone: "4791234567", email: "kari@example.no" }, vehicle: "code",
      mail: { from: "FINN <noreply@finn.example>", to: "bil@fjord.example", subject: "Ny henvendelse", text: "Navn: Kari Nordmann\nTelefon: 912 34 567\nE-post: kari@example.no\nBil: #A01\nMelding: Er bilen fortsatt til salgs?" },
    },
    {
      lang: "id", country: "ID", expect: { name: "Budi Santoso", phone: "628123456789", email: null }, vehicle: "Avanza",
      mail: {
        from: "OLX <no-reply@olx.example>", to: "sales@showroom.example", subject: "Pesan baru",
        html: "<p>Ada calon pembeli:</p><table><tr><td>Nama</td><td>Budi Santoso</td></tr><tr><td>Telepon</td><td>0812-3456-789</td></tr><tr><td>Mobil</td><td>Toyota Avanza</td></tr><tr><td>Pesan</td><td>Masih ada &amp; bisa nego?</td></tr></table>",
      },
    },
    {
      lang: "en", country: "NL", expect: { name: "John Smith", phone: "447700900123", email: "john@example.co.uk" }, vehicle: "Model 3",
      mail: { from: "Marketplace <leads@market.example>", subject: "New enquiry", text: "Name: John Smith\nPhone: +44 7700 900123\nEmail: john@example.co.uk\nVehicle: Tesla Model 3\nMessage: Is it still available?" },
    },
  ])("parses the generic layout in $lang", async (c) => {
    const t = await createTestTenant({ country: c.country });
    const stock = await addStock(t.tenant.id, [
      { make: "Toyota", model: "Avanza", year: 2019, price: 150_000_000 }, { make: "Tesla", model: "Model 3", year: 2021, price: 32950 },
    ]);
    await deliver(t, { ...c.mail, messageId: messageId() });
    await drainJobs();
    const rows = await crm(t.tenant.id);
    expect(rows.contacts).toMatchObject([{ ...c.expect, language: c.lang }]);
    const wanted = c.vehicle === "code" ? stock[0] : stock.find((v) => v.model.includes(c.vehicle))!;
    expect(rows.leads).toMatchObject([{ source: "email", vehicleId: wanted.id }]);
    expect((await messagesOf(t.tenant.id))[0].body).toMatch(/\?$/);
  });

  it("threads a plain reply into the sender's conversation, without the quoted text and without a new lead", async () => {
    const t = await createTestTenant();
    await deliver(t, { ...dutchPortalMail, messageId: messageId() });
    await drainJobs();
    const reply = { from: "Pieter Jansen <pieter@example.nl>", to: "verkoop@autohuis.example", subject: "Re: Golf", text: "Prima, tot zaterdag!\n\nOp 1 mei 2026 schreef Autohuis:\n> Welkom zaterdag om 10:00", messageId: messageId() };
    await send(t.tenant.slug, reply, { query: tokenOf(t) });
    await drainJobs();
    const rows = await crm(t.tenant.id);
    expect(rows.leads).toHaveLength(1);
    expect(rows.conversations).toHaveLength(1);
    const bodies = (await messagesOf(t.tenant.id)).map((m) => m.body);
    expect(bodies).toContain("Prima, tot zaterdag!");
    expect(rows.conversations[0].unreadCount).toBe(2);
  });

  it("makes an e-mail from an unknown sender a new inquiry", async () => {
    const t = await createTestTenant();
    await deliver(t, { from: "Lotte <lotte@example.nl>", to: "info@autohuis.example", subject: "Inruil", text: "Hallo, nemen jullie een Polo in als inruil?", messageId: messageId() });
    await drainJobs();
    const rows = await crm(t.tenant.id);
    expect(rows.contacts).toMatchObject([{ email: "lotte@example.nl", name: "Lotte" }]);
    expect(rows.leads).toMatchObject([{ source: "email" }]);
  });

  it("stores an e-mail delivered twice once, even when the relay re-encodes it", async () => {
    const t = await createTestTenant();
    const mail = { ...dutchPortalMail, messageId: messageId() };
    for (let i = 0; i < 2; i++) expect((await deliver(t, mail)).status).toBe(200);
    await send(t.tenant.slug, mail, { bearer: tokenOf(t) }, JSON.stringify(mail, null, 2));
    await drainJobs();
    expect((await inboxRows("email")).filter((r) => r.scopeTenantId === t.tenant.id)).toHaveLength(1);
    expect(await messagesOf(t.tenant.id)).toHaveLength(1);
  });

  it("refuses a wrong, missing or other tenant's token with 401 and stores nothing", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const before = (await inboxRows("email")).length;
    const mail = { ...dutchPortalMail, messageId: messageId() };
    expect((await send(a.tenant.slug, mail, { bearer: "wrong" })).status).toBe(401);
    expect((await send(a.tenant.slug, mail)).status).toBe(401);
    expect((await send(a.tenant.slug, mail, { bearer: tokenOf(b) })).status).toBe(401);
    expect((await send(a.tenant.slug, mail, { query: tokenOf(b) })).status).toBe(401);
    expect((await inboxRows("email")).length).toBe(before);
  });

  it("answers 400 for malformed or incomplete mail, 404 for an unknown dealership, 413 when oversized", async () => {
    const t = await createTestTenant();
    const auth = { bearer: tokenOf(t) };
    expect((await send(t.tenant.slug, null, auth, "{oops")).status).toBe(400);
    const noFrom = await send(t.tenant.slug, { subject: "x", text: "y" }, auth);
    expect(noFrom.status).toBe(400);
    expect((await noFrom.json()).error).toMatch(/from/);
    expect((await send(t.tenant.slug, { from: "a@b.nl", subject: "x" }, auth)).status).toBe(400);
    expect((await send(t.tenant.slug, ["not", "an", "object"], auth)).status).toBe(400);
    expect((await send("no-such-dealer", dutchPortalMail, auth)).status).toBe(404);
    expect((await send(t.tenant.slug, { ...dutchPortalMail, text: "x".repeat(1024 * 1024 + 1) }, auth)).status).toBe(413);
  });
});
