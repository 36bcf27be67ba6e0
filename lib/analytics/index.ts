import { sql, type SQL } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import type { Tx } from "@/db/client";
import { loadBranches } from "@/lib/branches";

export type Range = { from: Date; to: Date };
/** "all", "main" (the default showroom and leads tied to none) or a branch id. */
export type BranchChoice = string;
type Row = Record<string, unknown>;

const rows = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[]));
const n = (v: unknown) => Number(v ?? 0);

export const funnelStages = ["new", "contacted", "qualified", "test_drive", "negotiation", "won"] as const;
export const branchRule = "A lead counts for the showroom set on it, else the one where its car of interest stands, else the main showroom; a test drive or visit counts where it is booked.";

/**
 * Every figure on the analytics page. What each counts, so the headline, the reps and the showrooms add up:
 * - leads (headline, sources, days, response times, a rep's and a showroom's leads): leads created in the period;
 * - won deals and revenue (headline, reps, showrooms): deals won in the period (`won_at`), whenever their lead came in,
 *   for the rep assigned to the lead now; so the headline is the sum of the reps (and the unassigned) and of the showrooms;
 * - the funnel: a cohort, the period's leads by the stage they have reached so far (each stage counts the leads at it or
 *   beyond; a lost lead at the furthest open stage it was moved on from, see `funnelRank`; a booked visit moves a
 *   lead to the test-drive stage as a booked test drive does), so a lead won in the period but created before it is not
 *   in the funnel;
 * - test drives and visits: appointments booked in the period, by their status now; the headline and the showrooms count
 *   the bookings that still stand (any status but cancelled), the cancelled beside them;
 * - the assistant's resolution: conversations started in the period that it answered.
 *
 * Aggregated in PostgreSQL: one pass over the period's leads feeds the source, day, response-time, funnel, rep and
 * per-branch lead figures; won deals (per rep too), test drives and the assistant's resolution are grouped by
 * showroom in SQL so the same rows give the chosen showroom and the comparison.
 */
export async function getAnalytics(tenantId: string, timeZone: string, range: Range, branch: BranchChoice = "all") {
  const branchList = await loadBranches(tenantId);
  const main = branchList.find((b) => b.isDefault);
  const showrooms = [{ key: "main", name: main?.name ?? "Main showroom" }, ...branchList.filter((b) => !b.isDefault).map((b) => ({ key: b.id, name: b.name }))];
  const chosen = showrooms.some((s) => s.key === branch) ? branch : "all";
  const q: Query = {
    tenantId, timeZone,
    // Showroom key in SQL: null for the main showroom, else the branch id.
    keyOf: (column) => sql`nullif(${column}, ${main?.id ?? null}::uuid)`,
    matches: chosen === "all" ? sql`true` : sql`branch is not distinct from ${chosen === "main" ? null : chosen}::uuid`,
    period: (column) => sql`${sql.raw(column)} >= ${range.from.toISOString()}::timestamptz and ${sql.raw(column)} < ${range.to.toISOString()}::timestamptz`,
  };
  // Two independent reads on two connections, so PostgreSQL works on both at once.
  const [f, { won, drives, resolution }] = await Promise.all([
    withTenant(tenantId, async (tx) => { await withoutJit(tx); return rows(await tx.execute(leadsQuery(q)))[0] ?? {}; }),
    withTenant(tenantId, async (tx) => {
      await withoutJit(tx);
      return { won: rows(await tx.execute(wonQuery(q))), drives: rows(await tx.execute(drivesQuery(q))), resolution: rows(await tx.execute(resolutionQuery(q))) };
    }),
  ]);
  const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Row[];
  const keyText = (v: unknown) => (v === null || v === undefined ? "main" : String(v));
  const picked = (r: Row) => chosen === "all" || keyText(r.branch) === chosen;
  const sum = (list: Row[], field: string) => list.reduce((s, r) => s + n(r[field]), 0);
  const standing = (list: Row[]) => list.filter((r) => r.status !== "cancelled");
  const statusTotals = new Map<string, number>();
  for (const r of drives.filter(picked)) statusTotals.set(String(r.status), (statusTotals.get(String(r.status)) ?? 0) + n(r.n));
  const funnel = (typeof f.funnel === "string" ? JSON.parse(f.funnel) : (f.funnel ?? {})) as Row;
  const leadsPerBranch = json(f.leads_by_branch);
  const inBranch = (list: Row[], key: string) => list.filter((r) => keyText(r.branch) === key);

  return {
    branch: chosen,
    showrooms,
    leadsBySource: json(f.by_source).map((r) => ({ label: String(r.source), value: n(r.n) })),
    leadsByDay: json(f.by_day).map((r) => ({ day: String(r.day), source: String(r.source), n: n(r.n) })),
    responseTimes: json(f.response).map((r) => ({ who: String(r.who), bucket: String(r.bucket), n: n(r.n) })),
    funnel: funnelStages.map((s) => ({ label: s, value: n(funnel[s]) })),
    lost: n(funnel.lost),
    testDrives: [...statusTotals].map(([label, value]) => ({ label, value })),
    bookings: { standing: sum(standing(drives.filter(picked)), "n"), cancelled: statusTotals.get("cancelled") ?? 0 },
    wonDeals: sum(won.filter(picked), "deals"),
    revenue: sum(won.filter(picked), "revenue"),
    reps: repsTable(json(f.reps), won.filter(picked)),
    assistant: { answered: sum(resolution.filter(picked), "answered"), resolved: sum(resolution.filter(picked), "resolved") },
    byBranch: showrooms.map((s) => ({
      key: s.key, name: s.name,
      leads: sum(inBranch(leadsPerBranch, s.key), "n"),
      testDrives: sum(standing(inBranch(drives, s.key)), "n"),
      won: sum(inBranch(won, s.key), "deals"),
      revenue: sum(inBranch(won, s.key), "revenue"),
    })),
  };
}

