import { randomBytes } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { auditLog, tenants } from "@/db/schema";
import { forgetSiteHosts } from "@/lib/catalog/data";
import { env } from "@/lib/env";
import { deliverStoredEmail } from "@/lib/email/deliver";
import { limitsFor, plans } from "@/lib/plans/catalog";
import { audit, type AuditActor } from "./audit";
import { dnsUnreachable, domainDnsProblem, domainTarget, systemDns, txtRecordName, type DnsResolver } from "./domain-dns";
import { closeDomainNotices, noticeDomainOff, noticeDomainRecordsWrong } from "./domain-notices";

const withoutPort = (h: string) => h.replace(/:\d+$/, "");
const rootHost = () => withoutPort(env().ROOT_DOMAIN.trim().toLowerCase());
const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why `host` cannot be a dealer's own domain, or null. Pure, so the form and the server agree. */
export function customDomainProblem(host: string, root = rootHost()): string | null {
  if (!host) return "Enter your domain, for example www.autohuisvandijk.nl.";
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) return "Enter only the domain, without http:// or https://.";
  if (host.includes("/") || host.includes("?") || host.includes("#")) return "Enter only the domain, without a path such as /cars.";
  if (host.includes(":")) return "Enter the domain without a port number.";
  if (host.includes("@") || /\s/.test(host)) return "That is not a domain name. Use something like www.autohuisvandijk.nl.";
  const labels = host.split(".");
  if (host.length > 253 || labels.length < 2 || !labels.every((l) => label.test(l))) return "That is not a domain name. Use something like www.autohuisvandijk.nl.";
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(labels[labels.length - 1])) return "That domain does not end in a real extension such as .nl or .com.";
  if (host === root || host.endsWith(`.${root}`)) return `Addresses on ${root} are ours; enter a domain you own.`;
  return null;
}

export const customDomainSchema = z.object({
  domain: z.string().trim().toLowerCase().transform((d) => d.replace(/\.$/, "")).superRefine((d, ctx) => {
    const problem = customDomainProblem(d);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
});

export type CustomDomainView = {
  allowed: boolean;
  plansWithDomain: string[];
  domain: string | null;
  status: "none" | "pending" | "verified" | "failed";
  token: string | null;
  checkedAt: Date | null;
  txtName: string | null;
  cnameTarget: string;
  /** Addresses an A record may point at instead of the CNAME; empty when only the CNAME (or an ALIAS to it) works. */
  aTargets: string[];
};

const plansWithDomain = () => Object.values(plans).filter((p) => p.limits.customDomain).map((p) => p.name);

function planRefusal(plan: string): string {
  const name = plans[plan as keyof typeof plans]?.name ?? plan;
  return `Your ${name} plan does not include your own domain. ${plansWithDomain().join(" and ")} do — ask us to change your plan.`;
}

async function tenantDomain(tenantId: string) {
  const [t] = await withTenant(tenantId, (tx) => tx.select({
    plan: tenants.plan, limits: tenants.limits, domain: tenants.customDomain, status: tenants.customDomainStatus, token: tenants.customDomainToken, checkedAt: tenants.customDomainCheckedAt,
  }).from(tenants).where(eq(tenants.id, tenantId)));
  return { ...t, allowed: limitsFor(t.plan, t.limits).customDomain };
}

export async function getCustomDomain(tenantId: string): Promise<CustomDomainView> {
  const t = await tenantDomain(tenantId);
  return {
    allowed: t.allowed, plansWithDomain: plansWithDomain(), domain: t.domain, status: t.status, token: t.token, checkedAt: t.checkedAt,
    txtName: t.domain ? txtRecordName(t.domain) : null, cnameTarget: domainTarget().host, aTargets: domainTarget().ips,
  };
}

type Result = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Stores the domain as pending with a fresh verification token; it serves nothing until the TXT record checks out. */
export async function saveCustomDomain(actor: AuditActor, domain: string): Promise<Result> {
  const current = await tenantDomain(actor.tenantId);
  if (!current.allowed) return { ok: false, error: planRefusal(current.plan) };
  if (current.domain === domain) return { ok: true };
  const db = await getSystemDb();
  const [taken] = await db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.customDomain, domain), ne(tenants.id, actor.tenantId))).limit(1);
  const takenError = { ok: false as const, error: "Check the highlighted field.", fieldErrors: { domain: "This domain is already connected to another dealership." } };
  if (taken) return takenError;
  try {
    await withTenant(actor.tenantId, (tx) => tx.update(tenants).set({
      customDomain: domain, customDomainStatus: "pending", customDomainToken: randomBytes(16).toString("hex"), customDomainCheckedAt: null, updatedAt: new Date(),
    }).where(eq(tenants.id, actor.tenantId)));
  } catch (e) {
    // Two dealers saving the same domain at once: the unique index decides.
    if (/tenants_custom_domain_key|23505/.test(`${(e as { code?: string }).code ?? ""} ${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? "")}`)) return takenError;
    throw e;
  }
  forgetSiteHosts();
  await audit(actor, "settings.custom_domain_saved", "tenant", actor.tenantId, { domain, previous: current.domain });
  return { ok: true };
}

export type DomainCheck = { ok: true; status: "verified" } | { ok: false; error: string };

