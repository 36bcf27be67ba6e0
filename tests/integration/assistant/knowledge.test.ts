import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { auditLog, knowledgeEntries, messages } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { knowledgeTerms, questionTopics, searchKnowledge } from "@/lib/assistant/knowledge";
import { tryAssistantReply } from "@/lib/assistant/playground";
import { reloadEnv } from "@/lib/env";
import { createKnowledgeEntry, type KnowledgeEntryInput } from "@/lib/knowledge";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";
import { actAs, callPage } from "../security/sweep/call";

// Server actions and pages read the session through next/headers; the session itself is real.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { saveKnowledgeEntryAction, deleteKnowledgeEntryAction } = await import("@/app/(dashboard)/assistant/knowledge/actions");
const { default: KnowledgePage } = await import("@/app/(dashboard)/assistant/knowledge/page");

useTestDatabase();
let graph: FakeGraph;
type T = Awaited<ReturnType<typeof createTestTenant>>;
let dealer: T;
let rival: T;

const warrantyNl = "Op elke occasion krijgt u 12 maanden BOVAG-garantie, inclusief onderdelen en arbeid.";
const warrantyEn = "Every used car comes with a 12-month warranty on parts and labour.";
const holidays = "Op eerste en tweede kerstdag zijn we gesloten. Op 24 december zijn we open tot 16:00.";
const tradeIn = "We nemen elke auto in. De taxatie is gratis en de inruilprijs blijft 7 dagen geldig.";
const rivalDelivery = "Bezorging aan huis kost bij ons € 295, overal in Nederland.";

async function write(t: T, e: KnowledgeEntryInput) {
  const r = await createKnowledgeEntry({ tenantId: t.tenant.id, userId: t.manager.id, role: "manager" }, e);
  if (!r.ok) throw new Error(r.error);
  return r.data.id;
}

beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  delete process.env.ANTHROPIC_API_KEY;
  reloadEnv();
  dealer = await createTestTenant();
  await addStock(dealer.tenant.id);
  await write(dealer, { language: "en", topic: "warranty", title: "Warranty", body: warrantyEn });
  await write(dealer, { language: "nl", topic: "warranty", title: "Garantie", body: warrantyNl });
  await write(dealer, { language: "nl", topic: "opening", title: "Feestdagen", body: holidays });
  await write(dealer, { language: "nl", topic: "trade_in", title: "Inruilen", body: tradeIn });
  rival = await createTestTenant();
  await addStock(rival.tenant.id);
  await write(rival, { language: "nl", topic: "delivery", title: "Bezorging", body: rivalDelivery });
});
afterAll(async () => {
  resetClock();
  await graph.close();
});

let shopper = 31612300000;
async function ask(t: T, text: string) {
  const from = String(++shopper);
  const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })));
  expect(res.status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
  const rows = await withTenant(t.tenant.id, (tx) => tx.select().from(messages).where(eq(messages.senderKind, "assistant")).orderBy(messages.createdAt));
  const reply = rows.at(-1)!;
  expect(reply.body).toBeTruthy();
  return reply;
}

