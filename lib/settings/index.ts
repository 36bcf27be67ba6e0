import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { broadcasts, channels, memberships, tenants, users, type BusinessHoursJson, type HoursException, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { grantableRoles, mayManageMember } from "@/lib/auth/roles";
import { decryptSecret, encryptSecret, randomToken } from "@/lib/crypto/secrets";
import { forgetChannelRoute } from "@/lib/channels/store";
import { channelLimitProblem, seatLimitProblem } from "@/lib/plans/usage";
import { exceptionFieldProblems, exceptionFieldShape, exceptionsFromRows, withExceptionRows } from "@/lib/scheduling/exceptions-form";
import { hoursFieldProblems, hoursFieldShape, hoursFromFields } from "@/lib/scheduling/hours-form";
import { audit, type AuditActor } from "./audit";
import { dealerCurrencies, dealerLocaleCodes } from "./profile-options";

const atMost = (n: number) => `At most ${n} characters.`;

export const profileSchema = z.preprocess(withExceptionRows, z.object({
  name: z.string().trim().min(2, "Enter the dealership's name.").max(100, atMost(100)),
  phone: z.string().trim().max(40, atMost(40)).optional(),
  street: z.string().trim().max(120, atMost(120)).optional(),
  city: z.string().trim().max(80, atMost(80)).optional(),
  postalCode: z.string().trim().max(20, atMost(20)).optional(),
  locale: z.enum(dealerLocaleCodes),
  currency: z.enum(dealerCurrencies),
  timeZone: z.string().refine((tz) => { try { new Intl.DateTimeFormat("en", { timeZone: tz }); return true; } catch { return false; } }, "Unknown time zone."),
  primaryColor: z.string().regex(/^#[0-9a-f]{6}$/i, "Use a colour like #0b4f8a."),
  ...hoursFieldShape,
  ...exceptionFieldShape,
}).superRefine((v, ctx) => {
  // Test-drive slots and the public site read these hours: a half-filled or backwards day is refused, not stored as closed.
  const problems = { ...hoursFieldProblems(v), ...exceptionFieldProblems(v) };
  for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: "custom", path: [path], message });
}));

export type { AuditActor } from "./audit";
export { assistantSettingsSchema, loadAssistantSettings, saveAssistantSettings, type AssistantSettingsInput, type AssistantSettingsView } from "./assistant";
export {
  channelWebhookUrl, connectFacebookPage, disconnectFacebookPage, facebookPageSchema, hasInboundEmailToken, leadSourceUrls,
  rotateChannelWebhookSecret, rotateInboundEmailToken, type FacebookPageInput,
} from "./lead-sources";

export async function saveProfile(actor: AuditActor, input: z.infer<typeof profileSchema>) {
  const hours = hoursFromFields(input);
  const listed = input.exceptionsListed ? exceptionsFromRows(input.exceptionRows) : null;
  await withTenant(actor.tenantId, async (tx) => {
    const [t] = await tx.select().from(tenants).where(eq(tenants.id, actor.tenantId));
    await tx.update(tenants).set({
      name: input.name, phone: input.phone || null, locale: input.locale, currency: input.currency, timeZone: input.timeZone,
      address: { street: input.street, city: input.city, postalCode: input.postalCode, country: t.address?.country },
      // A form without the list (an older page) keeps the stored exceptions; one with it replaces them, so past dates it no longer shows go.
      businessHours: { ...hours, ...withExceptions(listed ?? t.businessHours.exceptions) } as BusinessHoursJson, branding: { ...t.branding, primaryColor: input.primaryColor }, updatedAt: new Date(),
    }).where(eq(tenants.id, actor.tenantId));
  });
  await audit(actor, "settings.profile_updated", "tenant", actor.tenantId);
}

const withExceptions = (list: HoursException[] | undefined) => (list?.length ? { exceptions: list } : {});

export async function listChannels(tenantId: string) {
  const rows = await withTenant(tenantId, (tx) => tx.select().from(channels).where(eq(channels.tenantId, tenantId)));
  // Secrets never leave the server: the page learns only whether one is set.
  return rows.map(({ credentialsEnc, webhookSecretEnc, ...rest }) => ({ ...rest, hasToken: Boolean(credentialsEnc), hasWebhookSecret: Boolean(webhookSecretEnc) }));
}

