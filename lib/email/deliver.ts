import { and, eq } from "drizzle-orm";
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