describe("dealer knowledge in the offline assistant", () => {
  it("a Dutch warranty question gets the dealer's Dutch warranty entry, not the English one", async () => {
    const reply = await ask(dealer, "Hoe lang garantie krijg ik?");
    expect(reply.body).toContain(warrantyNl);
    expect(reply.body).not.toContain(warrantyEn);
    expect(reply.body).not.toMatch(/geschreven/);
    expect(reply.meta.language).toBe("nl");
    expect((reply.meta.tools as { name: string }[]).map((x) => x.name)).toContain("search_dealer_knowledge");
  });

  it("falls back to an entry in another language when the shopper's has none", async () => {
    // No German entries: the word "Garantie" finds the Dutch one (full-text, no translation).
    const reply = await ask(dealer, "Wie lange Garantie bekomme ich?");
    expect(reply.meta.language).toBe("de");
    expect(reply.body).toContain(`Was wir dazu geschrieben haben, ist auf Niederländisch:\n*Garantie*\n${warrantyNl}`);
  });

  it("a holiday question finds the holiday entry, while plain opening hours keep the hours answer", async () => {
    expect((await ask(dealer, "Zijn jullie open met kerst?")).body).toContain(holidays);
    const hours = await ask(dealer, "Wat zijn jullie openingstijden?");
    expect(hours.body).not.toContain(holidays);
    expect(hours.body).toMatch(/openingstijden/i);
  });

  it("a trade-in question quotes the dealer's terms and still hands over for the valuation", async () => {
    const reply = await ask(dealer, "Kan ik mijn oude auto inruilen?");
    expect(reply.body).toContain(tradeIn);
    const [conversation] = await withTenant(dealer.tenant.id, (tx) => tx.query.conversations.findMany({ where: (c, { eq: is }) => is(c.id, reply.conversationId) }));
    expect(conversation.mode).toBe("human");
  });

  it("an unrelated question gets no knowledge text", async () => {
    const reply = await ask(dealer, "Wat vinden jullie van het voetbal gisteren?");
    for (const text of [warrantyNl, warrantyEn, holidays, tradeIn]) expect(reply.body).not.toContain(text);
    expect(await withTenant(dealer.tenant.id, (tx) => searchKnowledge(tx, dealer.tenant.id, "Wat vinden jullie van het voetbal gisteren?", "nl"))).toEqual([]);
    // "12 maanden" is in the warranty entry, but a question about a monthly amount is no warranty question.
    expect(await withTenant(dealer.tenant.id, (tx) => searchKnowledge(tx, dealer.tenant.id, "Hoeveel betaal ik dan per maand?", "nl"))).toEqual([]);
    // A long compound keeps most of itself: "bedrijfswagens" is no "bedrijf" (a company in any entry).
    expect(knowledgeTerms("Hebben jullie ook bedrijfswagens?")).toEqual(["bedrijfswag"]);
    expect(knowledgeTerms("Hoe lang is de garantie?")).toEqual(["garanti"]);
    // Nor is "inclusief": the warranty entry includes parts and labour, the question is about VAT.
    expect(await withTenant(dealer.tenant.id, (tx) => searchKnowledge(tx, dealer.tenant.id, "Is de prijs inclusief btw?", "nl"))).toEqual([]);
  });

  it("another dealership's entries are never used, even when asked for by tenant id", async () => {
    const reply = await ask(dealer, "Bezorgen jullie de auto ook aan huis?");
    expect(reply.body).not.toContain(rivalDelivery);
    expect(reply.body).not.toContain("295");
    // Row-level security: inside the dealer's transaction the rival's rows do not exist.
    expect(await withTenant(dealer.tenant.id, (tx) => searchKnowledge(tx, rival.tenant.id, "bezorging aan huis", "nl"))).toEqual([]);
    expect(await withTenant(rival.tenant.id, (tx) => searchKnowledge(tx, rival.tenant.id, "bezorging aan huis", "nl"))).toHaveLength(1);
  });

  it("picking the car up or having it shipped is a delivery question in every language", async () => {
    for (const text of ["Wanneer kan ik de auto ophalen?", "Wann kann ich das Auto abholen?", "Når kan jeg hente bilen?", "Hvor mye koster frakt til Bergen?"]) {
      const [hit] = await withTenant(rival.tenant.id, (tx) => searchKnowledge(tx, rival.tenant.id, text, "nl"));
      expect(hit?.body, text).toBe(rivalDelivery);
    }
  });

  it("the rival's own shoppers get its delivery entry, fee included, without tripping the grounding check", async () => {
    const reply = await ask(rival, "Bezorgen jullie de auto aan huis?");
    expect(reply.body).toContain(rivalDelivery);
  });

  it("an entry that names a car not in stock is quoted as the dealer's words, not handed to a colleague", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const parts = "Wij leveren ook onderdelen voor de Porsche Cayenne en andere merken, binnen 2 werkdagen.";
    const delivery = "We deliver anywhere in the Netherlands for € 195; even a Ferrari Roma fits on our truck.";
    await write(t, { language: "nl", topic: "other", title: "Onderdelen", body: parts });
    await write(t, { language: "en", topic: "delivery", title: "Delivery", body: delivery });
    for (const [text, entry] of [["Leveren jullie ook onderdelen?", parts], ["Do you deliver the car to my home?", delivery]]) {
      const reply = await ask(t, text);
      expect(reply.body, text).toContain(entry);
      const [conversation] = await withTenant(t.tenant.id, (tx) => tx.query.conversations.findMany({ where: (c, { eq: is }) => is(c.id, reply.conversationId) }));
      expect(conversation.mode, text).toBe("bot");
    }
  });

  it("a financing question gets no entry on another topic for sharing a word with it (\"kost\")", async () => {
    for (const text of ["wat kost die per mnd?", "Wat kost het per maand om te financieren?"]) {
      const reply = await ask(rival, text);
      expect(reply.body, text).not.toContain(rivalDelivery);
    }
  });

  it("a delivery question after a greeting is answered, not greeted: the entry, or a colleague when there is none", async () => {
    const entry = await ask(rival, "Hi there, do you ship cars to Belgium?");
    expect(entry.body).toContain(rivalDelivery);
    const none = await ask(dealer, "Hi there, do you ship cars to Belgium?");
    expect(none.body).toMatch(/^Good question! I have asked a colleague/);
  });

  it("a question that shares no word with any entry finds one by the topic it names: the shopper's language, else English, else any", async () => {
    expect(questionTopics("Berapa lama jaminannya?")).toEqual(["warranty"]);
    expect(questionTopics("Do you deliver to my home?")).toEqual(["delivery"]);
    expect(questionTopics("Wat vinden jullie van het voetbal gisteren?")).toEqual([]);
    // Sending photos is no delivery ("kirim" is to send); sending the car is.
    expect(questionTopics("kirim foto dong")).toEqual([]);
    expect(questionTopics("bisa kirim fotonya kak?")).toEqual([]);
    expect(questionTopics("Bisa dikirim ke Jakarta?")).toEqual(["delivery"]);
    expect(questionTopics("Hi there, do you ship cars to Belgium?")).toEqual(["delivery"]);
    // No Indonesian entry: the English warranty entry, not the Dutch one.
    const warranty = await ask(dealer, "Berapa lama jaminannya?");
    expect(warranty.meta.language).toBe("id");
    expect(warranty.body).toContain(`Informasi kami tentang ini ditulis dalam bahasa Inggris:\n*Warranty*\n${warrantyEn}`);
    expect(warranty.body).not.toContain(warrantyNl);
    // The rival wrote only in Dutch; its fee may be quoted to an English shopper.
    const delivery = await ask(rival, "Do you deliver to my home?");
    expect(delivery.meta.language).toBe("en");
    expect(delivery.body).toContain(rivalDelivery);
    // A topic this dealer has no entry for is still nothing.
    expect(await withTenant(dealer.tenant.id, (tx) => searchKnowledge(tx, dealer.tenant.id, "Do you deliver to my home?", "en"))).toEqual([]);
  });

  it("the Try-assistant dry run answers from knowledge inside its rolled-back transaction", async () => {
    const r = await tryAssistantReply(dealer.tenant, { turns: [], message: "Hoe lang garantie krijg ik?" });
    expect(r.text).toContain(warrantyNl);
  });
});