export const channelSchema = z.object({
  provider: z.enum(["whatsapp_cloud", "waha", "fonnte"]),
  externalId: z.string().trim().min(3, "Enter the phone number id, session or device.").max(64).regex(/^[A-Za-z0-9_.@-]+$/, "Letters, digits and - _ . @ only."),
  displayPhone: z.string().trim().max(40).optional(),
  accessToken: z.string().trim().max(2000).optional(),
  baseUrl: z.string().trim().url("Enter a full URL").optional().or(z.literal("")),
});

/**
 * Removes a WhatsApp, WAHA or Fonnte channel saved by mistake or no longer used: the assistant stops answering on
 * it at once, its message templates go, and it no longer counts against the plan. Its conversations and messages
 * stay (their channel becomes none, so replies are kept, not sent). Refused while a broadcast waits to go out on it.
 */
export async function removeChannel(actor: AuditActor, channelId: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const notOurs = { ok: false as const, error: "That channel is not connected to your dealership." };
  const r = await withTenant(actor.tenantId, async (tx) => {
    const [channel] = await tx.select({ id: channels.id, provider: channels.provider, externalId: channels.externalId }).from(channels)
      .where(and(eq(channels.tenantId, actor.tenantId), eq(channels.id, channelId), inArray(channels.provider, ["whatsapp_cloud", "waha", "fonnte"])));
    if (!channel) return notOurs;
    const [waiting] = await tx.select({ name: broadcasts.name }).from(broadcasts)
      .where(and(eq(broadcasts.tenantId, actor.tenantId), eq(broadcasts.channelId, channelId), inArray(broadcasts.status, ["scheduled", "sending"]))).limit(1);
    if (waiting) return { ok: false as const, error: `The broadcast "${waiting.name}" is going out on this channel. Cancel it or let it finish first.` };
    await tx.delete(channels).where(and(eq(channels.tenantId, actor.tenantId), eq(channels.id, channelId)));
    return { ok: true as const, channel };
  });
  if (!r.ok) return r;
  forgetChannelRoute(r.channel.provider, r.channel.externalId);
  await audit(actor, "settings.channel_removed", "channel", r.channel.externalId, { provider: r.channel.provider, channelId });
  return { ok: true };
}

export async function connectChannel(actor: AuditActor, input: z.infer<typeof channelSchema>): Promise<{ ok: true } | { ok: false; error: string }> {
  const db = await getSystemDb();
  const [taken] = await db.select({ tenantId: channels.tenantId }).from(channels).where(and(eq(channels.provider, input.provider), eq(channels.externalId, input.externalId))).limit(1);
  if (taken && taken.tenantId !== actor.tenantId) return { ok: false, error: "This number is already connected to another account." };
  const noChannelRoom = taken ? null : await channelLimitProblem(actor.tenantId);
  if (noChannelRoom) return { ok: false, error: noChannelRoom };
  const creds = input.accessToken ? encryptSecret(JSON.stringify(input.provider === "whatsapp_cloud" ? { accessToken: input.accessToken } : input.provider === "waha" ? { apiKey: input.accessToken } : { token: input.accessToken })) : undefined;
  await withTenant(actor.tenantId, async (tx) => {
    const values = {
      name: { whatsapp_cloud: "WhatsApp", waha: "WAHA", fonnte: "Fonnte" }[input.provider], displayPhone: input.displayPhone || null, baseUrl: input.baseUrl || null,
      ...(creds ? { credentialsEnc: creds, status: "connected" as const } : {}),
    };
    if (taken) await tx.update(channels).set({ ...values, updatedAt: new Date() }).where(and(eq(channels.provider, input.provider), eq(channels.externalId, input.externalId)));
    else await tx.insert(channels).values({ tenantId: actor.tenantId, provider: input.provider, externalId: input.externalId, ...values, webhookSecretEnc: encryptSecret(randomToken(24)) });
  });
  forgetChannelRoute(input.provider, input.externalId);
  await audit(actor, "settings.channel_connected", "channel", input.externalId, { provider: input.provider });
  return { ok: true };
}

