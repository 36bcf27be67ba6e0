import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import {
  appointments, auditLog, contacts, followupEnrollments, followupSequences, mediaObjects, messages, leads, webhookDeliveries, webhookEndpoints,
} from "@/db/schema";
import { getInbox, persistInbox } from "@/lib/webhooks/inbox";
import { getContact } from "@/lib/api/resources/contacts";
import { findCandidates } from "@/lib/broadcasts/recipients";
import { segmentSchema } from "@/lib/broadcasts/segment";
import { listInbox } from "@/lib/inbox/query";
import { eraseContact, exportContact } from "@/lib/leads/privacy";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs, callAction, callPage, callRoute } from "../security/sweep/call";
import { snapshotTenant } from "../security/sweep/world";
import { seedLead } from "./seed";

// The route handler and action read the session through next/headers; the sweep's stand-in supplies it.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);

useTestDatabase();

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const conversationPage = async () => (await import("@/app/(dashboard)/inbox/[conversationId]/page")).default;
const exportRoute = async () => (await import("@/app/(dashboard)/inbox/[conversationId]/export/route")).GET;
const eraseAction = async () => (await import("@/app/(dashboard)/inbox/[conversationId]/privacy-actions")).eraseContactAction;
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const exportRequest = (conversationId: string) => new Request(`http://localhost:3000/inbox/${conversationId}/export`);

/** A dealership with two shoppers: Anna (photo message, test drive, active follow-up) and Bob. */
async function world() {
  const t = await createTestTenant();
  const tenantId = t.tenant.id;
  const anna = await seedLead(tenantId, t.channelId, { name: "Anna Jansen", phone: "31611112222", email: "anna@private.test", text: "Is de Golf nog beschikbaar?" });
  const bob = await seedLead(tenantId, t.channelId, { name: "Bob Bakker", phone: "31633334444", text: "Bob vraagt iets anders" });
  const extra = await withTenant(tenantId, async (tx) => {
    const bytes = Buffer.from("anna's driving licence photo");
    const [media] = await tx.insert(mediaObjects).values({ tenantId, kind: "whatsapp_media", mimeType: "image/jpeg", bytes, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }).returning();
    const [variant] = await tx.insert(mediaObjects).values({ tenantId, kind: "whatsapp_media", mimeType: "image/webp", bytes, size: bytes.length, sha256: "v", originalId: media.id, variant: "w320.webp" }).returning();
    await tx.insert(messages).values({ tenantId, conversationId: anna.conversationId, channelId: t.channelId, direction: "inbound", senderKind: "customer", type: "image", body: "Mijn rijbewijs", media: { mediaId: media.id, mimeType: "image/jpeg", caption: "Mijn rijbewijs" } });
    const startsAt = new Date(Date.now() + 86_400_000);
    await tx.insert(appointments).values({ tenantId, leadId: anna.leadId, contactId: anna.contactId, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), notes: "Anna brengt haar partner mee" });
    const [sequence] = await tx.insert(followupSequences).values({ tenantId, name: "Nieuwe lead", trigger: { type: "lead_created" } }).returning();
    const [enrollment] = await tx.insert(followupEnrollments).values({ tenantId, sequenceId: sequence.id, leadId: anna.leadId, contactId: anna.contactId, nextStepAt: new Date() }).returning();
    await tx.update(contacts).set({ consentMarketing: true, consentAt: new Date() }).where(eq(contacts.tenantId, tenantId));
    await tx.update(leads).set({ notes: "Anna wil inruilen: Polo PL-123" }).where(eq(leads.id, anna.leadId));
    return { mediaId: media.id, variantId: variant.id, enrollmentId: enrollment.id };
  });
  return { t, tenantId, anna, bob, ...extra };
}

const manager = (t: Awaited<ReturnType<typeof createTestTenant>>) => ({ userId: t.manager.id, role: "manager" as const });
const inboxOf = (w: Awaited<ReturnType<typeof world>>, q?: string) =>
  listInbox(w.tenantId, { userId: w.t.manager.id, role: "manager", filter: q ? { q } : {} }).then((r) => r.rows.map((row) => row.id));