describe("managing knowledge", () => {
  const signIn = (email: string) => actAs(email);
  const formOf = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const entries = (t: T) => withTenant(t.tenant.id, (tx) => tx.select().from(knowledgeEntries).where(eq(knowledgeEntries.tenantId, t.tenant.id)));

  it("a sales rep cannot create, edit or delete entries", async () => {
    const t = await createTestTenant();
    const id = await write(t, { language: "nl", topic: "delivery", title: "Bezorging", body: "We bezorgen gratis binnen 30 km." });
    await signIn(t.sales1.email);
    const r = await saveKnowledgeEntryAction(null, formOf({ language: "nl", topic: "warranty", title: "Garantie", body: "Drie jaar garantie op alles!" }));
    expect(r).toMatchObject({ ok: false });
    expect(await saveKnowledgeEntryAction(null, formOf({ id, language: "nl", topic: "delivery", title: "Bezorging", body: "Altijd gratis bezorgd, overal." }))).toMatchObject({ ok: false });
    await deleteKnowledgeEntryAction(formOf({ id }));
    const rows = await entries(t);
    expect(rows.map((e) => e.body)).toEqual(["We bezorgen gratis binnen 30 km."]);
  });

  it("a manager creates, edits and deletes entries with field errors and an audit trail", async () => {
    const t = await createTestTenant();
    await signIn(t.manager.email);
    const bad = await saveKnowledgeEntryAction(null, formOf({ language: "xx", topic: "warranty", title: "", body: "kort" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { language: expect.any(String), title: expect.any(String), body: expect.any(String) } });
    const created = await saveKnowledgeEntryAction(null, formOf({ language: "nl", topic: "documents", title: "Documenten", body: "Neem een geldig identiteitsbewijs mee." }));
    expect(created).toMatchObject({ ok: true });
    const id = created!.ok ? created!.data.id : "";
    const edited = await saveKnowledgeEntryAction(null, formOf({ id, language: "nl", topic: "documents", title: "Documenten", body: "Neem uw rijbewijs of paspoort mee." }));
    expect(edited).toMatchObject({ ok: true });
    expect((await entries(t)).map((e) => [e.body, e.createdBy])).toEqual([["Neem uw rijbewijs of paspoort mee.", t.manager.id]]);
    await deleteKnowledgeEntryAction(formOf({ id }));
    expect(await entries(t)).toEqual([]);
    const audit = await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.targetType, "knowledge_entry"))));
    expect(audit.map((a) => a.action).sort()).toEqual(["knowledge_entry.created", "knowledge_entry.deleted", "knowledge_entry.updated"]);
  });

  it("a manager cannot edit or delete another dealership's entry", async () => {
    const t = await createTestTenant();
    const victim = await createTestTenant();
    const id = await write(victim, { language: "nl", topic: "warranty", title: "Garantie", body: "Twee jaar garantie op elke auto." });
    await signIn(t.manager.email);
    expect(await saveKnowledgeEntryAction(null, formOf({ id, language: "nl", topic: "warranty", title: "Garantie", body: "Geen garantie meer, sorry." }))).toMatchObject({ ok: false });
    await deleteKnowledgeEntryAction(formOf({ id }));
    expect((await entries(victim)).map((e) => e.body)).toEqual(["Twee jaar garantie op elke auto."]);
  });

  it("the page lists entries with their language for managers, suggests topics when empty, and is forbidden to reps", async () => {
    await actAs(dealer.manager.email);
    const page = await callPage(KnowledgePage as (props: unknown) => unknown, {});
    expect(page.refused).toBe(false);
    expect(page.text).toContain("Feestdagen");
    expect(page.text).toContain("Dutch");
    expect(page.text).toContain("English");
    expect(page.text).not.toContain("Bezorging aan huis kost");
    const fresh = await createTestTenant();
    await actAs(fresh.manager.email);
    const empty = await callPage(KnowledgePage as (props: unknown) => unknown, {});
    expect(empty.text).toContain("knows nothing about your policies yet");
    expect(empty.text).toContain("Holiday opening");
    // requireSession("manager") calls forbidden(), which needs Next's config outside a test; either way nothing renders.
    await actAs(dealer.sales1.email);
    await expect(callPage(KnowledgePage as (props: unknown) => unknown, {})).rejects.toThrow(/forbidden/);
  });
});
