import { sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";

export type Range = { from: Date; to: Date };
type Row = Record<string, unknown>;

const rows = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[]));
const n = (v: unknown) => Number(v ?? 0);

export const funnelStages = ["new", "contacted", "qualified", "test_drive", "negotiation", "won"] as const;

/** Every figure on the analytics page, aggregated in PostgreSQL (no row-by-row work in JS). */
export async function getAnalytics(tenantId: string, timeZone: string, range: Range) {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  return withTenant(tenantId, async (tx) => {
    const inRange = sql`tenant_id = ${tenantId} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz`;
    const [bySource, byDay, response, funnel, drives, won, reps, resolution] = await Promise.all([
      tx.execute(sql`select source, count(*)::int as n from leads where ${inRange} group by source order by n desc`),
      tx.execute(sql`select to_char(date_trunc('day', created_at at time zone ${timeZone}), 'YYYY-MM-DD') as day, source, count(*)::int as n
        from leads where ${inRange} group by 1, 2 order by 1`),
      tx.execute(sql`select first_response_by as who,
          case when s < 60 then '< 1 min' when s < 300 then '1–5 min' when s < 900 then '5–15 min' when s < 3600 then '15–60 min' when s < 14400 then '1–4 h' else '> 4 h' end as bucket,
          min(s) as lo, count(*)::int as n
        from (select first_response_by, extract(epoch from first_response_at - created_at) as s from leads where ${inRange} and first_response_at is not null) x
        group by 1, 2 order by 1, 3`),
      tx.execute(sql`select
          count(*)::int as "new",
          count(*) filter (where stage in ('contacted','qualified','test_drive','negotiation','won'))::int as contacted,
          count(*) filter (where stage in ('qualified','test_drive','negotiation','won'))::int as qualified,
          count(*) filter (where stage in ('test_drive','negotiation','won'))::int as test_drive,
          count(*) filter (where stage in ('negotiation','won'))::int as negotiation,
          count(*) filter (where stage = 'won')::int as won,
          count(*) filter (where stage = 'lost')::int as lost
        from leads where ${inRange}`),
      tx.execute(sql`select status, count(*)::int as n from appointments where ${inRange} group by status`),
      tx.execute(sql`select count(*)::int as deals, coalesce(sum(won_amount), 0)::bigint as revenue from leads
        where tenant_id = ${tenantId} and stage = 'won' and won_at >= ${from}::timestamptz and won_at < ${to}::timestamptz`),
      tx.execute(sql`select u.name, count(l.*)::int as leads, count(*) filter (where l.stage = 'won')::int as won,
          coalesce(sum(l.won_amount) filter (where l.stage = 'won'), 0)::bigint as revenue,
          percentile_cont(0.5) within group (order by extract(epoch from l.first_response_at - l.created_at)) as median_response
        from leads l join users u on u.id = l.assigned_user_id
        where l.tenant_id = ${tenantId} and l.created_at >= ${from}::timestamptz and l.created_at < ${to}::timestamptz
        group by u.name order by won desc, leads desc`),
      tx.execute(sql`select count(*)::int as answered,
          count(*) filter (where c.mode = 'bot' and not exists (
            select 1 from messages h where h.conversation_id = c.id and h.sender_kind = 'system' and h.meta->>'mode' = 'human'))::int as resolved
        from conversations c
        where c.tenant_id = ${tenantId} and c.created_at >= ${from}::timestamptz and c.created_at < ${to}::timestamptz
          and exists (select 1 from messages m where m.conversation_id = c.id and m.sender_kind = 'assistant')`),
    ]);
    const f = rows(funnel)[0] ?? {};
    const res = rows(resolution)[0] ?? {};
    const w = rows(won)[0] ?? {};
    return {
      leadsBySource: rows(bySource).map((r) => ({ label: String(r.source), value: n(r.n) })),
      leadsByDay: rows(byDay).map((r) => ({ day: String(r.day), source: String(r.source), n: n(r.n) })),
      responseTimes: rows(response).map((r) => ({ who: String(r.who), bucket: String(r.bucket), n: n(r.n) })),
      funnel: funnelStages.map((s) => ({ label: s, value: n(f[s]) })),
      lost: n(f.lost),
      testDrives: rows(drives).map((r) => ({ label: String(r.status), value: n(r.n) })),
      wonDeals: n(w.deals),
      revenue: n(w.revenue),
      reps: rows(reps).map((r) => ({ name: String(r.name), leads: n(r.leads), won: n(r.won), revenue: n(r.revenue), medianResponseSeconds: r.median_response === null ? null : n(r.median_response) })),
      assistant: { answered: n(res.answered), resolved: n(res.resolved) },
    };
  });
}
