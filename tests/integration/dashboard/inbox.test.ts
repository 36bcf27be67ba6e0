import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations } from "@/db/schema";
import { countUnread, inboxChangedSince, listInbox } from "@/lib/inbox/query";
import { getConversation, markConversationRead } from "@/lib/inbox/conversation";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { seedLead, seedVehicle } from "./seed";

useTestDatabase();

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function dealership() {
  const t = await createTestTenant();
  const golf = await seedVehicle(t.tenant.id, { make: "Volkswagen", model: "Golf", price: 18950 });
  const anna = await seedLead(t.tenant.id, t.channelId, { name: "Anna de Vries", phone: "31611111111", email: "anna@example.nl", at: minutesAgo(1), hot: true, vehicleId: golf.id });
  const bram = await seedLead(t.tenant.id, t.channelId, { name: "Bram Jansen", phone: "31622222222", source: "facebook", at: minutesAgo(2), assignedUserId: t.sales1.id });
  const cees = await seedLead(t.tenant.id, t.channelId, { name: "Cees Bakker", phone: "31633333333", at: minutesAgo(3), assignedUserId: t.sales2.id });
  return { t, golf, anna, bram, cees };
}

describe("inbox list", () => {
  it("lists newest activity first with contact, lead and unread count", async () => {
    const { t, golf } = await dealership();
    const { rows, nextCursor } = await listInbox(t.tenant.id, { userId: t.manager.id, role: "manager" });
    expect(rows.map((r) => r.contactName)).toEqual(["Anna de Vries", "Bram Jansen", "Cees Bakker"]);
    expect(rows[0]).toMatchObject({ unreadCount: 1, hot: true, stage: "new", source: "whatsapp", vehicleCode: golf.code, vehicleName: "Volkswagen Golf" });
    expect(rows[1].assignedName).toBe("Sam Sales");
    expect(nextCursor).toBeNull();
    expect(await countUnread(t.tenant.id, { userId: t.manager.id, role: "manager" })).toBe(3);
  });

  it("filters by source, hot, assignment and mode", async () => {
    const { t } = await dealership();
    const as = (filter: Parameters<typeof listInbox>[1]["filter"], userId = t.sales1.id, role: "sales" | "manager" = "manager") =>
      listInbox(t.tenant.id, { userId, role, filter }).then((r) => r.rows.map((x) => x.contactName));
    expect(await as({ source: "facebook" })).toEqual(["Bram Jansen"]);
    expect(await as({ hot: true })).toEqual(["Anna de Vries"]);
    expect(await as({ assigned: "me" })).toEqual(["Bram Jansen"]);
    expect(await as({ assigned: "unassigned" })).toEqual(["Anna de Vries"]);
    expect(await as({ mode: "human" })).toEqual([]);
    expect(await as({ stage: "won" })).toEqual([]);
  });

  it("searches by name, phone, e-mail and vehicle code", async () => {
    const { t, golf } = await dealership();
    const search = (q: string) => listInbox(t.tenant.id, { userId: t.manager.id, role: "manager", filter: { q } }).then((r) => r.rows.map((x) => x.contactName));
    expect(await search("bakker")).toEqual(["Cees Bakker"]);
    expect(await search("+31 622")).toEqual(["Bram Jansen"]);
    expect(await search("anna@example")).toEqual(["Anna de Vries"]);
    expect(await search(golf.code.slice(1).toLowerCase())).toEqual(["Anna de Vries"]);
    expect(await search("100%_")).toEqual([]);
  });

  it("finds a shopper by a phone number typed the local way, for the dealer's country", async () => {
    const { t } = await dealership();
    const search = (q: string) => listInbox(t.tenant.id, { userId: t.manager.id, role: "manager", filter: { q } }).then((r) => r.rows.map((x) => x.contactName));
    expect(await search("0622222222")).toEqual(["Bram Jansen"]);
    expect(await search("06-22222222")).toEqual(["Bram Jansen"]);
    expect(await search("06 2222 2222")).toEqual(["Bram Jansen"]);
    expect(await search("0031 6 33333333")).toEqual(["Cees Bakker"]);
    expect(await search("0644444444")).toEqual([]);

    const surabaya = await createTestTenant({ country: "ID", timeZone: "Asia/Jakarta", locale: "id-ID", currency: "IDR" });
    await seedLead(surabaya.tenant.id, surabaya.channelId, { name: "Budi Santoso", phone: "6281234567890", at: minutesAgo(1) });
    const inSurabaya = (q: string) => listInbox(surabaya.tenant.id, { userId: surabaya.manager.id, role: "manager", filter: { q } }).then((r) => r.rows.map((x) => x.contactName));
    expect(await inSurabaya("0812-3456-7890")).toEqual(["Budi Santoso"]);
  });

  it("pages with a keyset cursor without repeating or skipping rows, even on equal timestamps", async () => {
    const t = await createTestTenant();
    const same = minutesAgo(10);
    for (let i = 0; i < 7; i++) await seedLead(t.tenant.id, t.channelId, { name: `Shopper ${i}`, phone: `3164000000${i}`, at: i < 4 ? same : minutesAgo(20 + i) });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listInbox>> = await listInbox(t.tenant.id, { userId: t.manager.id, role: "manager", cursor, limit: 3 });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(await listInbox(t.tenant.id, { userId: t.manager.id, role: "manager", cursor: "garbage" }).then((r) => r.rows.length)).toBe(7);
  });

  it("shows a sales rep only their own and unassigned conversations", async () => {
    const { t } = await dealership();
    const rows = await listInbox(t.tenant.id, { userId: t.sales1.id, role: "sales" });
    expect(rows.rows.map((r) => r.contactName)).toEqual(["Anna de Vries", "Bram Jansen"]);
    expect(await listInbox(t.tenant.id, { userId: t.sales1.id, role: "sales", filter: { q: "Cees" } }).then((r) => r.rows)).toEqual([]);
    expect(await countUnread(t.tenant.id, { userId: t.sales1.id, role: "sales" })).toBe(2);
  });

  it("reports new activity since a moment, scoped to what the viewer may see", async () => {
    const { t } = await dealership();
    const before = new Date(Date.now() + 1000);
    expect(await inboxChangedSince(t.tenant.id, { userId: t.sales1.id, role: "sales" }, before)).toBe(false);
    await seedLead(t.tenant.id, t.channelId, { name: "Dirk", phone: "31644444444", at: new Date(Date.now() + 5000), assignedUserId: t.sales2.id });
    expect(await inboxChangedSince(t.tenant.id, { userId: t.sales1.id, role: "sales" }, before)).toBe(false);
    expect(await inboxChangedSince(t.tenant.id, { userId: t.manager.id, role: "manager" }, before)).toBe(true);
  });
});

