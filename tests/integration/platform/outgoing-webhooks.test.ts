import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { auditLog, jobRuns, webhookDeliveries } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { sendEvent } from "@/inngest/dispatch";
import { createWebhookEndpoint, listDeliveries, listWebhookEndpoints, resendDelivery, verifyWebhookSignature } from "@/lib/outgoing-webhooks";
import { subjectOf } from "@/lib/outgoing-webhooks/events";
import { receiverUrlProblem } from "@/lib/outgoing-webhooks/url";
import { createLeadFromApi } from "@/lib/api/resources/lead-writes";
import { updateVehicle } from "@/lib/inventory/admin";
import { reloadEnv } from "@/lib/env";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { shopperWrites } from "../../helpers/inbound";
import { addStock } from "../../helpers/stock";

useTestDatabase();

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; answered: number };
const received: Received[] = [];
let failuresLeft = 0;
let server: http.Server;
let receiverUrl = "";

beforeAll(async () => {
  process.env.FEED_ALLOW_LOOPBACK = "1";
  reloadEnv();
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const answered = failuresLeft > 0 ? 503 : 200;
      if (failuresLeft > 0) failuresLeft--;
      received.push({ path: req.url ?? "", headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  delete process.env.FEED_ALLOW_LOOPBACK;
  reloadEnv();
  await new Promise<void>((r) => server.close(() => r()));
});
afterEach(() => {
  received.length = 0;
  failuresLeft = 0;
  resetClock();
});

const hits = (tenantId: string) => received.filter((r) => r.path === `/hook/${tenantId}`);
const owner = (t: Awaited<ReturnType<typeof createTestTenant>>) => ({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" as const });

async function endpointFor(t: Awaited<ReturnType<typeof createTestTenant>>, events: ("lead.created" | "vehicle.sold" | "lead.stage_changed" | "message.received")[]) {
  const r = await createWebhookEndpoint(owner(t), { url: `${receiverUrl}/${t.tenant.id}`, events });
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

describe("outgoing webhooks", () => {
  it("a receiver that fails twice gets the event once on the third try, correctly signed", async () => {
    const t = await createTestTenant();
    const { secret } = await endpointFor(t, ["lead.created"]);
    failuresLeft = 2;
    const made = await createLeadFromApi(t.tenant.id, { name: "Wim", phone: "0612345678" });
    expect(made.ok).toBe(true);
    await drainJobs();
    expect(hits(t.tenant.id).map((r) => r.answered)).toEqual([503]);
    advanceClock(1_500);
    await drainJobs();
    advanceClock(2_500);
    await drainJobs();
    advanceClock(60_000);
    await drainJobs();
    expect(hits(t.tenant.id).map((r) => r.answered)).toEqual([503, 503, 200]);
    const last = hits(t.tenant.id)[2];
    const signature = { signature: String(last.headers["x-forecourt-signature"]), timestamp: String(last.headers["x-forecourt-timestamp"]) };
    expect(verifyWebhookSignature(secret, signature, last.body)).toBe(true);
    expect(verifyWebhookSignature("whsec_wrong", signature, last.body)).toBe(false);
    expect(verifyWebhookSignature(secret, signature, `${last.body} `)).toBe(false);
    const payload = JSON.parse(last.body);
    expect(payload).toMatchObject({ type: "lead.created", data: { lead: { id: made.ok && made.lead.id, source: "api" } } });
    expect(last.headers["x-forecourt-event"]).toBe("lead.created");
    const [log] = await listDeliveries(t.tenant.id);
    expect(log).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 200 });
  });

  it("resend delivers the same event again with the same event id", async () => {
    const t = await createTestTenant();
    await endpointFor(t, ["lead.created"]);
    await createLeadFromApi(t.tenant.id, { name: "Rosa", email: "rosa@example.com" });
    await drainJobs();
    const [first] = await listDeliveries(t.tenant.id);
    expect(await resendDelivery({ tenantId: t.tenant.id, role: "sales" }, first.id)).toMatchObject({ ok: false });
    const again = await resendDelivery({ tenantId: t.tenant.id, role: "admin" }, first.id);
    expect(again.ok).toBe(true);
    await drainJobs();
    expect(hits(t.tenant.id)).toHaveLength(2);
    expect(JSON.parse(hits(t.tenant.id)[1].body).id).toBe(JSON.parse(hits(t.tenant.id)[0].body).id);
    expect(await listDeliveries(t.tenant.id)).toHaveLength(2);
  });

  it("sends vehicle.sold only to endpoints subscribed to it, and only for sales", async () => {
    const t = await createTestTenant();
    await endpointFor(t, ["vehicle.sold"]);
    const [car] = await addStock(t.tenant.id, [{ price: 15000 }]);
    await updateVehicle(t.tenant.id, car.id, { price: 14000 }, t.manager.id);
    await createLeadFromApi(t.tenant.id, { name: "Nope", email: "nope@example.com" });
    await drainJobs();
    expect(hits(t.tenant.id)).toHaveLength(0);
    await updateVehicle(t.tenant.id, car.id, { status: "sold" }, t.manager.id);
    await drainJobs();
    expect(hits(t.tenant.id)).toHaveLength(1);
    expect(JSON.parse(hits(t.tenant.id)[0].body)).toMatchObject({ type: "vehicle.sold", data: { vehicle: { id: car.id, status: "sold" } } });
  });

  it("a shopper's WhatsApp message reaches an endpoint for message.received; a dealer without one starts no fan-out", async () => {
    const subscribed = await createTestTenant();
    const quiet = await createTestTenant();
    await endpointFor(subscribed, ["message.received"]);
    const write = async (t: Awaited<ReturnType<typeof createTestTenant>>) =>
      (await shopperWrites(t, "Is de Golf er nog?")).find((e) => e.name === "conversation/message.received")!.data.messageId as string;
    const [subscribedMessage, quietMessage] = [await write(subscribed), await write(quiet)];
    await drainJobs();
    const got = hits(subscribed.tenant.id).map((h) => JSON.parse(h.body) as { type: string; data: { id?: string } });
    expect(got.filter((e) => e.type === "message.received")).toHaveLength(1);
    const fanOuts = async (messageId: string) => {
      const db = await getSystemDb();
      return db.select({ id: jobRuns.id }).from(jobRuns).where(and(eq(jobRuns.functionId, "queue-webhook-deliveries"), sql`${jobRuns.event}->'data'->>'messageId' = ${messageId}`));
    };
    expect(await fanOuts(subscribedMessage)).toHaveLength(1);
    expect(await fanOuts(quietMessage)).toHaveLength(0);
    expect(hits(quiet.tenant.id)).toHaveLength(0);
  });

  it("a new shopper's first WhatsApp message reaches an endpoint for lead.created; a dealer without one starts no fan-out for it", async () => {
    const subscribed = await createTestTenant();
    const quiet = await createTestTenant();
    await endpointFor(subscribed, ["lead.created"]);
    // A dealer listening only to messages has nothing to deliver for the new lead.
    await endpointFor(quiet, ["message.received"]);
    const firstMessage = async (t: Awaited<ReturnType<typeof createTestTenant>>) => (await shopperWrites(t, "Hoi")).find((e) => e.name === "lead/created")!;
    const [subscribedLead, quietLead] = [await firstMessage(subscribed), await firstMessage(quiet)];
    expect(subscribedLead.data).toMatchObject({ source: "whatsapp", webhooks: true });
    expect(quietLead.data).toMatchObject({ source: "whatsapp", webhooks: false });
    await drainJobs();
    const got = hits(subscribed.tenant.id).map((h) => JSON.parse(h.body) as { type: string; data: { lead?: { id: string; source: string } } });
    expect(got.filter((e) => e.type === "lead.created")).toMatchObject([{ data: { lead: { id: subscribedLead.data.leadId, source: "whatsapp" } } }]);
    const fanOuts = async (leadId: unknown) => {
      const db = await getSystemDb();
      return db.select({ id: jobRuns.id }).from(jobRuns)
        .where(and(eq(jobRuns.functionId, "queue-webhook-deliveries"), eq(jobRuns.eventName, "lead/created"), sql`${jobRuns.event}->'data'->>'leadId' = ${leadId}`));
    };
    expect(await fanOuts(subscribedLead.data.leadId)).toHaveLength(1);
    expect(await fanOuts(quietLead.data.leadId)).toHaveLength(0);
    expect(hits(quiet.tenant.id).filter((h) => h.body.includes('"lead.created"'))).toHaveLength(0);
  });

  it("keeps tenants apart: another dealership's event reaches no receiver of ours", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await endpointFor(a, ["lead.created"]);
    await createLeadFromApi(b.tenant.id, { name: "Other", email: "other@example.com" });
    await sendEvent({ name: "lead/stage.changed", data: { tenantId: b.tenant.id, leadId: "00000000-0000-4000-8000-000000000000", from: "new", to: "won" } });
    await drainJobs();
    expect(hits(a.tenant.id)).toHaveLength(0);
    expect(await withTenant(a.tenant.id, (tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, a.tenant.id)))).toHaveLength(0);
  });

  it("refuses to deliver to a loopback address outside tests (SSRF guard)", async () => {
    const t = await createTestTenant();
    await endpointFor(t, ["lead.created"]);
    process.env.FEED_ALLOW_LOOPBACK = "0";
    reloadEnv();
    try {
      await createLeadFromApi(t.tenant.id, { name: "Sid", email: "sid@example.com" });
      await drainJobs();
    } finally {
      process.env.FEED_ALLOW_LOOPBACK = "1";
      reloadEnv();
    }
    expect(hits(t.tenant.id)).toHaveLength(0);
    const [log] = await listDeliveries(t.tenant.id);
    expect(log).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/not allowed/) });
  });

  it("only admins add endpoints; bad URLs are refused; creation is audited", async () => {
    const t = await createTestTenant();
    const rep = await createWebhookEndpoint({ tenantId: t.tenant.id, userId: t.sales1.id, role: "sales" }, { url: receiverUrl, events: ["lead.created"] });
    expect(rep.ok).toBe(false);
    const bad = await createWebhookEndpoint(owner(t), { url: "ftp://example.com/x", events: ["lead.created"] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { url: expect.any(String) } });
    await endpointFor(t, ["lead.created"]);
    const log = await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(log.map((l) => l.action)).toContain("webhook_endpoint.created");
  });

  it("in production refuses plain http and private addresses", () => {
    const prod = { requireHttps: true };
    expect(receiverUrlProblem("http://example.com/hook", prod)).toMatch(/https/);
    expect(receiverUrlProblem("https://127.0.0.1/hook", prod)).toMatch(/private/);
    expect(receiverUrlProblem("https://10.1.2.3/hook", prod)).toMatch(/private/);
    expect(receiverUrlProblem("https://user:pw@example.com/hook", prod)).toMatch(/password/);
    expect(receiverUrlProblem("https://hooks.example.com/forecourt", prod)).toBeNull();
  });

  it("refuses at save what delivery would refuse, in every environment", async () => {
    const dev = { requireHttps: false };
    expect(receiverUrlProblem("http://hooks.example.com/forecourt", dev)).toBeNull();
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/hook", "http://[fd00::1]/hook", "http://metadata.google.internal/", "http://printer.local/hook", "http://localhost:3000/hook", "http://0.0.0.0/hook"])
      expect(receiverUrlProblem(url, dev), url).toMatch(/private or local/);
    expect(receiverUrlProblem("http://localhost:3000/hook", { ...dev, allowLoopback: true })).toBeNull();
    expect(receiverUrlProblem("http://169.254.169.254/", { ...dev, allowLoopback: true })).toMatch(/link-local/);

    const t = await createTestTenant();
    const r = await createWebhookEndpoint(owner(t), { url: "http://169.254.169.254/latest/meta-data/", events: ["lead.created"] });
    expect(r).toMatchObject({ ok: false, fieldErrors: { url: expect.stringMatching(/private or local/) } });
    expect(await listWebhookEndpoints(t.tenant.id)).toHaveLength(0);
  });

  it("maps product events to outgoing ones", () => {
    const tenantId = "t";
    expect(subjectOf({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: "v", change: "price_drop" } })).toBeNull();
    expect(subjectOf({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: "v", change: "sold" } })).toMatchObject({ type: "vehicle.sold", id: "v" });
    expect(subjectOf({ name: "lead/stage.changed", data: { tenantId, leadId: "l", from: "new", to: "won" } })).toMatchObject({ type: "lead.stage_changed", extra: { from: "new", to: "won" } });
    expect(subjectOf({ name: "conversation/message.received", data: { tenantId, conversationId: "c", messageId: "m" } })?.type).toBe("message.received");
    expect(subjectOf({ name: "appointment/rescheduled", data: { tenantId, appointmentId: "a", previousStartsAt: "2026-12-05T10:00:00.000Z" } }))
      .toMatchObject({ type: "appointment.rescheduled", id: "a", extra: { previousStartsAt: "2026-12-05T10:00:00.000Z" } });
  });
});
