import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { withTenant } from "@/db/tenant";
import { leadStages, type LeadStage } from "@/db/schema";
import type { Role } from "@/db/schema";

export type BoardCard = {
  id: string;
  contactName: string | null;
  vehicle: string | null;
  score: number;
  hot: boolean;
  assignedName: string | null;
  conversationId: string | null;
  lostReason: string | null;
};
export type BoardColumn = { stage: LeadStage; count: number; value: number; cards: BoardCard[] };

type Viewer = { userId: string; role: Role };

const scope = (v: Viewer) => (v.role === "sales" ? sql`and (l.assigned_user_id is null or l.assigned_user_id = ${v.userId})` : sql``);

/**
 * The pipeline by stage: counts and value (won deals at their won amount, open ones at the asking
 * price of the car of interest) aggregated in SQL, plus the most recently active cards per column.
 */
export async function getPipelineBoard(tenantId: string, viewer: Viewer, opts: { cardsPerColumn?: number } = {}): Promise<BoardColumn[]> {
  const perColumn = Math.min(Math.max(opts.cardsPerColumn ?? 40, 1), 200);
  return withTenant(tenantId, async (tx) => {
    const totals = await tx.execute<{ stage: LeadStage; count: number; value: string | null }>(sql`
      select l.stage, count(*)::int as count,
        coalesce(sum(case when l.stage = 'won' then coalesce(l.won_amount, v.price) else v.price end), 0)::bigint::text as value
      from leads l left join vehicles v on v.id = l.vehicle_id
      where l.tenant_id = ${tenantId} ${scope(viewer)}
      group by l.stage`);
    const cards = await tx.execute<BoardCard & { stage: LeadStage }>(sql`
      select s.stage, c.*
      from unnest(${sql.raw(`array[${leadStages.map((s) => `'${s}'`).join(",")}]`)}::text[]) as s(stage)
      cross join lateral (
        select l.id, ct.name as "contactName", l.score, l.hot, l.lost_reason as "lostReason",
          case when v.id is null then null else concat_ws(' ', v.code, v.make, v.model) end as vehicle,
          u.name as "assignedName",
          (select cv.id from conversations cv where cv.tenant_id = l.tenant_id and cv.lead_id = l.id order by cv.last_message_at desc limit 1) as "conversationId"
        from leads l
        join contacts ct on ct.id = l.contact_id
        left join vehicles v on v.id = l.vehicle_id
        left join users u on u.id = l.assigned_user_id
        where l.tenant_id = ${tenantId} and l.stage = s.stage ${scope(viewer)}
        order by l.last_activity_at desc, l.id
        limit ${perColumn}
      ) c`);
    const totalRows = rowsOf<{ stage: LeadStage; count: number; value: string | null }>(totals);
    const cardRows = rowsOf<BoardCard & { stage: LeadStage }>(cards);
    return leadStages.map((stage) => {
      const t = totalRows.find((r) => r.stage === stage);
      return {
        stage,
        count: Number(t?.count ?? 0),
        value: Number(t?.value ?? 0),
        cards: cardRows.filter((c) => c.stage === stage).map(({ stage: _s, ...c }) => ({ ...c, score: Number(c.score), hot: Boolean(c.hot) })),
      };
    });
  });
}