/** Marks the domain verified when `_forecourt.<domain>` has the token as a TXT record and the domain points at us (CNAME or A). */
export async function checkCustomDomain(actor: AuditActor, dns: DnsResolver = systemDns): Promise<DomainCheck> {
  const t = await tenantDomain(actor.tenantId);
  if (!t.domain || !t.token) return { ok: false, error: "There is no domain to check. Enter your domain first." };
  if (!t.allowed) return { ok: false, error: planRefusal(t.plan) };
  if (t.status === "verified") return { ok: true, status: "verified" };
  const error = await domainDnsProblem(t.domain, t.token, dns);
  const now = new Date();
  await withTenant(actor.tenantId, async (tx) => {
    await tx.update(tenants).set({ customDomainCheckedAt: now, ...(error ? {} : { customDomainStatus: "verified" as const }), updatedAt: now })
      .where(and(eq(tenants.id, actor.tenantId), eq(tenants.customDomain, t.domain!)));
    if (!error) await closeDomainNotices(tx, actor.tenantId, t.domain!, now);
  });
  if (error) {
    await audit(actor, "settings.custom_domain_check_failed", "tenant", actor.tenantId, { domain: t.domain, reason: error });
    return { ok: false, error };
  }
  forgetSiteHosts();
  await audit(actor, "settings.custom_domain_verified", "tenant", actor.tenantId, { domain: t.domain });
  return { ok: true, status: "verified" };
}

/** Detaches the domain at once: its host answers 404 again and the site lives on `{slug}.ROOT_DOMAIN`. */
export async function removeCustomDomain(actor: AuditActor): Promise<Result> {
  const t = await tenantDomain(actor.tenantId);
  if (!t.domain) return { ok: false, error: "There is no domain to remove." };
  await withTenant(actor.tenantId, (tx) => tx.update(tenants).set({
    customDomain: null, customDomainStatus: "none", customDomainToken: null, customDomainCheckedAt: null, updatedAt: new Date(),
  }).where(eq(tenants.id, actor.tenantId)));
  forgetSiteHosts();
  await audit(actor, "settings.custom_domain_removed", "tenant", actor.tenantId, { domain: t.domain });
  return { ok: true };
}

/** How long a verified domain keeps serving while its records are wrong: a DNS move or a typo gets days to be fixed. */
const DOMAIN_GRACE_MS = 3 * 24 * 3600_000;

/** The notices' e-mails, once the notice is committed (one at a time: a dealership has a few owners and admins). */
async function mailNotices(tenantId: string, emailIds: string[]) {
  for (const id of emailIds) await deliverStoredEmail(tenantId, id);
}

/**
 * The daily re-check of every verified domain. Records still right: the check time moves on. Wrong for longer than the
 * grace period since the last good check: the domain is marked failed, so it stops serving (the site and its links go
 * back to `{slug}.ROOT_DOMAIN`) until the dealer fixes the records and checks again. Owners, admins and managers get a
 * notice on Today at both steps, and those who can change the domain an e-mail (lib/settings/domain-notices.ts). A
 * lookup that failed on our side says nothing about the records and changes nothing.
 */
export async function recheckCustomDomains(now: Date, dns: DnsResolver = systemDns): Promise<{ checked: number; lapsed: string[] }> {
  const db = await getSystemDb();
  const verified = await db.select({
    tenantId: tenants.id, slug: tenants.slug, locale: tenants.locale, timeZone: tenants.timeZone, domain: tenants.customDomain, token: tenants.customDomainToken, checkedAt: tenants.customDomainCheckedAt,
  })
    .from(tenants).where(eq(tenants.customDomainStatus, "verified"));
  const lapsed: string[] = [];
  for (const t of verified) {
    if (!t.domain || !t.token) continue;
    const problem = await domainDnsProblem(t.domain, t.token, dns);
    if (problem === dnsUnreachable) continue;
    const stillOwn = and(eq(tenants.id, t.tenantId), eq(tenants.customDomain, t.domain), eq(tenants.customDomainStatus, "verified"));
    const domain = t.domain;
    if (!problem) {
      await withTenant(t.tenantId, async (tx) => {
        const [still] = await tx.update(tenants).set({ customDomainCheckedAt: now }).where(stillOwn).returning({ id: tenants.id });
        if (still) await closeDomainNotices(tx, t.tenantId, domain, now);
      });
      continue;
    }
    if (t.checkedAt && now.getTime() - t.checkedAt.getTime() < DOMAIN_GRACE_MS) {
      const until = new Date(t.checkedAt.getTime() + DOMAIN_GRACE_MS);
      await mailNotices(t.tenantId, await withTenant(t.tenantId, (tx) => noticeDomainRecordsWrong(tx, t, domain, problem, until)));
      continue;
    }
    const emails = await withTenant(t.tenantId, async (tx) => {
      const [changed] = await tx.update(tenants).set({ customDomainStatus: "failed", updatedAt: now }).where(stillOwn).returning({ id: tenants.id });
      if (!changed) return [];
      await tx.insert(auditLog).values({ tenantId: t.tenantId, actorUserId: null, action: "settings.custom_domain_lapsed", targetType: "tenant", targetId: t.tenantId, data: { domain, reason: problem } });
      const ids = await noticeDomainOff(tx, t, domain, problem, t.checkedAt);
      lapsed.push(domain);
      return ids;
    });
    await mailNotices(t.tenantId, emails);
  }
  if (lapsed.length) forgetSiteHosts();
  return { checked: verified.length, lapsed };
}
