import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { messages } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock } from "@/inngest/local/clock";
import { createKnowledgeEntry } from "@/lib/knowledge";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { useFakeClaude } from "../../helpers/fake-claude";
import { addStock } from "../../helpers/stock";
import { carefulModel, textReply, toolUse, type Script } from "../../fakes/anthropic-server";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
const claude = useFakeClaude();
type T = Awaited<ReturnType<typeof createTestTenant>>;
let dealer: T;
let rival: T;
const delivery = "Binnen 50 km bezorgen we gratis aan huis; verder weg kost het € 1 per kilometer, met een maximum van € 149.";
const rivalWarranty = "Bij ons krijgt u 36 maanden garantie, en de eerste beurt kost € 99.";

beforeAll(async () => {
  dealer = await createTestTenant();
  await addStock(dealer.tenant.id);
  await createKnowledgeEntry({ tenantId: dealer.tenant.id, userId: dealer.manager.id, role: "manager" }, { language: "nl", topic: "delivery", title: "Bezorging", body: delivery });
  rival = await createTestTenant();
  await createKnowledgeEntry({ tenantId: rival.tenant.id, userId: rival.manager.id, role: "manager" }, { language: "nl", topic: "warranty", title: "Garantie", body: rivalWarranty });
});

const toolResults = (req: Parameters<Script>[0]) =>
  req.messages.flatMap((m) => (Array.isArray(m.content) ? (m.content as { type: string; content?: string }[]) : [])).filter((b) => b.type === "tool_result").map((b) => b.content ?? "");

/** A model that looks the question up, then answers with what the tool gave it (or with `invent`). */
const knowledgeModel = (query: string, answer: (entries: { title: string; body: string }[]) => string): Script => (req) => {
  const results = toolResults(req);
  if (results.length === 0) return { body: toolUse("search_dealer_knowledge", { query, language: "nl" }) };
  const { entries } = JSON.parse(results[0]) as { entries: { title: string; body: string }[] };
  return { body: textReply(answer(entries)) };
};

let shopper = 31613300000;
async function ask(t: T, text: string) {
  const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from: String(++shopper), text })));
  expect(res.status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
  const rows = await withTenant(t.tenant.id, (tx) => tx.select().from(messages).where(eq(messages.senderKind, "assistant")).orderBy(messages.createdAt));
  return rows.at(-1)!;
}

describe("dealer knowledge on the Claude path (real SDK against a fake Messages API)", () => {
  it("offers search_dealer_knowledge, tells the model to answer policy questions from it, and lets it quote the entry's fees", async () => {
    claude.use(knowledgeModel("bezorgen aan huis", (entries) => (entries[0] ? `Zeker! ${entries[0].body}` : "Dat weet ik niet.")));
    const before = claude.requests.length;
    const reply = await ask(dealer, "Bezorgen jullie de auto ook aan huis?");
    const calls = claude.requests.slice(before);
    expect(calls[0].tools?.map((t) => t.name)).toContain("search_dealer_knowledge");
    expect(JSON.stringify(calls[0].system)).toMatch(/search_dealer_knowledge and answer only from the entries/);
    expect(calls).toHaveLength(2);
    expect(toolResults(calls[1])[0]).toContain(delivery);
    expect(reply.meta.engine).toBe("claude");
    expect((reply.meta.tools as { name: string }[]).map((x) => x.name)).toEqual(["search_dealer_knowledge"]);
    // "€ 1" and "€ 149" are not car prices, but the entry the model was given says them.
    expect(reply.body).toBe(`Zeker! ${delivery}`);
  });

  it("a fee the entry does not contain is still rejected and the offline assistant answers", async () => {
    claude.use(knowledgeModel("bezorgen aan huis", (entries) => `${entries[0]?.body ?? ""} Voor spoed rekenen we € 250 extra.`));
    const reply = await ask(dealer, "Bezorgen jullie de auto ook aan huis?");
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).not.toContain("250");
    expect(reply.body).toContain(delivery);
  });

  it("an entry naming a car not in stock goes out in the dealer's words; a car the model adds beside it is still rejected", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const parts = "Wij leveren ook onderdelen voor de Porsche Cayenne, binnen 2 werkdagen.";
    await createKnowledgeEntry({ tenantId: t.tenant.id, userId: t.manager.id, role: "manager" }, { language: "nl", topic: "other", title: "Onderdelen", body: parts });
    claude.use(knowledgeModel("onderdelen", (entries) => `Ja! ${entries[0]?.body ?? ""}`));
    const quoted = await ask(t, "Leveren jullie ook onderdelen?");
    expect(quoted.meta.engine).toBe("claude");
    expect(quoted.body).toBe(`Ja! ${parts}`);
    claude.use(knowledgeModel("onderdelen", (entries) => `Ja! ${entries[0]?.body ?? ""} En we hebben een Porsche Macan te koop.`));
    const added = await ask(t, "Leveren jullie ook onderdelen?");
    expect(added.meta.engine).toBe("offline");
    expect(added.body).not.toContain("Macan");
    expect(added.body).toContain(parts);
  });

  it("the tool never returns another dealership's entries, whatever the model asks", async () => {
    claude.use(knowledgeModel("garantie maanden", (entries) => (entries.length ? entries.map((e) => e.body).join(" ") : "Daar vraag ik een collega naar.")));
    const before = claude.requests.length;
    const reply = await ask(dealer, "Hoeveel maanden garantie krijg ik?");
    const results = claude.requests.slice(before).flatMap(toolResults).join(" ");
    expect(results).toContain('"entries":[]');
    expect(results + reply.body).not.toContain("36 maanden");
    expect(reply.body).toBe("Daar vraag ik een collega naar.");
  });

  it("leaves the car search untouched", async () => {
    claude.use(carefulModel);
    const reply = await ask(dealer, "Do you have something under 20k?");
    expect(reply.meta.engine).toBe("claude");
    expect((reply.meta.tools as { name: string }[]).map((x) => x.name)).toEqual(["search_inventory"]);
  });
});
