import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { POST as facebookWebhook } from "@/app/api/webhooks/facebook/route";
import { POST as emailWebhook } from "@/app/api/webhooks/email/[tenantSlug]/route";
import { POST as wahaWebhook } from "@/app/api/webhooks/waha/[channelId]/route";
import {
  connectFacebookPageAction, disconnectFacebookPageAction, removeChannelAction, rotateChannelWebhookSecretAction, rotateInboundEmailTokenAction,
} from "@/app/(dashboard)/settings/actions";
import { POST as whatsappWebhook } from "@/app/api/webhooks/whatsapp/route";
import SettingsPage from "@/app/(dashboard)/settings/page";
import { withTenant } from "@/db/tenant";
import { auditLog, broadcasts, channels, conversations, leads, messages } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { reloadEnv } from "@/lib/env";
import { connectChannel, connectFacebookPage } from "@/lib/settings";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";
import { signWaha, wahaMessage } from "../../fakes/whatsapp-gateways";
import { addChannel } from "../channels/channel-fixtures";
import { actAs, callPage } from "../security/sweep/call";

// The actions read the session cookie through next/headers; actAs signs in for real and supplies it.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);

useTestDatabase();

let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());

type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let seq = 0;
const newPageId = () => `${Date.now()}${String(seq++).padStart(4, "0")}`;
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const leadgen = (pageId: string, leadgenId: string) => ({
  object: "page",
  entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "leadgen", value: { leadgen_id: leadgenId, page_id: pageId, form_id: "9001", created_time: Math.floor(Date.now() / 1000) } }] }],
});
const pagesOf = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(channels).where(eq(channels.provider, "facebook_page")));
const auditActions = async (tenantId: string) => (await withTenant(tenantId, (tx) => tx.select().from(auditLog))).map((a) => a.action);

const mail = { from: "Pieter <pieter@example.nl>", subject: "Vraag", text: "Naam: Pieter Jansen\nTelefoon: 06 1234 5678\nBericht: Is de Golf er nog?" };
function sendMail(t: Tenant, auth: { bearer?: string; query?: string }) {
  const q = auth.query ? `?token=${encodeURIComponent(auth.query)}` : "";
  return emailWebhook(new Request(`http://localhost/api/webhooks/email/${t.tenant.slug}${q}`, {
    method: "POST", body: JSON.stringify({ ...mail, messageId: `<${randomUUID()}@mail.example>` }),
    headers: { "content-type": "application/json", ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}) },
  }), { params: Promise.resolve({ tenantSlug: t.tenant.slug }) });
}
const factoryMailToken = (t: Tenant) => `mail-${t.tenant.slug.slice(2)}`;