describe("conversation view", () => {
  it("returns the timeline and lead card, and opening it marks it read", async () => {
    const { t, anna, golf } = await dealership();
    const detail = await getConversation(t.tenant.id, anna.conversationId, { userId: t.manager.id, role: "manager" });
    expect(detail?.contact.name).toBe("Anna de Vries");
    expect(detail?.timeline.map((m) => m.body)).toEqual(["Hallo"]);
    expect(detail?.vehicle).toMatchObject({ code: golf.code, price: 18950 });
    expect(detail?.windowOpen).toBe(true);
    expect(await markConversationRead(t.tenant.id, anna.conversationId, { userId: t.manager.id, role: "manager" })).toBe(true);
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(conversations).where(eq(conversations.id, anna.conversationId)));
    expect(row.unreadCount).toBe(0);
  });

  it("is null for another tenant's conversation id and for another rep's lead", async () => {
    const { t, cees, bram } = await dealership();
    const other = await createTestTenant();
    expect(await getConversation(other.tenant.id, cees.conversationId, { userId: other.owner.id, role: "owner" })).toBeNull();
    expect(await getConversation(t.tenant.id, cees.conversationId, { userId: t.sales1.id, role: "sales" })).toBeNull();
    expect(await markConversationRead(t.tenant.id, cees.conversationId, { userId: t.sales1.id, role: "sales" })).toBe(false);
    expect(await getConversation(t.tenant.id, bram.conversationId, { userId: t.sales1.id, role: "sales" })).not.toBeNull();
    expect(await getConversation(t.tenant.id, "not-a-uuid", { userId: t.manager.id, role: "manager" })).toBeNull();
  });
});
