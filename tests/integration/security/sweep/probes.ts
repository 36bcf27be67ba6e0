import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import type { Ids } from "./world";

/**
 * How to call each discovered way in. Keys are exactly what discover.ts prints: `<METHOD> <route file>`,
 * `<page file>`, `<"use server" file>#<export>`. `a` is the caller's own tenant, `b` the victim's.
 *
 * action: `args(ids)` builds the call's arguments. The sweep calls it (1) as a's owner with b's ids —
 *   refused when `targets: "ids"`; with `targets: "session"` the action can only touch the caller's own
 *   tenant, so it may succeed but must leave b untouched; (2) as a's sales rep with a's ids when
 *   `minRole` is above sales — refused, a untouched; (3) signed out — refused (unless `minRole: "public"`).
 * route / page: a list of calls; `expect: "refused"` means a 4xx (or notFound/forbidden/redirect);
 *   every call must leave b untouched and show none of b's data.
 */
export type Who = "owner" | "manager" | "sales" | null;
export type Expect = "refused" | "no-leak";
export type RouteCall = { as: Who; request: Request; params?: Record<string, string>; expect: Expect };
export type PageCall = { as: Who; params: Record<string, string>; searchParams?: Record<string, string>; expect: Expect };
export type Probe =
  | { kind: "action"; minRole: Role | "public"; targets: "ids" | "session"; args: (ids: Ids) => unknown[] }
  | { kind: "route"; calls: (a: Ids, b: Ids) => RouteCall[] }
  | { kind: "page"; calls: (a: Ids, b: Ids) => PageCall[] };

const form = (fields: Record<string, string | string[] | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
  return f;
};
const url = (path: string) => `http://${env().ROOT_DOMAIN}${path}`;
const get = (path: string, headers: HeadersInit = {}) => new Request(url(path), { headers });
const send = (method: string, path: string, body: string, headers: HeadersInit = {}) => new Request(url(path), { method, body, headers: { "content-type": "application/json", ...headers } });
const bearer = (ids: Ids) => ({ authorization: `Bearer ${ids.apiKey}` });
const png1x1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const days = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap((d) => [[`${d}Open`, ""], [`${d}Close`, ""]]));
const vehicleFields = { make: "Skoda", model: "Fabia", year: "2020", mileageKm: "1000", price: "9999", status: "available", fuel: "petrol", transmission: "manual", body: "hatchback" };

const action = (minRole: Role | "public", targets: "ids" | "session", args: (ids: Ids) => unknown[]): Probe => ({ kind: "action", minRole, targets, args });
const dashboard = "app/(dashboard)";

// The dealer API authenticates by key: a's key on b's ids, and no key at all, are both refused.
const api = (method: string, path: string, body: string, headers: HeadersInit = {}) => (method === "GET" ? get(path, headers) : send(method, path, body, headers));
const apiById = (resource: string, idOf: (i: Ids) => string, method = "GET", body = ""): Probe => ({
  kind: "route",
  calls: (a, b) => [
    { as: null, request: api(method, `/api/v1/${resource}/${idOf(b)}`, body, bearer(a)), params: { id: idOf(b) }, expect: "refused" },
    { as: null, request: api(method, `/api/v1/${resource}/${idOf(a)}`, body), params: { id: idOf(a) }, expect: "refused" },
  ],
});
const apiCollection = (resource: string, method = "GET", body = ""): Probe => ({
  kind: "route",
  calls: (a) => [
    { as: null, request: api(method, `/api/v1/${resource}`, body, bearer(a)), expect: "no-leak" },
    { as: null, request: api(method, `/api/v1/${resource}`, body), expect: "refused" },
  ],
});
const unsigned = (path: (b: Ids) => string, body: (b: Ids) => string, params?: (b: Ids) => Record<string, string>): Probe => ({
  kind: "route",
  calls: (a, b) => [{ as: "owner", request: send("POST", path(b), body(b), { "x-signature-256": "sha256=00", "x-hub-signature-256": "sha256=00", authorization: `Bearer ${a.feedSecret}` }), params: params?.(b), expect: "refused" }],
});

