import { and, desc, eq, isNotNull } from "drizzle-orm";
import nodemailer from "nodemailer";
import { withTenant } from "@/db/tenant";
import { outboundEmails } from "@/db/schema";
import { clock } from "@/inngest/local/clock";
import { env } from "@/lib/env";

/**
 * Sends a stored e-mail (a follow-up step's, or a notice to the dealer's owners and admins) through SMTP_URL. Without
 * SMTP the e-mail stays "stored" and the dashboard shows a follow-up's as not sent; a failure is kept on the row
 * rather than retried into a flood.
 */
export async function deliverStoredEmail(tenantId: string, emailId: string): Promise<"sent" | "stored" | "failed"> {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl) return "stored";
  const [email] = await withTenant(tenantId, (tx) =>
    tx.select().from(outboundEmails).where(and(eq(outboundEmails.tenantId, tenantId), eq(outboundEmails.id, emailId))));
  if (!email || email.status === "sent") return email ? "sent" : "failed";
  try {
    await nodemailer.createTransport(smtpUrl).sendMail({ from: env().SMTP_FROM, to: email.toAddress, subject: email.subject, text: email.text });
    await withTenant(tenantId, (tx) => tx.update(outboundEmails).set({ status: "sent", sentAt: clock.now(), error: null }).where(eq(outboundEmails.id, emailId)));
    return "sent";
  } catch (err) {
    await withTenant(tenantId, (tx) => tx.update(outboundEmails).set({ status: "failed", error: (err as Error).message }).where(eq(outboundEmails.id, emailId)));
    return "failed";
  }
}

/** The latest follow-up e-mails with their status, so "stored, not sent" is visible without SMTP. */
export async function listRecentFollowupEmails(tenantId: string, limit = 10) {
  return withTenant(tenantId, (tx) =>
    tx.select({ id: outboundEmails.id, toAddress: outboundEmails.toAddress, subject: outboundEmails.subject, status: outboundEmails.status, error: outboundEmails.error, createdAt: outboundEmails.createdAt })
      // Follow-up e-mails are to a lead; the dealer's own notices (custom domain) are not listed here.
      .from(outboundEmails).where(and(eq(outboundEmails.tenantId, tenantId), isNotNull(outboundEmails.leadId))).orderBy(desc(outboundEmails.createdAt)).limit(limit));
}
