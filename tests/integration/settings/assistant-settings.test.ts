import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { auditLog, conversations, leads, memberships, messages, tasks, tenants } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { reloadEnv } from "@/lib/env";
import { listTeam, loadAssistantSettings } from "@/lib/settings";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";
import { actAs, callPage } from "../security/sweep/call";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
const { saveAssistantSettingsAction } = await import("@/app/(dashboard)/settings/assistant/actions");
const { default: AssistantSettingsPage } = await import("@/app/(dashboard)/settings/assistant/page");

useTestDatabase();
beforeAll(() => {
  delete process.env.ANTHROPIC_API_KEY;
  reloadEnv();
});
afterEach(() => resetClock());

type T = Awaited<ReturnType<typeof createTestTenant>>;
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};
const settingsOf = async (t: T) => (await withTenant(t.tenant.id, (tx) => tx.select().from(tenants).where(eq(tenants.id, t.tenant.id))))[0].settings;
const membershipOf = async (t: T, userId: string) => (await listTeam(t.tenant.id)).find((m) => m.userId === userId)!.membershipId;

/** Saves through the server action, signed in as `email`. */
async function save(email: string, fields: Record<string, string | string[]>) {
  await actAs(email);
  return saveAssistantSettingsAction(null, form(fields));
}

async function shopperSays(t: T, from: string, text: string) {
  const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })));
  expect(res.status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
  return withTenant(t.tenant.id, async (tx) => ({
    replies: (await tx.select().from(messages).orderBy(messages.createdAt)).filter((m) => m.senderKind === "assistant"),
    conversation: (await tx.select().from(conversations))[0],
    lead: (await tx.select().from(leads))[0],
    tasks: await tx.select().from(tasks),
  }));
}

describe("Settings → Assistant", () => {
  it("a manager saves tone, greeting, keywords, switches and who is on duty; it is audited and another dealership is untouched", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const before = await settingsOf(other);
    const sara = await membershipOf(t, t.sales2.id);
    const r = await save(t.manager.email, {
      tone: "formal", greeting: "Goedendag, welkom bij {dealer}!", handoverKeywords: "klacht, advocaat\nKlacht\n", handoverOnNegotiation: "on", notifyPriceDrop: "on", onDuty: [sara],
      autoAssign: "on", assignBy: "fewestOpen",
    });
    expect(r).toEqual({ ok: true });
    const view = await loadAssistantSettings(t.tenant.id);
    expect(view).toMatchObject({
      tone: "formal", greeting: "Goedendag, welkom bij {dealer}!", handoverKeywords: ["klacht", "advocaat"], handoverOnNegotiation: true, notifyPriceDrop: true, notifySoldInterest: false,
      autoAssign: true, assignBy: "fewestOpen",
    });
    expect((await settingsOf(t)).leads).toEqual({ autoAssign: true, assignBy: "fewestOpen" });
    expect(view.reps.filter((m) => m.onDuty).map((m) => m.membershipId)).toEqual([sara]);
    expect(view.reps.map((m) => m.role).sort()).toEqual(["manager", "sales", "sales"]);
    const log = await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, "settings.assistant_updated")));
    expect(log).toHaveLength(1);
    expect(log[0].actorUserId).toBe(t.manager.id);
    expect(await settingsOf(other)).toEqual(before);
    expect((await listTeam(other.tenant.id)).filter((m) => m.onDuty)).toHaveLength(2);

    // The page shows what was saved.
    const page = await callPage(AssistantSettingsPage as never, {});
    expect(page.refused).toBe(false);
    expect(page.text).toContain("Goedendag, welkom bij {dealer}!");
    expect(page.text).toContain("klacht\nadvocaat");
  });

  it("shows field errors for a wrong tone, an unknown placeholder, a price in the greeting and a one-letter keyword, and saves nothing", async () => {
    const t = await createTestTenant();
    const before = await settingsOf(t);
    const r = await save(t.owner.email, { tone: "casual", greeting: "Hoi {naam}!", handoverKeywords: "klacht, x", assignBy: "random" });
    expect(r?.ok).toBe(false);
    expect(r?.fieldErrors).toMatchObject({ assignBy: "Choose in turn or fewest open leads first.", tone: "Choose friendly or formal.", greeting: expect.stringContaining("{naam}"), handoverKeywords: "Each keyword needs at least 2 letters." });
    const price = await save(t.owner.email, { tone: "friendly", greeting: "Deze week de Golf voor € 9.999!" });
    expect(price?.fieldErrors?.greeting).toMatch(/live stock/);
    expect(await settingsOf(t)).toEqual(before);
  });

  it("refuses a sales rep (action and page) and a colleague of another dealership", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const before = await settingsOf(t);
    expect(await save(t.sales1.email, { tone: "formal" })).toMatchObject({ ok: false, error: "Your role does not allow this." });
    await actAs(t.sales1.email);
    expect((await callPage(AssistantSettingsPage as never, {})).refused).toBe(true);
    const foreign = await membershipOf(other, other.sales1.id);
    const r = await save(t.owner.email, { tone: "formal", onDuty: [foreign] });
    expect(r).toMatchObject({ ok: false, fieldErrors: { onDuty: expect.stringMatching(/not an active rep/) } });
    expect(await settingsOf(t)).toEqual(before);
    expect((await listTeam(other.tenant.id)).find((m) => m.membershipId === foreign)?.onDuty).toBe(true);
  });
});

