import type { Sql } from "postgres";

export type SeedTarget = {
  tenantId: string;
  channelId: string;
  reps: string[];
  // branches[0] is the default (main) showroom
  branches: string[];
  leads: number;
  messagesPerConversation: number;
  vehicles: number;
  codePrefix: string;
};

const sources = ["whatsapp", "whatsapp", "whatsapp", "facebook", "website", "email", "walk_in", "phone", "api"];
const firstNames = ["Jan", "Sanne", "Pieter", "Fleur", "Ahmed", "Lotte", "Kees", "Noor", "Daan", "Emma", "Bram", "Julia"];
const lastNames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos"];
const cars = [["Volkswagen", "Golf"], ["Toyota", "Yaris"], ["Kia", "Niro"], ["Peugeot", "208"], ["Skoda", "Octavia"], ["Tesla", "Model 3"]];

/**
 * One tenant's inbox and pipeline, set-based: every row comes from generate_series in a handful of
 * INSERT … SELECT statements, so a million messages take a minute, not an hour. Row i is spread
 * deterministically over sources, stages, reps (a fifth unassigned), branches, hot flags and 180 days. Rows are
 * written oldest first, as a live tenant's are, so a date range reads neighbouring pages rather than the whole table.
 */
export async function seedDashboardTenant(sql: Sql, t: SeedTarget) {
  const arr = (xs: string[]) => sql.array(xs);
  await sql`drop table if exists bench_seed`;
  await sql`create temp table bench_seed as
    select i, gen_random_uuid() as contact_id, gen_random_uuid() as lead_id, gen_random_uuid() as conversation_id,
      now() - interval '6 hours' - (i % 180) * interval '1 day' - ((i * 7919) % 86400) * interval '1 second' as created_at,
      (i * 31) % 100 as roll, 1 + (i % 30) as gap_minutes
    from generate_series(1, ${t.leads}) i`;

  await sql`insert into vehicles (tenant_id, branch_id, code, slug, make, model, year, mileage_km, price, currency, status, source, created_at)
    select ${t.tenantId}, (${arr(t.branches)}::uuid[])[1 + i % ${t.branches.length}],
      ${t.codePrefix} || lpad(i::text, 4, '0'), 'bench-' || lower(${t.codePrefix}) || '-' || i,
      (${arr(cars.map((c) => c[0]))}::text[])[1 + i % ${cars.length}], (${arr(cars.map((c) => c[1]))}::text[])[1 + i % ${cars.length}],
      2012 + i % 12, 5000 + (i * 7919) % 150000, 8000 + (i * 104729) % 40000, 'EUR',
      case when i % 5 = 0 then 'sold' else 'available' end, 'seed', now() - (i % 200) * interval '1 day'
    from generate_series(1, ${t.vehicles}) i`;
  await sql`create temp table bench_vehicles as select row_number() over (order by code) as n, id, price from vehicles where tenant_id = ${t.tenantId}`;

  await sql`insert into contacts (id, tenant_id, phone, email, name, created_at, updated_at, last_activity_at)
    select contact_id, ${t.tenantId}, '316' || lpad(i::text, 8, '0'), 'shopper' || i || '@' || lower(${t.codePrefix}) || '.bench.test',
      (${arr(firstNames)}::text[])[1 + i % ${firstNames.length}] || ' ' || (${arr(lastNames)}::text[])[1 + (i / 7) % ${lastNames.length}],
      created_at, created_at, created_at
    from bench_seed order by created_at`;

  // Stage by roll: 35 % new, 20 % contacted, 13 % qualified, 10 % test drive, 7 % negotiation, 8 % won, 7 % lost.
  const reps = t.reps.length;
  await sql`insert into leads (id, tenant_id, contact_id, source, stage, score, hot, assigned_user_id, vehicle_id, branch_id,
      first_response_at, first_response_by, contacted_at, won_at, won_amount, lost_at, created_at, updated_at, last_activity_at)
    select s.lead_id, ${t.tenantId}, s.contact_id, (${arr(sources)}::text[])[1 + s.i % ${sources.length}],
      case when roll < 35 then 'new' when roll < 55 then 'contacted' when roll < 68 then 'qualified' when roll < 78 then 'test_drive'
        when roll < 85 then 'negotiation' when roll < 93 then 'won' else 'lost' end,
      (s.i * 13) % 100, s.i % 17 = 0,
      case when s.i % 5 = 0 then null else (${arr(t.reps)}::uuid[])[1 + s.i % ${reps}] end,
      case when s.i % 10 < 7 then v.id end,
      case when s.i % 11 = 0 then (${arr(t.branches)}::uuid[])[1 + (s.i / 11) % ${t.branches.length}] end,
      case when s.i % 10 < 9 then s.created_at + ((s.i * 37) % 20000) * interval '1 second' end,
      case when s.i % 10 < 9 then (case when s.i % 3 = 0 then 'staff' else 'assistant' end) end,
      case when roll >= 35 then s.created_at + interval '1 hour' end,
      case when roll between 85 and 92 then least(s.created_at + (s.i % 20) * interval '1 day', now()) end,
      case when roll between 85 and 92 then coalesce(v.price, 15000) end,
      case when roll >= 93 then least(s.created_at + (s.i % 15) * interval '1 day', now()) end,
      s.created_at, s.created_at, s.created_at + 9 * s.gap_minutes * interval '1 minute'
    from bench_seed s left join bench_vehicles v on v.n = 1 + s.i % ${t.vehicles} order by s.created_at`;

  await sql`insert into conversations (id, tenant_id, contact_id, lead_id, channel_id, medium, mode, last_inbound_at, last_message_at,
      last_message_preview, unread_count, created_at, updated_at)
    select conversation_id, ${t.tenantId}, contact_id, lead_id, ${t.channelId}, 'whatsapp',
      case when i % 20 = 0 then 'paused' when i % 7 = 0 then 'human' else 'bot' end,
      created_at + ${t.messagesPerConversation - 1} * gap_minutes * interval '1 minute',
      created_at + ${t.messagesPerConversation - 1} * gap_minutes * interval '1 minute',
      'Is de auto nog beschikbaar?', case when i % 13 = 0 then 1 + i % 3 else 0 end, created_at, created_at
    from bench_seed order by created_at`;

  // Even messages are the shopper's, odd ones the assistant's; a human-mode conversation has its hand-over event.
  await sql`insert into messages (tenant_id, conversation_id, channel_id, direction, sender_kind, body, provider_message_id, status, meta, created_at, updated_at)
    select ${t.tenantId}, s.conversation_id, ${t.channelId},
      case when k = 5 and s.i % 7 = 0 and s.i % 20 <> 0 then 'internal' when k % 2 = 0 then 'inbound' else 'outbound' end,
      case when k = 5 and s.i % 7 = 0 and s.i % 20 <> 0 then 'system' when k % 2 = 0 then 'customer' else 'assistant' end,
      case when k % 2 = 0 then 'Hallo, ik heb een vraag over bericht ' || k else 'Dank voor uw bericht, de auto is beschikbaar.' end,
      case when k % 2 = 0 then 'wamid.' || lower(${t.codePrefix}) || '.' || s.i || '.' || k end,
      case when k % 2 = 0 then 'received' else 'read' end,
      case when k = 5 and s.i % 7 = 0 and s.i % 20 <> 0 then '{"event":"mode_changed","mode":"human"}'::jsonb else '{}'::jsonb end,
      s.created_at + k * s.gap_minutes * interval '1 minute', s.created_at + k * s.gap_minutes * interval '1 minute'
    from bench_seed s cross join generate_series(0, ${t.messagesPerConversation - 1}) k order by 10`;

  // One test drive per lead that got that far, booked at its car's showroom (or the main one).
  await sql`insert into appointments (tenant_id, lead_id, contact_id, vehicle_id, branch_id, assigned_user_id, kind, starts_at, ends_at, status, created_by, created_at, updated_at)
    select ${t.tenantId}, l.id, l.contact_id, l.vehicle_id, v.branch_id, l.assigned_user_id, 'test_drive',
      l.created_at + interval '2 days', l.created_at + interval '2 days 45 minutes',
      (array['booked','confirmed','completed','completed','no_show','cancelled'])[1 + (abs(hashtext(l.id::text)) % 6)],
      case when l.assigned_user_id is null then 'assistant' else 'staff' end, l.created_at + interval '1 day', l.created_at + interval '1 day'
    from leads l left join vehicles v on v.id = l.vehicle_id
    where l.tenant_id = ${t.tenantId} and l.stage in ('test_drive', 'negotiation', 'won') order by l.created_at`;
  await sql`drop table bench_seed`;
  await sql`drop table bench_vehicles`;
}