export const probes: Record<string, Probe> = {
  "app/(auth)/sign-in/actions.ts#signInAction": action("public", "ids", (b) => [null, form({ email: b.ownerEmail, password: "not-their-password" })]),
  "app/(auth)/sign-in/actions.ts#signOutAction": action("sales", "session", () => []),

  [`${dashboard}/settings/actions.ts#saveProfileAction`]: action("manager", "session", () => [null, form({ name: "Sweep Motors", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", primaryColor: "#123456", ...days })]),
  [`${dashboard}/settings/actions.ts#connectChannelAction`]: action("admin", "ids", (b) => [null, form({ provider: "whatsapp_cloud", externalId: b.phoneNumberId, accessToken: "EAAG-sweep" })]),
  [`${dashboard}/settings/actions.ts#rotateFeedSecretAction`]: action("admin", "session", () => [null]),
  [`${dashboard}/settings/actions.ts#inviteAction`]: action("manager", "session", () => [null, form({ name: "Ivo Invite", email: `ivo-${Math.random().toString(36).slice(2)}@test.local`, role: "sales" })]),
  [`${dashboard}/settings/actions.ts#updateMemberAction`]: action("manager", "ids", (b) => [form({ membershipId: b.salesMembershipId, active: "false" })]),
  [`${dashboard}/settings/actions.ts#connectFacebookPageAction`]: action("admin", "ids", (b) => [null, form({ pageId: b.facebookPageId, pageName: "Sweep page", accessToken: "EAAG-sweep-page-token-123" })]),
  [`${dashboard}/settings/actions.ts#disconnectFacebookPageAction`]: action("admin", "ids", (b) => [null, form({ channelId: b.facebookChannelId })]),
  [`${dashboard}/settings/actions.ts#rotateInboundEmailTokenAction`]: action("admin", "session", () => [null]),
  [`${dashboard}/settings/actions.ts#removeChannelAction`]: action("admin", "ids", (b) => [null, form({ channelId: b.wahaChannelId })]),
  [`${dashboard}/settings/actions.ts#rotateChannelWebhookSecretAction`]: action("admin", "ids", (b) => [null, form({ channelId: b.wahaChannelId })]),

  [`${dashboard}/settings/domain-actions.ts#saveCustomDomainAction`]: action("admin", "session", () => [null, form({ domain: `www.sweep-${Math.random().toString(36).slice(2, 10)}.nl` })]),
  [`${dashboard}/settings/domain-actions.ts#checkCustomDomainAction`]: action("admin", "session", () => [null]),
  [`${dashboard}/settings/domain-actions.ts#removeCustomDomainAction`]: action("admin", "session", () => [null]),

  // b's rep on duty in a's settings: refused before anything is written.
  [`${dashboard}/settings/assistant/actions.ts#saveAssistantSettingsAction`]: action("manager", "ids", (b) => [null, form({ tone: "formal", greeting: "", handoverKeywords: "klacht", onDuty: b.salesMembershipId })]),
  [`${dashboard}/settings/branches/actions.ts#saveBranchAction`]: action("admin", "ids", (b) => [null, form({ id: b.branchId, name: "Taken over", street: "Straat 1", city: "Ede", ...days })]),
  [`${dashboard}/settings/branches/actions.ts#deleteBranchAction`]: action("admin", "ids", (b) => [null, form({ id: b.branchId })]),
  [`${dashboard}/settings/branches/actions.ts#assignStaffAction`]: action("manager", "ids", (b) => [null, form({ membershipId: b.salesMembershipId, branchId: b.branchId })]),

  [`${dashboard}/inventory/actions.ts#saveVehicleAction`]: action("sales", "ids", (b) => [null, form({ id: b.vehicleId, ...vehicleFields })]),
  [`${dashboard}/inventory/actions.ts#setStatusAction`]: action("sales", "ids", (b) => [form({ id: b.vehicleId, status: "sold" })]),
  [`${dashboard}/inventory/actions.ts#uploadPhotoAction`]: action("sales", "ids", (b) => [null, form({ id: b.vehicleId, photos: new File([png1x1], "car.png", { type: "image/png" }) })]),
  [`${dashboard}/inventory/actions.ts#arrangePhotoAction`]: action("sales", "ids", (b) => [form({ id: b.vehicleId, mediaId: b.mediaId, action: "remove" })]),

  [`${dashboard}/inbox/actions.ts#replyAction`]: action("sales", "ids", (b) => [null, form({ conversationId: b.conversationId, body: "sweep reply" })]),
  [`${dashboard}/inbox/actions.ts#sendTemplateAction`]: action("sales", "ids", (b) => [null, form({ conversationId: b.conversationId, templateId: b.templateId, variables: ["x"] })]),
  [`${dashboard}/inbox/actions.ts#setModeAction`]: action("sales", "ids", (b) => [null, form({ conversationId: b.conversationId, mode: "human" })]),
  [`${dashboard}/inbox/actions.ts#assignAction`]: action("sales", "ids", (b) => [null, form({ leadId: b.leadId, userId: b.salesUserId })]),
  [`${dashboard}/inbox/actions.ts#changeStageAction`]: action("sales", "ids", (b) => [null, form({ leadId: b.leadId, stage: "qualified" })]),
  [`${dashboard}/inbox/actions.ts#addNoteAction`]: action("sales", "ids", (b) => [null, form({ leadId: b.leadId, text: "sweep note" })]),
  [`${dashboard}/inbox/actions.ts#appointmentOutcomeAction`]: action("sales", "ids", (b) => [null, form({ appointmentId: b.appointmentId, outcome: "no_show" })]),
  [`${dashboard}/inbox/actions.ts#completeTaskAction`]: action("sales", "ids", (b) => [null, form({ taskId: b.taskId })]),
  [`${dashboard}/inbox/[conversationId]/test-drive-actions.ts#findCarsAction`]: action("sales", "session", () => [""]),
  [`${dashboard}/inbox/[conversationId]/test-drive-actions.ts#testDriveTimesAction`]: action("sales", "ids", (b) => [{ leadId: b.leadId, vehicleId: b.vehicleId, date: "2030-01-08" }]),
  [`${dashboard}/inbox/[conversationId]/test-drive-actions.ts#bookTestDriveAction`]: action("sales", "ids", (b) => [null, form({ leadId: b.leadId, vehicleId: b.vehicleId, start: "2030-01-08T10:00:00Z" })]),
  [`${dashboard}/inbox/[conversationId]/test-drive-actions.ts#cancelTestDriveAction`]: action("sales", "ids", (b) => [null, form({ appointmentId: b.appointmentId })]),
  [`${dashboard}/inbox/[conversationId]/privacy-actions.ts#eraseContactAction`]: action("manager", "ids", (b) => [null, form({ contactId: b.contactId, confirm: "ERASE" })]),

  [`${dashboard}/broadcasts/actions.ts#previewBroadcastAction`]: action("manager", "session", () => [null, form({ name: "Sweep", templateName: "tpl", templateLanguage: "nl" })]),
  [`${dashboard}/broadcasts/actions.ts#createBroadcastAction`]: action("manager", "session", () => [null, form({ name: "Sweep", templateName: "tpl", templateLanguage: "nl" })]),
  [`${dashboard}/broadcasts/actions.ts#cancelBroadcastAction`]: action("manager", "ids", (b) => [form({ id: b.broadcastId })]),
  [`${dashboard}/followups/actions.ts#saveSequenceAction`]: action("manager", "ids", (b) => [null, form({ id: b.sequenceId, sequence: JSON.stringify({ name: "Taken over", enabled: false, trigger: { type: "lead_created" }, steps: [] }) })]),
  [`${dashboard}/followups/actions.ts#addRecommendedSequencesAction`]: action("manager", "session", () => []),
  [`${dashboard}/followups/actions.ts#toggleSequenceAction`]: action("manager", "ids", (b) => [form({ id: b.sequenceId, enabled: "false" })]),
  [`${dashboard}/followups/actions.ts#deleteSequenceAction`]: action("manager", "ids", (b) => [form({ id: b.sequenceId })]),
  [`${dashboard}/followups/actions.ts#stopLeadFollowupAction`]: action("sales", "ids", (b) => [form({ enrollmentId: b.enrollmentId })]),
  [`${dashboard}/inventory/imports/actions.ts#feedAction`]: action("admin", "session", () => [null, form({ intent: "remove" })]),
  [`${dashboard}/inventory/imports/actions.ts#pullNowAction`]: action("admin", "session", () => []),
  [`${dashboard}/inventory/imports/actions.ts#uploadAction`]: action("manager", "session", () => [null, form({ file: new File(["external_id,make\n"], "stock.csv", { type: "text/csv" }) })]),
  [`${dashboard}/inventory/imports/actions.ts#importProgressAction`]: action("manager", "ids", (b) => [b.importId]),
  [`${dashboard}/settings/developers/actions.ts#createApiKeyAction`]: action("admin", "session", () => [null, form({ name: "Sweep key", scope: "read" })]),
  [`${dashboard}/settings/developers/actions.ts#revokeApiKeyAction`]: action("admin", "ids", (b) => [form({ id: b.apiKeyId })]),
  [`${dashboard}/settings/developers/actions.ts#createEndpointAction`]: action("admin", "session", () => [null, form({ url: "https://hooks.example/sweep", events: ["lead.created"] })]),
  [`${dashboard}/settings/developers/actions.ts#toggleEndpointAction`]: action("admin", "ids", (b) => [form({ id: b.endpointId, enabled: "false" })]),
  [`${dashboard}/settings/developers/actions.ts#deleteEndpointAction`]: action("admin", "ids", (b) => [form({ id: b.endpointId })]),
  [`${dashboard}/settings/developers/actions.ts#resendDeliveryAction`]: action("admin", "ids", (b) => [form({ id: b.deliveryId })]),
  [`${dashboard}/assistant/knowledge/actions.ts#saveKnowledgeEntryAction`]: action("manager", "ids", (b) => [null, form({ id: b.knowledgeEntryId, language: "nl", topic: "warranty", title: "Overgenomen", body: "Geen garantie meer op onze auto's." })]),
  [`${dashboard}/assistant/knowledge/actions.ts#deleteKnowledgeEntryAction`]: action("manager", "ids", (b) => [form({ id: b.knowledgeEntryId })]),
  // Answers from the caller's own stock and keeps nothing; there are no ids to take from b.
  [`${dashboard}/assistant/actions.ts#tryAssistantAction`]: action("sales", "session", () => [{ message: "Hebben jullie een automaat onder de 20.000 euro?", turns: [] }]),
  [`${dashboard}/settings/usage/actions.ts#changePlanAction`]: action("owner", "session", () => [null, form({ plan: "starter" })]),

  [`${dashboard}/broadcasts/[id]/page.tsx`]: { kind: "page", calls: (a, b) => [
    { as: "owner", params: { id: b.broadcastId }, expect: "refused" },
    { as: "sales", params: { id: a.broadcastId }, expect: "refused" },
  ] },
  [`${dashboard}/followups/[id]/page.tsx`]: { kind: "page", calls: (a, b) => [
    { as: "owner", params: { id: b.sequenceId }, expect: "refused" },
    { as: null, params: { id: a.sequenceId }, expect: "refused" },
  ] },
  [`${dashboard}/inventory/imports/[id]/page.tsx`]: { kind: "page", calls: (a, b) => [
    { as: "owner", params: { id: b.importId }, expect: "refused" },
    { as: null, params: { id: a.importId }, expect: "refused" },
  ] },
  // Public site files: a's host must never list or describe b's cars (b's draft and public slugs are tried on a's host).
  "GET app/sites/[domain]/api/v1/vehicles/route.ts": { kind: "route", calls: (a, b) => [{ as: null, request: get(`/api/v1/vehicles?q=${b.vehicleSlug}`), params: { domain: a.siteHost }, expect: "no-leak" }] },
  "GET app/sites/[domain]/api/v1/vehicles/[slug]/route.ts": { kind: "route", calls: (a, b) => [
    { as: null, request: get(`/api/v1/vehicles/${b.vehicleSlug}`), params: { domain: a.siteHost, slug: b.vehicleSlug }, expect: "no-leak" },
    { as: null, request: get(`/api/v1/vehicles/${a.draftVehicleSlug}`), params: { domain: a.siteHost, slug: a.draftVehicleSlug }, expect: "refused" },
  ] },
  // The page cache serves only what the host's own pages render (no server runs here, so the render answers 503).
  "GET app/sites/[domain]/page-cache/[[...path]]/route.ts": { kind: "route", calls: (a, b) => [{ as: null, request: get(`/?q=${b.vehicleSlug}`), params: { domain: a.siteHost }, expect: "no-leak" }] },
  // The platform host's robots.txt names no dealer at all.
  "GET app/robots.txt/route.ts": { kind: "route", calls: () => [{ as: null, request: get("/robots.txt"), params: {}, expect: "no-leak" }] },
  "GET app/sites/[domain]/robots.txt/route.ts": { kind: "route", calls: (a) => [{ as: null, request: get("/robots.txt"), params: { domain: a.siteHost }, expect: "no-leak" }] },
  "GET app/sites/[domain]/sitemap.xml/route.ts": { kind: "route", calls: (a) => [{ as: null, request: get("/sitemap.xml"), params: { domain: a.siteHost }, expect: "no-leak" }] },

  [`${dashboard}/inventory/[id]/page.tsx`]: { kind: "page", calls: (a, b) => [
    { as: "owner", params: { id: b.vehicleId }, expect: "refused" },
    { as: "owner", params: { id: b.draftVehicleId }, expect: "refused" },
    { as: null, params: { id: a.vehicleId }, expect: "refused" },
  ] },
  [`${dashboard}/inbox/[conversationId]/page.tsx`]: { kind: "page", calls: (a, b) => [
    { as: "owner", params: { conversationId: b.conversationId }, expect: "refused" },
    { as: null, params: { conversationId: a.conversationId }, expect: "refused" },
  ] },
  "app/sites/[domain]/page.tsx": { kind: "page", calls: (a, b) => [
    { as: null, params: { domain: a.siteHost }, searchParams: { q: b.vehicleSlug }, expect: "no-leak" },
  ] },

  // Slugs are per dealership, so b's slug may name one of a's own cars: what matters is that nothing of b shows.
  "app/sites/[domain]/cars/[slug]/page.tsx": { kind: "page", calls: (a, b) => [
    { as: null, params: { domain: a.siteHost, slug: b.vehicleSlug }, expect: "no-leak" },
    { as: null, params: { domain: a.siteHost, slug: b.draftVehicleSlug }, expect: "no-leak" },
    { as: null, params: { domain: a.siteHost, slug: a.draftVehicleSlug }, expect: "refused" },
  ] },

  [`GET ${dashboard}/inbox/[conversationId]/export/route.ts`]: { kind: "route", calls: (a, b) => [
    { as: "owner", request: get(`/inbox/${b.conversationId}/export`), params: { conversationId: b.conversationId }, expect: "refused" },
    { as: "sales", request: get(`/inbox/${a.conversationId}/export`), params: { conversationId: a.conversationId }, expect: "refused" },
    { as: null, request: get(`/inbox/${a.conversationId}/export`), params: { conversationId: a.conversationId }, expect: "refused" },
  ] },
  [`GET ${dashboard}/inbox/updates/route.ts`]: { kind: "route", calls: (a, b) => [
    { as: "owner", request: get(`/inbox/updates?since=2000-01-01T00:00:00Z&c=${b.conversationId}`), expect: "no-leak" },
    { as: null, request: get("/inbox/updates?since=2000-01-01T00:00:00Z"), expect: "refused" },
  ] },
  "GET app/media/[id]/route.ts": { kind: "route", calls: (a, b) => [
    { as: "owner", request: get(`/media/${b.mediaId}`), params: { id: b.mediaId }, expect: "refused" },
    { as: null, request: get(`/media/${a.mediaId}`), params: { id: a.mediaId }, expect: "refused" },
  ] },
  "GET app/api/health/route.ts": { kind: "route", calls: () => [{ as: null, request: get("/api/health"), expect: "no-leak" }] },
  // Inngest's own handler: in-process mode answers without a signing key but only describes functions, never runs one on a GET.
  "GET app/api/inngest/route.ts": { kind: "route", calls: () => [{ as: null, request: get("/api/inngest"), expect: "no-leak" }] },
  "POST app/api/inngest/route.ts": { kind: "route", calls: (a, b) => [{ as: null, request: send("POST", "/api/inngest?fnId=forecourt-process-inbox&stepId=step", JSON.stringify({ event: { name: "x", data: { tenantId: b.tenantId } } })), expect: "no-leak" }] },
  "PUT app/api/inngest/route.ts": { kind: "route", calls: () => [{ as: null, request: send("PUT", "/api/inngest", "{}"), expect: "no-leak" }] },

  "GET app/api/v1/openapi.json/route.ts": { kind: "route", calls: () => [{ as: null, request: get("/api/v1/openapi.json"), expect: "no-leak" }] },
  "GET app/api/v1/vehicles/route.ts": apiCollection("vehicles"),
  "GET app/api/v1/vehicles/[id]/route.ts": apiById("vehicles", (i) => i.draftVehicleId),
  "GET app/api/v1/contacts/route.ts": apiCollection("contacts"),
  "GET app/api/v1/contacts/[id]/route.ts": apiById("contacts", (i) => i.contactId),
  "GET app/api/v1/leads/route.ts": apiCollection("leads"),
  "POST app/api/v1/leads/route.ts": apiCollection("leads", "POST", JSON.stringify({ name: "Api Sweep", phone: "31612340000" })),
  "GET app/api/v1/leads/[id]/route.ts": apiById("leads", (i) => i.leadId),
  "PATCH app/api/v1/leads/[id]/route.ts": apiById("leads", (i) => i.leadId, "PATCH", JSON.stringify({ stage: "qualified" })),
  "GET app/api/v1/appointments/route.ts": apiCollection("appointments"),
  "GET app/api/v1/appointments/[id]/route.ts": apiById("appointments", (i) => i.leadId),

  "GET app/api/webhooks/whatsapp/route.ts": { kind: "route", calls: () => [{ as: null, request: get("/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"), expect: "refused" }] },
  "POST app/api/webhooks/whatsapp/route.ts": unsigned(() => "/api/webhooks/whatsapp", (b) => JSON.stringify({ entry: [{ changes: [{ value: { metadata: { phone_number_id: b.phoneNumberId }, messages: [{ from: "31600000000", id: "wamid.sweep", type: "text", text: { body: "hi" } }] } }] }] })),
  "GET app/api/webhooks/facebook/route.ts": { kind: "route", calls: () => [{ as: null, request: get("/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"), expect: "refused" }] },
  "POST app/api/webhooks/facebook/route.ts": unsigned(() => "/api/webhooks/facebook", () => JSON.stringify({ object: "page", entry: [{ id: "1", changes: [{ field: "leadgen", value: { leadgen_id: "1", page_id: "1" } }] }] })),
  "POST app/api/webhooks/inventory/[tenantSlug]/route.ts": unsigned((b) => `/api/webhooks/inventory/${b.tenantSlug}`, () => JSON.stringify({ type: "vehicle.deleted", vehicle: { external_id: "x" } }), (b) => ({ tenantSlug: b.tenantSlug })),
  "POST app/api/webhooks/email/[tenantSlug]/route.ts": unsigned((b) => `/api/webhooks/email/${b.tenantSlug}`, () => JSON.stringify({ from: "x@y.z", to: "a@b.c", subject: "s", text: "t" }), (b) => ({ tenantSlug: b.tenantSlug })),
  "POST app/api/webhooks/waha/[channelId]/route.ts": unsigned((b) => `/api/webhooks/waha/${b.channelId}`, () => JSON.stringify({ event: "message", payload: { id: "x", from: "31600000000@c.us", body: "hi" } }), (b) => ({ channelId: b.channelId })),
  "POST app/api/webhooks/fonnte/[channelId]/route.ts": unsigned((b) => `/api/webhooks/fonnte/${b.channelId}`, () => JSON.stringify({ device: "1", sender: "31600000000", message: "hi" }), (b) => ({ channelId: b.channelId })),
  // The website form is public by design and may write to the dealership it names; posting to a's form naming b's car must not reveal b.
  "POST app/api/webhooks/forms/[tenantSlug]/route.ts": { kind: "route", calls: (a, b) => [
    { as: null, request: send("POST", `/api/webhooks/forms/${a.tenantSlug}`, JSON.stringify({ name: "Form Sweep", phone: "+31612345678", vehicle: b.vehicleSlug, consent: true })), params: { tenantSlug: a.tenantSlug }, expect: "no-leak" },
    { as: null, request: send("POST", `/api/webhooks/forms/${b.tenantSlug}`, "{}", { origin: `http://${a.siteHost}` }), params: { tenantSlug: b.tenantSlug }, expect: "refused" },
  ] },
  "OPTIONS app/api/webhooks/forms/[tenantSlug]/route.ts": { kind: "route", calls: (a, b) => [
    { as: null, request: new Request(url(`/api/webhooks/forms/${b.tenantSlug}`), { method: "OPTIONS", headers: { origin: `http://${a.siteHost}` } }), params: { tenantSlug: b.tenantSlug }, expect: "refused" },
  ] },
};