export type Analytics = Awaited<ReturnType<typeof getAnalytics>>;

/** A rep's row; `userId` and `name` are null for the leads and deals nobody is assigned. */
type RepFigures = { userId: string | null; name: string | null; leads: number; won: number; revenue: number; medianResponseSeconds: number | null };

/** The period's leads per rep beside the deals they won in the period (rows per showroom); the unassigned last. */
function repsTable(leadRows: Row[], wonRows: Row[]): RepFigures[] {
  const reps = new Map<string | null, RepFigures>();
  const repOf = (r: Row) => {
    const userId = r.user_id === null || r.user_id === undefined ? null : String(r.user_id);
    const found = reps.get(userId);
    if (found) return found;
    const rep: RepFigures = { userId, name: userId === null ? null : String(r.name), leads: 0, won: 0, revenue: 0, medianResponseSeconds: null };
    reps.set(userId, rep);
    return rep;
  };
  for (const r of leadRows) Object.assign(repOf(r), { leads: n(r.leads), medianResponseSeconds: r.median_response === null ? null : n(r.median_response) });
  for (const r of wonRows) {
    const rep = repOf(r);
    rep.won += n(r.deals);
    rep.revenue += n(r.revenue);
  }
  return [...reps.values()].sort((a, b) => Number(a.userId === null) - Number(b.userId === null) || b.won - a.won || b.leads - a.leads);
}

type Query = { tenantId: string; timeZone: string; keyOf: (column: SQL) => SQL; matches: SQL; period: (column: string) => SQL };
const leadShowroom = sql`coalesce(l.branch_id, v.branch_id)`;

/**
 * A lead's place in the funnel, 1 (new) to 6 (won). A lost lead has no stage history on the lead itself, but every stage
 * left through a person, a follow-up step or the API is a stage_changed activity's `from`, and the assistant only ever
 * moves a lead forward; so the furthest stage a lost lead reached is the furthest open stage its activities name as
 * `from` (the lost change's own `from` included). Looked up for lost leads only, by the activities' lead index.
 */
const funnelRank = sql`case when l.stage = 'lost' then coalesce((
            select max(array_position(array['new','contacted','qualified','test_drive','negotiation'], a.data->>'from'))
            from lead_activities a where a.lead_id = l.id and a.type = 'stage_changed'), 1)
          else array_position(array['new','contacted','qualified','test_drive','negotiation','won'], l.stage) end`;

