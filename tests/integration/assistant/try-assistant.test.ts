import { beforeAll, describe, expect, it, vi } from "vitest";
import { count } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { appointments, contacts, conversations, leadActivities, leads, messages, tasks, usageCounters } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { tryAssistantReply } from "@/lib/assistant/playground";
import { replyToConversation } from "@/lib/assistant/pipeline";
import { findOrCreateConversation, recordInboundMessage } from "@/lib/conversations";
import { reloadEnv } from "@/lib/env";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import type { Tenant } from "@/lib/tenancy";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";

// The action reads the session through next/headers; here the signed-in dealership is whichever tenant the test picks.
const signedIn = vi.hoisted(() => ({ tenant: null as unknown }));
vi.mock("@/lib/auth", () => ({
  authorize: async () => (signedIn.tenant ? { ok: true, session: { tenant: signedIn.tenant, role: "sales" } } : { ok: false, error: "Your session has ended. Sign in again." }),
}));

useTestDatabase();

// A Wednesday morning in Amsterdam, so "Saturday" and the offered slots lie ahead.
const now = new Date("2031-01-08T09:00:00Z");
const tables = { contacts, leads, leadActivities, conversations, messages, appointments, tasks, usageCounters };

async function rowCounts() {
  const db = await getSystemDb();
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = Number((await db.select({ n: count() }).from(table))[0].n);
  return out;
}

let a: Awaited<ReturnType<typeof createTestTenant>>;
let lot: Awaited<ReturnType<typeof addStock>>;
let tenant: Tenant;
const rivalCars = [
  { make: "Dacia", model: "Sandero", year: 2021, price: 9950, transmission: "automatic" as const },
  { make: "Suzuki", model: "Swift", year: 2020, price: 8950, transmission: "automatic" as const },
];

beforeAll(async () => {
  delete process.env.ANTHROPIC_API_KEY;
  reloadEnv();
  a = await createTestTenant();
  lot = await addStock(a.tenant.id);
  tenant = a.tenant;
  // Cheaper automatics than any of A's, with the same public codes (codes are per dealership).
  const b = await createTestTenant();
  await addStock(b.tenant.id, rivalCars);
});

describe("try the assistant (playground)", () => {
  it("answers a Dutch question about an automatic under 20.000 in Dutch, with only this dealership's cars in stock, and keeps nothing", async () => {
    const before = await rowCounts();
    const r = await tryAssistantReply(tenant, { turns: [], message: "Hebben jullie een automaat onder de 20.000 euro?", now });

    expect(r.engine).toBe("offline");
    expect(r.lang).toBe("nl");
    expect(r.intents[0]).toBe("browse");
    expect(r.text).toMatch(/Dit hebben we voor je|Deze past/);
    const yaris = lot.find((v) => v.model === "Yaris")!;
    const picanto = lot.find((v) => v.model === "Picanto")!;
    expect(r.vehicles.map((v) => v.code).sort()).toEqual([yaris.code, picanto.code].sort());
    expect(r.text).toContain(yaris.code);
    expect(r.text).toContain(picanto.code);
    for (const v of lot.filter((x) => x.transmission === "manual" || x.price > 20000 || x.status === "sold")) expect(r.text).not.toContain(v.code);
    for (const v of rivalCars) {
      expect(r.text).not.toContain(v.make);
      expect(r.vehicles.some((p) => p.label.includes(v.make))).toBe(false);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("remembers earlier turns: offered slots for the Golf, then '1' books it — shown as what would happen, with no appointment kept", async () => {
    const before = await rowCounts();
    const first = await tryAssistantReply(tenant, { turns: [], message: "Can I test drive the Golf on Saturday?", now });
    const golf = lot.find((v) => v.model === "Golf")!;
    expect(first.lang).toBe("en");
    expect(first.intents).toContain("test_drive");
    expect(first.memory.focusCode).toBe(golf.code);
    expect(first.memory.offeredSlots.length).toBeGreaterThan(0);
    expect(first.vehicles.map((v) => v.code)).toEqual([golf.code]);

    const turns = [
      { role: "shopper" as const, text: "Can I test drive the Golf on Saturday?" },
      { role: "assistant" as const, text: first.text, lang: first.lang, memory: first.memory },
    ];
    const second = await tryAssistantReply(tenant, { turns, message: "1", now });
    expect(second.lang).toBe("en");
    expect(second.wouldDo).toContain("book the test drive in the calendar");
    expect(second.text).toContain(golf.code);
    expect(await rowCounts()).toEqual(before);
  });

  it("the action refuses an empty message with a field error, and answers a signed-in dealership from its own stock", async () => {
    const { tryAssistantAction } = await import("@/app/(dashboard)/assistant/actions");
    signedIn.tenant = null;
    expect(await tryAssistantAction({ message: "Ada mobil matic?", turns: [] })).toMatchObject({ ok: false });
    signedIn.tenant = tenant;
    expect(await tryAssistantAction({ message: "   ", turns: [] })).toMatchObject({ ok: false, fieldErrors: { message: expect.any(String) } });
    const before = await rowCounts();
    const r = await tryAssistantAction({ message: "Ada mobil matic di bawah 20.000 euro?", turns: [] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.lang).toBe("id");
    for (const v of rivalCars) expect(r.data.text).not.toContain(v.make);
    expect(await rowCounts()).toEqual(before);
  });

  it("gives the same answer a WhatsApp shopper gets from the real pipeline", async () => {
    const question = "Hebben jullie een automaat onder de 20.000 euro?";
    const tried = await tryAssistantReply(tenant, { turns: [], message: question, now });
    const conversationId = await withTenant(tenant.id, async (tx) => {
      const contact = await upsertContact(tx, tenant.id, { phone: "31612349999" });
      const { lead } = await findOrCreateOpenLead(tx, tenant.id, contact.id, { source: "whatsapp" });
      const conversation = await findOrCreateConversation(tx, tenant.id, { contactId: contact.id, leadId: lead.id, channelId: null, medium: "whatsapp" });
      await recordInboundMessage(tx, tenant.id, { conversation, channelId: null, providerMessageId: null, type: "text", body: question, at: now });
      return conversation.id;
    });
    const real = await replyToConversation(tenant.id, conversationId, now);
    expect(real).toMatchObject({ status: "replied", engine: "offline", text: tried.text });
  });
});