const candidates = (tenantId: string) =>
  withTenant(tenantId, (tx) => findCandidates(tx, tenantId, segmentSchema.parse({}), { fallbackLanguage: "nl", now: new Date() })).then((c) => c.map((x) => x.contactId));

describe("a shopper's data export", () => {
  it("holds the contact's messages, media references, appointments and follow-ups and nothing of another shopper", async () => {
    const w = await world();
    const data = await exportContact(w.tenantId, w.anna.contactId);
    expect(data).not.toBeNull();
    expect(data!.contact).toMatchObject({ name: "Anna Jansen", phone: "31611112222", email: "anna@private.test" });
    expect(data!.consents.marketing).toBe(true);
    const bodies = data!.conversations.flatMap((c) => c.messages.map((m) => m.body));
    expect(bodies).toEqual(expect.arrayContaining(["Is de Golf nog beschikbaar?", "Mijn rijbewijs"]));
    expect(data!.conversations[0].messages.find((m) => m.type === "image")?.media).toMatchObject({ mimeType: "image/jpeg", url: `/media/${w.mediaId}` });
    expect(data!.appointments).toHaveLength(1);
    expect(data!.appointments[0].notes).toBe("Anna brengt haar partner mee");
    expect(data!.followUps).toEqual([expect.objectContaining({ sequence: "Nieuwe lead", status: "active" })]);
    expect(data!.leads[0].notes).toContain("Polo");
    const text = JSON.stringify(data);
    expect(text).not.toContain("Bob");
    expect(text).not.toContain(w.bob.conversationId);
  });

  it("the download route answers a manager with a JSON attachment, refuses a rep and 404s another tenant's conversation", async () => {
    const w = await world();
    const other = await createTestTenant();
    const GET = await exportRoute();
    await actAs(w.t.manager.email);
    const res = (await GET(exportRequest(w.anna.conversationId), { params: Promise.resolve({ conversationId: w.anna.conversationId }) })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="contact-/);
    expect(((await res.json()) as { contact: { name: string } }).contact.name).toBe("Anna Jansen");

    await actAs(w.t.sales1.email);
    const rep = await callRoute(GET as never, exportRequest(w.anna.conversationId), { conversationId: w.anna.conversationId });
    expect(rep).toMatchObject({ refused: true, how: expect.stringMatching(/^HTTP 403/) });
    expect(rep.text).not.toContain("Anna");

    await actAs(other.owner.email);
    const foreign = await callRoute(GET as never, exportRequest(w.anna.conversationId), { conversationId: w.anna.conversationId });
    expect(foreign).toMatchObject({ refused: true, how: expect.stringMatching(/^HTTP 404/) });
    const junk = await callRoute(GET as never, exportRequest("not-a-uuid"), { conversationId: "not-a-uuid" });
    expect(junk.how).toMatch(/^HTTP 404/);

    await actAs(null);
    expect((await callRoute(GET as never, exportRequest(w.anna.conversationId), { conversationId: w.anna.conversationId })).how).toMatch(/^HTTP 401/);
  });
});

describe("the lead panel's privacy section", () => {
  it("shows a manager the download link and the erase dialog's trigger, and a rep nothing of it", async () => {
    const w = await world();
    const page = await conversationPage();
    await actAs(w.t.manager.email);
    const seen = await callPage(page as never, { conversationId: w.anna.conversationId });
    expect(seen.how).toBe("rendered");
    expect(seen.text).toContain(`href="/inbox/${w.anna.conversationId}/export"`);
    expect(seen.text).toContain("Erase contact…");
    await actAs(w.t.sales1.email);
    const rep = await callPage(page as never, { conversationId: w.anna.conversationId });
    expect(rep.how).toBe("rendered");
    expect(rep.text).toContain("Anna Jansen");
    expect(rep.text).not.toContain("Download data");
    expect(rep.text).not.toContain("Erase contact");
  });
});

describe("erasing a shopper", () => {
  it("blanks personal data, redacts messages, deletes media, stops follow-ups, hides them everywhere and audits without personal data", async () => {
    const w = await world();
    expect(await inboxOf(w, "Anna")).toEqual([w.anna.conversationId]);
    expect(await candidates(w.tenantId)).toContain(w.anna.contactId);

    expect(await eraseContact(w.tenantId, w.anna.contactId, manager(w.t))).toEqual({ ok: true, alreadyErased: false });

    const [contact] = await withTenant(w.tenantId, (tx) => tx.select().from(contacts).where(eq(contacts.id, w.anna.contactId)));
    expect(contact).toMatchObject({ name: null, phone: null, email: null, consentMarketing: false });
    expect(contact.erasedAt).toBeInstanceOf(Date);
    expect(contact.optedOutAt).toBeInstanceOf(Date);
    const rows = await withTenant(w.tenantId, (tx) => tx.select().from(messages).where(eq(messages.conversationId, w.anna.conversationId)));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((m) => m.body === null && m.media === null)).toBe(true);
    const media = await withTenant(w.tenantId, (tx) => tx.select({ id: mediaObjects.id }).from(mediaObjects).where(eq(mediaObjects.tenantId, w.tenantId)));
    expect(media.map((m) => m.id)).not.toContain(w.mediaId);
    expect(media.map((m) => m.id)).not.toContain(w.variantId);
    const [enrollment] = await withTenant(w.tenantId, (tx) => tx.select().from(followupEnrollments).where(eq(followupEnrollments.id, w.enrollmentId)));
    expect(enrollment).toMatchObject({ status: "cancelled", cancelReason: "erased", nextStepAt: null });
    const [appointment] = await withTenant(w.tenantId, (tx) => tx.select().from(appointments).where(eq(appointments.contactId, w.anna.contactId)));
    expect(appointment.notes).toBeNull();
    const [lead] = await withTenant(w.tenantId, (tx) => tx.select().from(leads).where(eq(leads.id, w.anna.leadId)));
    expect(lead).toMatchObject({ notes: null, source: "whatsapp" });

    expect(await inboxOf(w, "Anna")).toEqual([]);
    expect(await inboxOf(w, "31611112222")).toEqual([]);
    expect(await inboxOf(w)).toEqual([w.bob.conversationId]);
    expect(await candidates(w.tenantId)).toEqual([w.bob.contactId]);
    expect(await getContact(w.tenantId, w.anna.contactId)).toBeNull();
    expect(await getContact(w.tenantId, w.bob.contactId)).toMatchObject({ name: "Bob Bakker" });

    const audits = await withTenant(w.tenantId, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.tenantId, w.tenantId), eq(auditLog.action, "contact.erased"))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: w.t.manager.id, targetType: "contact", targetId: w.anna.contactId, data: expect.objectContaining({ leads: 1, conversations: 1, mediaFiles: 2, followupsStopped: 1 }) });
    expect(JSON.stringify(audits[0])).not.toMatch(/Anna|31611112222|anna@private/);

    const after = JSON.stringify(await exportContact(w.tenantId, w.anna.contactId));
    expect(after).not.toMatch(/Anna|31611112222|anna@private|Golf nog|rijbewijs|Polo/);
  });

  it("blanks the raw webhook bodies and outgoing-webhook payloads that quote the shopper, and no one else's", async () => {
    const w = await world();
    const other = await createTestTenant();
    const inbox = (tenantId: string, rawBody: string) => persistInbox({ source: "test", idempotencyKey: randomUUID(), rawBody, scopeTenantId: tenantId });
    const whatsapp = await inbox(w.tenantId, JSON.stringify({ entry: [{ changes: [{ value: { messages: [{ from: "31611112222", text: { body: "Is de Golf nog beschikbaar?" } }] } }] }] }));
    const formPost = await inbox(w.tenantId, "name=Anna&phone=06+1111+2222&email=anna%40private.test");
    const mail = await inbox(w.tenantId, "From: Anna Jansen <ANNA@private.test>\n\nIk wil een proefrit");
    const bobs = await inbox(w.tenantId, JSON.stringify({ from: "31633334444", text: "Bob vraagt iets anders" }));
    const elsewhere = await inbox(other.tenant.id, JSON.stringify({ from: "31611112222", text: "Same number, another dealer" }));
    const [annaDelivery, bobDelivery] = await withTenant(w.tenantId, async (tx) => {
      const [endpoint] = await tx.insert(webhookEndpoints).values({ tenantId: w.tenantId, url: "https://crm.example/hook", secretEnc: "x", events: ["lead.created"] }).returning();
      return tx.insert(webhookDeliveries).values([
        { tenantId: w.tenantId, endpointId: endpoint.id, event: "lead.created", payload: { lead: { id: w.anna.leadId, contact: { name: "Anna Jansen", phone: "+31611112222" } } } },
        { tenantId: w.tenantId, endpointId: endpoint.id, event: "lead.created", payload: { lead: { id: w.bob.leadId, contact: { name: "Bob Bakker" } } } },
      ]).returning({ id: webhookDeliveries.id });
    });

    expect(await eraseContact(w.tenantId, w.anna.contactId, manager(w.t))).toEqual({ ok: true, alreadyErased: false });

    for (const row of [whatsapp, formPost, mail]) expect((await getInbox(row.id))!.rawBody).toBe(JSON.stringify({ erased: true }));
    expect((await getInbox(bobs.id))!.rawBody).toMatch(/Bob vraagt/);
    expect((await getInbox(elsewhere.id))!.rawBody).toMatch(/another dealer/);
    const payloads = await withTenant(w.tenantId, (tx) => tx.select({ id: webhookDeliveries.id, payload: webhookDeliveries.payload }).from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, w.tenantId)));
    expect(payloads.find((p) => p.id === annaDelivery.id)!.payload).toEqual({ erased: true });
    expect(JSON.stringify(payloads.find((p) => p.id === bobDelivery.id)!.payload)).toMatch(/Bob Bakker/);
  });

  it("a second erase changes nothing and writes no second audit entry", async () => {
    const w = await world();
    expect(await eraseContact(w.tenantId, w.anna.contactId, manager(w.t))).toMatchObject({ ok: true, alreadyErased: false });
    const before = await snapshotTenant(w.tenantId);
    expect(await eraseContact(w.tenantId, w.anna.contactId, manager(w.t))).toEqual({ ok: true, alreadyErased: true });
    expect(await snapshotTenant(w.tenantId)).toBe(before);
  });

  it("a rep is refused, and another tenant's contact id is not found, with nothing changed", async () => {
    const w = await world();
    const other = await createTestTenant();
    const before = await snapshotTenant(w.tenantId);
    expect(await eraseContact(w.tenantId, w.anna.contactId, { userId: w.t.sales1.id, role: "sales" })).toMatchObject({ ok: false });
    expect(await eraseContact(other.tenant.id, w.anna.contactId, manager(other))).toMatchObject({ ok: false, error: expect.stringMatching(/does not exist/) });

    const erase = await eraseAction();
    await actAs(w.t.sales1.email);
    expect(await callAction(erase as never, [null, form({ contactId: w.anna.contactId, confirm: "ERASE" })])).toMatchObject({ refused: true, text: expect.stringMatching(/role/) });
    await actAs(other.owner.email);
    expect(await callAction(erase as never, [null, form({ contactId: w.anna.contactId, confirm: "ERASE" })])).toMatchObject({ refused: true });
    await actAs(w.t.manager.email);
    expect(await callAction(erase as never, [null, form({ contactId: w.anna.contactId, confirm: "erase it" })])).toMatchObject({ refused: true, text: expect.stringMatching(/Type ERASE/) });
    expect(await snapshotTenant(w.tenantId)).toBe(before);

    const done = await callAction(erase as never, [null, form({ contactId: w.anna.contactId, confirm: "ERASE" })]);
    expect(done.text).toMatch(/NEXT_REDIRECT.*\/inbox\?notice=erased/);
    expect(await getContact(w.tenantId, w.anna.contactId)).toBeNull();
  });
});