// One pass over the period's leads (materialized once) feeds every lead figure and the leads per showroom.
function leadsQuery({ tenantId, timeZone, keyOf, matches, period }: Query) {
  return sql`with l as materialized (
        select l.source, l.stage, l.created_at, l.assigned_user_id, l.first_response_by, l.won_amount,
          extract(epoch from l.first_response_at - l.created_at) as response_s, ${keyOf(leadShowroom)} as branch, ${funnelRank} as reached
        from leads l left join vehicles v on v.id = l.vehicle_id
        where l.tenant_id = ${tenantId} and ${period("l.created_at")}
      ), chosen as not materialized (select * from l where ${matches})
      select
        (select coalesce(json_agg(x order by x.n desc), '[]') from (select source, count(*)::int as n from chosen group by source) x) as by_source,
        (select coalesce(json_agg(x order by x.day), '[]') from (
          select (created_at at time zone ${timeZone})::date as day, source, count(*)::int as n from chosen group by 1, 2) x) as by_day,
        (select coalesce(json_agg(x), '[]') from (
          select first_response_by as who, case when response_s < 60 then '< 1 min' when response_s < 300 then '1–5 min' when response_s < 900 then '5–15 min'
            when response_s < 3600 then '15–60 min' when response_s < 14400 then '1–4 h' else '> 4 h' end as bucket, count(*)::int as n
          from chosen where response_s is not null group by 1, 2) x) as response,
        (select row_to_json(x) from (select
          count(*)::int as "new",
          count(*) filter (where reached >= 2)::int as contacted,
          count(*) filter (where reached >= 3)::int as qualified,
          count(*) filter (where reached >= 4)::int as test_drive,
          count(*) filter (where reached >= 5)::int as negotiation,
          count(*) filter (where reached = 6)::int as won,
          count(*) filter (where stage = 'lost')::int as lost
          from chosen) x) as funnel,
        (select coalesce(json_agg(x), '[]') from (
          select c.assigned_user_id as user_id, u.name, count(*)::int as leads, percentile_cont(0.5) within group (order by c.response_s) as median_response
          from chosen c left join users u on u.id = c.assigned_user_id group by 1, 2) x) as reps,
        (select coalesce(json_agg(x), '[]') from (select branch, count(*)::int as n from l group by branch) x) as leads_by_branch`;
}

function wonQuery({ tenantId, keyOf, period }: Query) {
  return sql`select ${keyOf(leadShowroom)} as branch, l.assigned_user_id as user_id, u.name, count(*)::int as deals, coalesce(sum(l.won_amount), 0)::bigint as revenue
        from leads l left join vehicles v on v.id = l.vehicle_id left join users u on u.id = l.assigned_user_id
        where l.tenant_id = ${tenantId} and l.stage = 'won' and ${period("l.won_at")} group by 1, 2, 3`;
}

function drivesQuery({ tenantId, keyOf, period }: Query) {
  return sql`select ${keyOf(sql`branch_id`)} as branch, status, count(*)::int as n from appointments
        where tenant_id = ${tenantId} and ${period("created_at")} group by 1, 2`;
}

// The partial indexes of migration 0008 answer both probes without reading the conversations' messages.
function resolutionQuery({ tenantId, keyOf, period }: Query) {
  return sql`select ${keyOf(leadShowroom)} as branch, count(*)::int as answered,
          count(*) filter (where c.mode = 'bot' and not exists (
            select 1 from messages h where h.conversation_id = c.id and h.sender_kind = 'system' and h.meta->>'mode' = 'human'))::int as resolved
        from conversations c left join leads l on l.id = c.lead_id left join vehicles v on v.id = l.vehicle_id
        where c.tenant_id = ${tenantId} and ${period("c.created_at")}
          and exists (select 1 from messages m where m.conversation_id = c.id and m.sender_kind = 'assistant')
        group by 1`;
}

// These aggregates cross PostgreSQL's JIT cost threshold yet finish in tens of milliseconds; compiling costs more.
async function withoutJit(tx: Tx) {
  await tx.execute(sql`set local jit = off`);
}
