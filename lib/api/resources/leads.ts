import { and, desc, eq, getTableColumns } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { leads, leadStages, type LeadStage } from "@/db/schema";
import type { PageParams } from "../cursor";
import { afterCursor, cursorKey, iso, toPage } from "./page";

type LeadRow = typeof leads.$inferSelect;

export function serializeLead(l: LeadRow) {
  return {
    id: l.id, contactId: l.contactId, source: l.source, stage: l.stage, score: l.score, hot: l.hot,
    assignedUserId: l.assignedUserId, vehicleId: l.vehicleId, budgetMin: l.budgetMin, budgetMax: l.budgetMax,
    notes: l.notes, lostReason: l.lostReason, wonAmount: l.wonAmount, externalRef: l.externalRef,
    createdAt: iso(l.createdAt), updatedAt: iso(l.updatedAt), lastActivityAt: iso(l.lastActivityAt),
  };
}
export type ApiLead = ReturnType<typeof serializeLead>;

export const isLeadStage = (s: string): s is LeadStage => (leadStages as readonly string[]).includes(s);

export async function listLeadsPage(tenantId: string, page: PageParams, filter: { stage?: LeadStage }) {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ ...getTableColumns(leads), cursorKey: cursorKey(leads.createdAt) }).from(leads)
      .where(and(eq(leads.tenantId, tenantId), filter.stage ? eq(leads.stage, filter.stage) : undefined, afterCursor(leads.createdAt, leads.id, page.cursor)))
      .orderBy(desc(leads.createdAt), desc(leads.id)).limit(page.limit + 1),
  );
  return toPage(rows, page.limit, serializeLead);
}

export async function getLead(tenantId: string, id: string) {
  const [row] = await withTenant(tenantId, (tx) => tx.select().from(leads).where(and(eq(leads.tenantId, tenantId), eq(leads.id, id))).limit(1));
  return row ? serializeLead(row) : null;
}