/** A new feed secret, shown once; the old one stops working at once. */
export async function rotateFeedSecret(actor: AuditActor): Promise<string> {
  const secret = randomToken(24);
  await withTenant(actor.tenantId, (tx) => tx.update(tenants).set({ feedSecretEnc: encryptSecret(secret) }).where(eq(tenants.id, actor.tenantId)));
  await audit(actor, "settings.feed_secret_rotated", "tenant", actor.tenantId);
  return secret;
}

export async function hasFeedSecret(tenantId: string) {
  const [t] = await withTenant(tenantId, (tx) => tx.select({ enc: tenants.feedSecretEnc }).from(tenants).where(eq(tenants.id, tenantId)));
  return Boolean(t?.enc);
}

export async function feedSecretOf(tenantId: string): Promise<string | null> {
  const db = await getSystemDb();
  const [t] = await db.select({ enc: tenants.feedSecretEnc }).from(tenants).where(eq(tenants.id, tenantId));
  return t?.enc ? decryptSecret(t.enc) : null;
}

export async function listTeam(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, active: memberships.active, onDuty: memberships.onDuty })
      .from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.tenantId, tenantId)).orderBy(users.name),
  );
}

export const inviteSchema = z.object({
  name: z.string().trim().min(2, "Enter a name.").max(80, atMost(80)),
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address."),
  role: z.enum(["admin", "manager", "sales"]),
});

/** Local-accounts mode: the new colleague gets a one-time password to pass on; with Clerk, invite in Clerk instead. */
export async function inviteMember(actor: AuditActor & { role: Role }, input: z.infer<typeof inviteSchema>): Promise<{ ok: true; temporaryPassword: string | null } | { ok: false; error: string }> {
  if (!grantableRoles(actor.role).includes(input.role)) return { ok: false, error: "Only owners and admins can add admins." };
  const noSeat = await seatLimitProblem(actor.tenantId);
  if (noSeat) return { ok: false, error: noSeat };
  const db = await getSystemDb();
  let [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  let temporaryPassword: string | null = null;
  // An account of another dealership's team is not joined to this one by whoever knows its e-mail address (its name
  // would show here, and signing in picks one dealership).
  if (user) {
    const [elsewhere] = await db.select({ id: memberships.id }).from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.active, true), ne(memberships.tenantId, actor.tenantId))).limit(1);
    if (elsewhere) return { ok: false, error: "This e-mail address is already used at another dealership. Use the colleague's own work address." };
  }
  if (!user) {
    temporaryPassword = randomToken(9);
    [user] = await db.insert(users).values({ email: input.email, name: input.name, passwordHash: await hashPassword(temporaryPassword) }).returning();
  }
  const created = await withTenant(actor.tenantId, async (tx) => {
    const [exists] = await tx.select().from(memberships).where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, user.id)));
    if (exists) return false;
    await tx.insert(memberships).values({ tenantId: actor.tenantId, userId: user.id, role: input.role, onDuty: input.role === "sales" });
    return true;
  });
  if (!created) return { ok: false, error: "This person is already on your team." };
  await audit(actor, "team.member_invited", "user", user.id, { role: input.role });
  return { ok: true, temporaryPassword };
}

export async function updateMember(actor: AuditActor & { role: Role }, membershipId: string, patch: { role?: Role; active?: boolean }) {
  const ok = await withTenant(actor.tenantId, async (tx) => {
    const [m] = await tx.select().from(memberships).where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.id, membershipId)));
    if (!m || m.userId === actor.userId) return false;
    if (!mayManageMember(actor.role, m.role)) return false;
    if (patch.role && !grantableRoles(actor.role).includes(patch.role)) return false;
    await tx.update(memberships).set({ ...patch, updatedAt: new Date() }).where(eq(memberships.id, membershipId));
    return true;
  });
  if (ok) await audit(actor, "team.member_updated", "membership", membershipId, patch);
  return ok;
}

export {
  checkCustomDomain, customDomainProblem, customDomainSchema, getCustomDomain, removeCustomDomain, saveCustomDomain,
  type CustomDomainView, type DomainCheck,
} from "./custom-domain";
export { txtRecordName, type DnsResolver } from "./domain-dns";