describe("lead sources in settings", () => {
  it("an owner connects a Facebook page, and a signed leadgen for it becomes that dealership's lead", async () => {
    const t = await createTestTenant();
    const pageId = newPageId();
    await actAs(t.owner.email);
    const r = await connectFacebookPageAction(null, form({ pageId, pageName: "Autohuis Facebook", accessToken: "EAAPageToken-from-settings-123" }));
    expect(r).toEqual({ ok: true });
    const [page] = await pagesOf(t.tenant.id);
    expect(page).toMatchObject({ externalId: pageId, name: "Autohuis Facebook", status: "connected" });
    expect(page.credentialsEnc).not.toContain("EAAPageToken");
    expect(await auditActions(t.tenant.id)).toContain("settings.facebook_page_connected");

    const leadgenId = newPageId();
    graph.setLead(leadgenId, [{ name: "full_name", values: ["Sanne de Boer"] }, { name: "phone_number", values: ["06-12345678"] }]);
    const res = await facebookWebhook(signedRequest("http://localhost/api/webhooks/facebook", leadgen(pageId, leadgenId)));
    expect(res.status).toBe(200);
    await drainJobs();
    expect(graph.requests.find((q) => q.path === `/${leadgenId}`)?.headers.authorization).toBe("Bearer EAAPageToken-from-settings-123");
    const rows = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.externalRef, leadgenId)));
    expect(rows).toMatchObject([{ tenantId: t.tenant.id, source: "facebook" }]);
  });

  it("a page id that is not digits, or a missing token, comes back as field errors and stores nothing", async () => {
    const t = await createTestTenant();
    await actAs(t.owner.email);
    const r = await connectFacebookPageAction(null, form({ pageId: "autohuis-page", accessToken: "" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { pageId: expect.stringMatching(/digits/), accessToken: expect.any(String) } });
    expect(await pagesOf(t.tenant.id)).toEqual([]);
  });

  it("a page another dealership connected is refused with a field error and stays theirs", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const pageId = newPageId();
    await connectFacebookPage({ tenantId: b.tenant.id, userId: b.owner.id }, { pageId, accessToken: "EAAB-original-token-0000" });
    await actAs(a.owner.email);
    const r = await connectFacebookPageAction(null, form({ pageId, accessToken: "EAAA-hijack-token-00000" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { pageId: expect.stringMatching(/another account/) } });
    expect(await pagesOf(a.tenant.id)).toEqual([]);
    expect(await pagesOf(b.tenant.id)).toHaveLength(1);
  });

  it("disconnecting a page stops its leads; another dealership's page id cannot be disconnected", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const ownPage = newPageId();
    const theirPage = newPageId();
    await connectFacebookPage({ tenantId: a.tenant.id, userId: a.owner.id }, { pageId: ownPage, accessToken: "EAAA-token-own-page-000" });
    await connectFacebookPage({ tenantId: b.tenant.id, userId: b.owner.id }, { pageId: theirPage, accessToken: "EAAB-token-their-page-00" });
    const [own] = await pagesOf(a.tenant.id);
    const [theirs] = await pagesOf(b.tenant.id);
    await actAs(a.owner.email);

    expect(await disconnectFacebookPageAction(null, form({ channelId: theirs.id }))).toMatchObject({ ok: false });
    expect(await pagesOf(b.tenant.id)).toHaveLength(1);
    // Not a page: the WhatsApp number stays, whoever asks.
    expect(await disconnectFacebookPageAction(null, form({ channelId: a.channelId }))).toMatchObject({ ok: false });
    expect(await disconnectFacebookPageAction(null, form({ channelId: "not-a-uuid" }))).toMatchObject({ ok: false });

    expect(await disconnectFacebookPageAction(null, form({ channelId: own.id }))).toEqual({ ok: true });
    expect(await pagesOf(a.tenant.id)).toEqual([]);
    expect(await auditActions(a.tenant.id)).toContain("settings.facebook_page_disconnected");
    const res = await facebookWebhook(signedRequest("http://localhost/api/webhooks/facebook", leadgen(ownPage, newPageId())));
    expect(res.status).toBe(404);
  });

  it("an owner removes a WhatsApp number: it is no longer answered, its conversations stay, another dealership's cannot be removed", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const write = (text: string) => whatsappWebhook(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: a.phoneNumberId, from: "31687650000", text })));
    expect((await write("Is de Golf er nog?")).status).toBe(200);
    await drainJobs();
    const [conversation] = await withTenant(a.tenant.id, (tx) => tx.select().from(conversations).where(eq(conversations.channelId, a.channelId)));
    expect(conversation).toBeDefined();
    await actAs(a.owner.email);

    expect(await removeChannelAction(null, form({ channelId: b.channelId }))).toMatchObject({ ok: false });
    expect(await removeChannelAction(null, form({ channelId: "not-a-uuid" }))).toMatchObject({ ok: false });
    expect(await withTenant(b.tenant.id, (tx) => tx.select().from(channels).where(eq(channels.id, b.channelId)))).toHaveLength(1);

    // A broadcast waiting to go out on the number holds it.
    const [broadcast] = await withTenant(a.tenant.id, (tx) => tx.insert(broadcasts).values({
      tenantId: a.tenant.id, name: "Weekend deals", channelId: a.channelId, templateName: "weekend", templateLanguage: "nl", status: "scheduled",
    }).returning());
    expect(await removeChannelAction(null, form({ channelId: a.channelId }))).toMatchObject({ ok: false, error: expect.stringContaining("Weekend deals") });
    await withTenant(a.tenant.id, (tx) => tx.update(broadcasts).set({ status: "cancelled" }).where(eq(broadcasts.id, broadcast.id)));

    expect(await removeChannelAction(null, form({ channelId: a.channelId }))).toEqual({ ok: true });
    expect(await withTenant(a.tenant.id, (tx) => tx.select().from(channels).where(eq(channels.provider, "whatsapp_cloud")))).toEqual([]);
    expect(await auditActions(a.tenant.id)).toContain("settings.channel_removed");
    // The number is refused at once (no cached route), while the conversation and its messages stay, unanswerable.
    expect((await write("Hallo?")).status).toBe(404);
    const [kept] = await withTenant(a.tenant.id, (tx) => tx.select().from(conversations).where(eq(conversations.id, conversation.id)));
    expect(kept.channelId).toBeNull();
    expect((await withTenant(a.tenant.id, (tx) => tx.select().from(messages).where(eq(messages.conversationId, conversation.id)))).length).toBeGreaterThan(0);
    const ConversationPage = (await import("@/app/(dashboard)/inbox/[conversationId]/page")).default;
    const page = await callPage(ConversationPage as never, { conversationId: conversation.id });
    expect(page.text).toContain("was removed in Settings");
    expect(await removeChannelAction(null, form({ channelId: a.channelId }))).toMatchObject({ ok: false });

    // Connected again, the number carries the shopper's open conversation on.
    expect(await connectChannel({ tenantId: a.tenant.id, userId: a.owner.id }, { provider: "whatsapp_cloud", externalId: a.phoneNumberId })).toEqual({ ok: true });
    const [again] = await withTenant(a.tenant.id, (tx) => tx.select().from(channels).where(eq(channels.externalId, a.phoneNumberId)));
    expect((await write("Nog steeds interesse")).status).toBe(200);
    await drainJobs();
    const [continued] = await withTenant(a.tenant.id, (tx) => tx.select().from(conversations).where(eq(conversations.contactId, conversation.contactId)));
    expect(continued).toMatchObject({ id: conversation.id, channelId: again.id });
  });

  it("generating a new e-mail token refuses the old one with 401 and accepts the new one as bearer or ?token=", async () => {
    const t = await createTestTenant();
    const old = factoryMailToken(t);
    expect((await sendMail(t, { bearer: old })).status).toBe(200);
    await actAs(t.owner.email);
    const r = await rotateInboundEmailTokenAction(null);
    expect(r?.ok).toBe(true);
    const token = r!.secret!;
    expect(token).not.toBe(old);
    expect((await sendMail(t, { bearer: old })).status).toBe(401);
    expect((await sendMail(t, { query: old })).status).toBe(401);
    expect((await sendMail(t, { bearer: token })).status).toBe(200);
    expect((await sendMail(t, { query: token })).status).toBe(200);
    expect(await auditActions(t.tenant.id)).toContain("settings.inbound_email_token_rotated");
  });

  it("a new WAHA HMAC key is shown once: events signed with it are accepted, the old key is refused", async () => {
    const t = await createTestTenant();
    const session = `s-${randomUUID().slice(0, 8)}`;
    const channel = await addChannel(t.tenant.id, { provider: "waha", externalId: session, webhookSecret: "old-hmac-key" });
    await actAs(t.owner.email);
    const r = await rotateChannelWebhookSecretAction(null, form({ channelId: channel.id }));
    expect(r?.ok).toBe(true);
    const post = (key: string) => {
      const raw = JSON.stringify(wahaMessage({ session, from: "31612345678", body: "Hallo" }));
      return wahaWebhook(new Request(`http://localhost/api/webhooks/waha/${channel.id}`, { method: "POST", body: raw, headers: { "content-type": "application/json", "x-webhook-hmac": signWaha(raw, key) } }),
        { params: Promise.resolve({ channelId: channel.id }) });
    };
    expect((await post("old-hmac-key")).status).toBe(401);
    expect((await post(r!.secret!)).status).toBe(200);
    // Only WAHA and Fonnte channels have a secret to hand out.
    expect(await rotateChannelWebhookSecretAction(null, form({ channelId: t.channelId }))).toMatchObject({ ok: false });
  });

  it("the settings page shows an owner what to paste where for every source, and no secret", async () => {
    const t = await createTestTenant();
    const waha = await addChannel(t.tenant.id, { provider: "waha", externalId: `s-${randomUUID().slice(0, 8)}`, webhookSecret: "hidden-hmac-key" });
    await connectFacebookPage({ tenantId: t.tenant.id, userId: t.owner.id }, { pageId: newPageId(), pageName: "Shown Page", accessToken: "EAA-hidden-page-token-0" });
    await actAs(t.owner.email);
    const page = await callPage(SettingsPage as never, {});
    expect(page.how).toBe("rendered");
    for (const text of ["Lead sources", "/api/webhooks/whatsapp", "/api/webhooks/facebook", `/api/webhooks/waha/${waha.id}`, `/api/webhooks/email/${t.tenant.slug}`, `/api/webhooks/forms/${t.tenant.slug}`, "Shown Page", "Generate new token"]) {
      expect(page.text).toContain(text);
    }
    for (const secret of ["hidden-hmac-key", "EAA-hidden-page-token-0", factoryMailToken(t)]) expect(page.text).not.toContain(secret);
  });

  it("a sales rep or a manager cannot connect, disconnect or rotate anything", async () => {
    const t = await createTestTenant();
    const pageId = newPageId();
    await connectFacebookPage({ tenantId: t.tenant.id, userId: t.owner.id }, { pageId, accessToken: "EAA-owner-connected-000" });
    const [page] = await pagesOf(t.tenant.id);
    const waha = await addChannel(t.tenant.id, { provider: "waha", externalId: `s-${randomUUID().slice(0, 8)}`, webhookSecret: "kept-hmac-key" });
    for (const who of [t.sales1.email, t.manager.email]) {
      await actAs(who);
      const refused = { ok: false, error: "Your role does not allow this." };
      expect(await connectFacebookPageAction(null, form({ pageId: newPageId(), accessToken: "EAA-rep-token-00000000" }))).toEqual(refused);
      expect(await disconnectFacebookPageAction(null, form({ channelId: page.id }))).toEqual(refused);
      expect(await rotateInboundEmailTokenAction(null)).toEqual(refused);
      expect(await rotateChannelWebhookSecretAction(null, form({ channelId: waha.id }))).toEqual(refused);
      expect(await removeChannelAction(null, form({ channelId: waha.id }))).toEqual(refused);
    }
    expect(await pagesOf(t.tenant.id)).toHaveLength(1);
    expect((await sendMail(t, { bearer: factoryMailToken(t) })).status).toBe(200);
    const [still] = await withTenant(t.tenant.id, (tx) => tx.select().from(channels).where(and(eq(channels.id, waha.id), eq(channels.tenantId, t.tenant.id))));
    expect(still.webhookSecretEnc).toBe(waha.webhookSecretEnc);
  });
});
