import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { tasks } from "@/db/schema";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";

/**
 * What the daily re-check of a custom domain tells the dealer: a notice on Today's "For you" list of owners, admins
 * and managers (a task of nobody's, kind "system"), when the records go wrong and again when the domain stops serving.
 * A notice is written once while it is open, and closed by itself when the domain checks out again.
 */
const warningTitle = (domain: string) => `Fix the DNS records of ${domain}`;
const offTitle = (domain: string) => `${domain} is off the air`;

type Dealer = { tenantId: string; slug: string; timeZone: string };
const fallbackHost = (slug: string) => `${slug}.${env().ROOT_DOMAIN}`;
const day = (at: Date, timeZone: string) => formatDate(at, "en-GB", timeZone);

async function noticeOnce(tx: Tx, tenantId: string, title: string, body: string) {
  const [open] = await tx.select({ id: tasks.id }).from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.kind, "system"), eq(tasks.title, title), isNull(tasks.doneAt))).limit(1);
  if (!open) await tx.insert(tasks).values({ tenantId, userId: null, kind: "system", title, body });
}

/** The records are wrong, the domain still serves until `until`. */
export function noticeDomainRecordsWrong(tx: Tx, d: Dealer, domain: string, problem: string, until: Date) {
  return noticeOnce(tx, d.tenantId, warningTitle(domain), [
    `Today's check of your domain found: ${problem}`,
    `Your site keeps answering on ${domain} until ${day(until, d.timeZone)}; after that it moves back to ${fallbackHost(d.slug)}.`,
    "Put the records back at your domain provider (Settings → Your own domain lists them); this notice closes itself once they check out.",
  ].join("\n"));
}

/** The domain stopped serving: records wrong since the last good check on `lastGood`. */
export function noticeDomainOff(tx: Tx, d: Dealer, domain: string, problem: string, lastGood: Date | null) {
  return noticeOnce(tx, d.tenantId, offTitle(domain), [
    `Its DNS records have been wrong${lastGood ? ` since the check of ${day(lastGood, d.timeZone)}` : ""}: ${problem}`,
    `Your site and its links are on ${fallbackHost(d.slug)} now. Fix the records, then press "Check now" under Settings → Your own domain to put ${domain} back.`,
  ].join("\n"));
}

/** The domain checks out: its open notices are done. */
export async function closeDomainNotices(tx: Tx, tenantId: string, domain: string, now: Date) {
  await tx.update(tasks).set({ doneAt: now, updatedAt: now })
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.kind, "system"), inArray(tasks.title, [warningTitle(domain), offTitle(domain)]), isNull(tasks.doneAt)));
}
