import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey, listApiKeys } from "@/lib/api/keys";
import * as leadsRoute from "@/app/api/v1/leads/route";
import * as leadRoute from "@/app/api/v1/leads/[id]/route";
import * as vehiclesRoute from "@/app/api/v1/vehicles/route";
import * as contactRoute from "@/app/api/v1/contacts/[id]/route";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";

useTestDatabase();

type T = Awaited<ReturnType<typeof createTestTenant>>;
const base = "http://localhost:3000/api/v1";

async function keyFor(t: T, scope: "read" | "write") {
  const r = await createApiKey({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, { name: `test ${scope}`, scope });
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

const req = (path: string, key: string | null, init: RequestInit = {}) =>
  new Request(`${base}${path}`, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json", ...(init.headers ?? {}) } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const createLead = (key: string, body: Record<string, unknown>) => leadsRoute.POST(req("/leads", key, { method: "POST", body: JSON.stringify(body) }));

describe("dealer API keys", () => {
  it("a sales rep cannot create an API key; an admin can, and only the hash is kept", async () => {
    const t = await createTestTenant();
    const denied = await createApiKey({ tenantId: t.tenant.id, userId: t.sales1.id, role: "sales" }, { name: "mine", scope: "read" });
    expect(denied).toEqual({ ok: false, error: expect.stringMatching(/owners and admins/) });
    const managerDenied = await createApiKey({ tenantId: t.tenant.id, userId: t.manager.id, role: "manager" }, { name: "mine", scope: "read" });
    expect(managerDenied.ok).toBe(false);
    const made = await keyFor(t, "read");
    const listed = await listApiKeys(t.tenant.id);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(made.key);
    expect(listed[0].prefix).toBe(made.prefix);
  });

  it("a revoked key gets 401, a missing key 401, and last use is recorded", async () => {
    const t = await createTestTenant();
    const { id, key } = await keyFor(t, "read");
    expect((await leadsRoute.GET(req("/leads", key))).status).toBe(200);
    expect((await listApiKeys(t.tenant.id))[0].lastUsedAt).not.toBeNull();
    expect(await revokeApiKey({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, id)).toBe(true);
    const res = await leadsRoute.GET(req("/leads", key));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect((await leadsRoute.GET(req("/leads", null))).status).toBe(401);
    expect((await leadsRoute.GET(req("/leads", "fck_made-up"))).status).toBe(401);
  });

  it("a key of tenant A cannot read tenant B's lead (404)", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const keyA = (await keyFor(a, "read")).key;
    const keyB = (await keyFor(b, "write")).key;
    const created = await createLead(keyB, { name: "Bea", phone: "+31 6 1234 5678" });
    expect(created.status).toBe(201);
    const lead = (await created.json()).data;
    expect((await leadRoute.GET(req(`/leads/${lead.id}`, keyB), params(lead.id))).status).toBe(200);
    const cross = await leadRoute.GET(req(`/leads/${lead.id}`, keyA), params(lead.id));
    expect(cross.status).toBe(404);
    expect(await cross.json()).toEqual({ error: { code: "not_found", message: "Lead not found." } });
    expect((await contactRoute.GET(req(`/contacts/${lead.contactId}`, keyA), params(lead.contactId))).status).toBe(404);
    expect((await leadRoute.GET(req("/leads/not-a-uuid", keyA), params("not-a-uuid"))).status).toBe(404);
  });

  it("a read-only key cannot create leads or change a stage (403), a write key can", async () => {
    const t = await createTestTenant();
    const read = (await keyFor(t, "read")).key;
    const write = (await keyFor(t, "write")).key;
    const refused = await createLead(read, { name: "Rick", email: "rick@example.com" });
    expect(refused.status).toBe(403);
    expect((await leadsRoute.GET(req("/leads", read)).then((r) => r.json())).data).toHaveLength(0);

    const lead = (await (await createLead(write, { name: "Rick", email: "rick@example.com", externalRef: "crm-1" })).json()).data;
    const patch = (key: string, body: unknown) => leadRoute.PATCH(req(`/leads/${lead.id}`, key, { method: "PATCH", body: JSON.stringify(body) }), params(lead.id));
    expect((await patch(read, { stage: "qualified" })).status).toBe(403);
    const moved = await patch(write, { stage: "qualified" });
    expect(moved.status).toBe(200);
    expect((await moved.json()).data.stage).toBe("qualified");
    expect((await patch(write, { stage: "lost" })).status).toBe(422);
    const bad = await patch(write, { stage: "sold-out" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.stage).toBeDefined();
  });

  it("rejects bodies without contact details and malformed JSON with clear errors", async () => {
    const t = await createTestTenant();
    const write = (await keyFor(t, "write")).key;
    const none = await createLead(write, { name: "Nobody" });
    expect(none.status).toBe(422);
    expect((await none.json()).error.code).toBe("contact_required");
    const broken = await leadsRoute.POST(req("/leads", write, { method: "POST", body: "{not json" }));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe("invalid_json");
  });

  it("pages through leads with a cursor: every lead once, newest first", async () => {
    const t = await createTestTenant();
    const write = (await keyFor(t, "write")).key;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await (await createLead(write, { name: `Lead ${i}`, email: `lead${i}@example.com` })).json()).data.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await leadsRoute.GET(req(`/leads?limit=2${cursor ? `&cursor=${cursor}` : ""}`, write));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
      seen.push(...body.data.map((l) => l.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect((await leadsRoute.GET(req("/leads?cursor=garbage", write))).status).toBe(400);
    expect((await leadsRoute.GET(req("/leads?limit=1000", write))).status).toBe(400);
  });

  it("lists vehicles without cost prices and filters by status", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const read = (await keyFor(t, "read")).key;
    const body = await (await vehiclesRoute.GET(req("/vehicles?status=sold", read))).json();
    expect(body.data.map((v: { model: string }) => v.model)).toEqual(["208"]);
    expect(JSON.stringify(body)).not.toMatch(/costPrice|17000/);
  });
});
