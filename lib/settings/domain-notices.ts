import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, outboundEmails, tasks, users } from "@/db/schema";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { PLACEHOLDER_EMAIL_DOMAIN } from "@/lib/auth/clerk";
import { rolesAtLeast } from "@/lib/auth/roles";
import { appOrigin } from "@/lib/origins";

/**
 * What the daily re-check of a custom domain tells the dealer: a notice on Today's "For you" list of owners, admins
 * and managers (a task of nobody's, kind "system"), when the records go wrong and again when the domain stops serving.
 * A notice is written once while it is open, and closed by itself when the domain checks out again.
 * When it is written, those who can change the domain (admins and owners, as the domain's actions authorize) also
 * get it by e-mail: a dealer who does not open the dashboard would otherwise learn it from the site's address. The
 * e-mails are stored with the notice and sent by the caller once it commits (`deliverStoredEmail`; without SMTP they
 * stay stored).
 */
const warningTitle = (domain: string) => `Fix the DNS records of ${domain}`;
const offTitle = (domain: string) => `${domain} is off the air`;

/** `locale`, `timeZone`: the dealer's, for the dates (the words are the dashboard's English). */
type Dealer = { tenantId: string; slug: string; locale: string; timeZone: string };
const fallbackHost = (slug: string) => `${slug}.${env().ROOT_DOMAIN}`;
const day = (at: Date, d: Dealer) => formatDate(at, d.locale, d.timeZone);

/** Writes the notice unless it is open already; returns the ids of the e-mails written with it. */
async function noticeOnce(tx: Tx, tenantId: string, title: string, body: string): Promise<string[]> {
  const [open] = await tx.select({ id: tasks.id }).from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.kind, "system"), eq(tasks.title, title), isNull(tasks.doneAt))).limit(1);
  if (open) return [];
  await tx.insert(tasks).values({ tenantId, userId: null, kind: "system", title, body });
  const admins = (await tx.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.active, true), inArray(memberships.role, rolesAtLeast("admin")))))
    .filter((a) => !a.email.endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`));
  if (admins.length === 0) return [];
  const text = `${body}\n\nYour settings: ${appOrigin()}/settings`;
  const rows = await tx.insert(outboundEmails).values(admins.map((a) => ({ tenantId, toAddress: a.email, subject: title, text })))
    .returning({ id: outboundEmails.id });
  return rows.map((r) => r.id);
}

/** The records are wrong, the domain still serves until `until`. */
export function noticeDomainRecordsWrong(tx: Tx, d: Dealer, domain: string, problem: string, until: Date) {
  return noticeOnce(tx, d.tenantId, warningTitle(domain), [
    `Today's check of your domain found: ${problem}`,
    `Your site keeps answering on ${domain} until ${day(until, d)}; after that it moves back to ${fallbackHost(d.slug)}.`,
    "Put the records back at your domain provider (Settings → Your own domain lists them); this notice closes itself once they check out.",
  ].join("\n"));
}

/** The domain stopped serving: records wrong since the last good check on `lastGood`. */
export function noticeDomainOff(tx: Tx, d: Dealer, domain: string, problem: string, lastGood: Date | null) {
  return noticeOnce(tx, d.tenantId, offTitle(domain), [
    `Its DNS records have been wrong${lastGood ? ` since the check of ${day(lastGood, d)}` : ""}: ${problem}`,
    `Your site and its links are on ${fallbackHost(d.slug)} now. Fix the records, then press "Check now" under Settings → Your own domain to put ${domain} back.`,
  ].join("\n"));
}

/** The domain checks out: its open notices are done. */
export async function closeDomainNotices(tx: Tx, tenantId: string, domain: string, now: Date) {
  await tx.update(tasks).set({ doneAt: now, updatedAt: now })
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.kind, "system"), inArray(tasks.title, [warningTitle(domain), offTitle(domain)]), isNull(tasks.doneAt)));
}