describe("the assistant follows the settings", () => {
  it("a hand-over keyword switches the conversation to a person at once and alerts the on-duty rep only", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const sara = await membershipOf(t, t.sales2.id);
    expect(await save(t.manager.email, { tone: "friendly", handoverKeywords: "klacht", handoverOnNegotiation: "on", onDuty: [sara] })).toEqual({ ok: true });
    const s = await shopperSays(t, "31612349001", "Hebben jullie een automaat? Ik heb ook een Klacht over mijn vorige auto");
    expect(s.conversation.mode).toBe("human");
    expect(s.replies.at(-1)!.body).toMatch(/collega gevraagd/);
    expect(s.replies.at(-1)!.body).not.toMatch(/#[A-Z]\d/);
    const notified = s.tasks.filter((x) => x.kind === "notify");
    expect(notified.map((x) => x.userId)).toEqual([t.sales2.id]);
    expect(notified[0].body).toContain('Reason: shopper wrote "klacht"');
    // Sam was on duty before the save took him off, which is why he heard nothing.
    const [sam] = await withTenant(t.tenant.id, (tx) => tx.select().from(memberships).where(eq(memberships.userId, t.sales1.id)));
    expect(sam.onDuty).toBe(false);
  });

  it("the offline reply greets with the dealer's greeting and speaks formally", async () => {
    const t = await createTestTenant({ locale: "id-ID", currency: "IDR", timeZone: "Asia/Jakarta", country: "ID" });
    expect(await save(t.owner.email, { tone: "formal", greeting: "Selamat datang di {dealer}, mitra mobil bekas Anda!" })).toEqual({ ok: true });
    const s = await shopperSays(t, "6281234500001", "Halo");
    expect(s.replies.at(-1)!.body).toBe(`Selamat datang di ${t.tenant.name}, mitra mobil bekas Anda!\n\nMobil seperti apa yang Bapak/Ibu cari? Silakan sebutkan anggaran, tipe atau merek, saya akan segera memeriksa stok kami.`);
    const en = await shopperSays(t, "6281234500002", "Hello there");
    expect(en.replies.at(-1)!.body).toMatch(/^Good day, and welcome to \*Test Motors/);
  });

  it("with hand-over on negotiation switched off, a price question keeps the assistant answering and still makes the lead hot", async () => {
    const t = await createTestTenant();
    const lot = await addStock(t.tenant.id);
    const golf = lot.find((v) => v.model === "Golf")!;
    expect(await save(t.owner.email, { tone: "friendly", onDuty: [await membershipOf(t, t.sales1.id)] })).toEqual({ ok: true });
    const s = await shopperSays(t, "31612349002", `Wat is jullie laatste prijs voor de ${golf.code}? Kan er nog wat af?`);
    expect(s.conversation.mode).toBe("bot");
    expect(s.replies.at(-1)!.body).toContain(golf.code);
    expect(s.replies.at(-1)!.body).not.toMatch(/collega gevraagd/);
    expect(s.lead.hot).toBe(true);
    expect(s.tasks.map((x) => x.userId)).toEqual([t.sales1.id]);
  });
});
