import { and, desc, eq, isNotNull } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { outboundEmails } from "@/db/schema";

/** The latest follow-up e-mails with their status, so "stored, not sent" is visible without SMTP. */
export async function listRecentFollowupEmails(tenantId: string, limit = 10) {
  return withTenant(tenantId, (tx) =>
    tx.select({ id: outboundEmails.id, toAddress: outboundEmails.toAddress, subject: outboundEmails.subject, status: outboundEmails.status, error: outboundEmails.error, createdAt: outboundEmails.createdAt })
      // Follow-up e-mails are to a lead; the dealer's own notices (custom domain) are not listed here.
      .from(outboundEmails).where(and(eq(outboundEmails.tenantId, tenantId), isNotNull(outboundEmails.leadId))).orderBy(desc(outboundEmails.createdAt)).limit(limit));
}
