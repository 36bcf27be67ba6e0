import postgres from "postgres";
import type { FakeGraph } from "../../tests/fakes/graph-server";
import { signMeta, wamid, whatsappText } from "../../tests/fakes/whatsapp-payloads";

// What the fault and soak scripts share: a dealer to talk to, a sender that behaves like Meta (redelivers until
// it gets a 2xx), and the count of what became of every message.

export const PHONE_NUMBER_ID = "100000000000097";
const questions = ["Hebben jullie een automaat onder de 20.000 euro?", "Wat kost de Golf?", "Hebben jullie een SUV vanaf 2019?", "Ik zoek een elektrische auto", "Is de Yaris nog beschikbaar?"];

// The product's database handle is one per process: dealers are provisioned one at a time.
let provisioning: Promise<unknown> = Promise.resolve();

/** Provisions one dealer with a connected WhatsApp number and a small stock, through the product's own code. */
export function provisionDealer(databaseUrl: string) {
  const next = provisioning.then(() => provisionInto(databaseUrl));
  provisioning = next.catch(() => {});
  return next;
}

async function provisionInto(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { getDbHandle, installDbHandle } = await import("../../db/client");
  const { reloadEnv } = await import("../../lib/env");
  installDbHandle(undefined);
  reloadEnv();
  const { provisionTenant } = await import("../../lib/tenancy/provision");
  const { withTenant } = await import("../../db/tenant");
  const { createVehicle } = await import("../../lib/inventory/vehicles");
  // Open around the clock, so the run's outcome does not depend on the hour it runs at.
  const hours = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "00:00", close: "23:59" }]]));
  const p = await provisionTenant({
    tenant: { slug: "faults", name: "Fault Motors", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", country: "NL", businessHours: hours },
    staff: [{ email: "owner@faults.test", name: "Owner", role: "owner", password: "faults-owner-password" }],
    channels: [{ provider: "whatsapp_cloud", name: "WhatsApp", externalId: PHONE_NUMBER_ID, credentials: { accessToken: "faults-token" } }],
  });
  await withTenant(p.tenant.id, async (tx) => {
    const models = [["Volkswagen", "Golf", "manual", "petrol", "hatchback"], ["Toyota", "Yaris", "automatic", "hybrid", "hatchback"], ["Kia", "Niro", "automatic", "electric", "suv"], ["Skoda", "Octavia", "automatic", "petrol", "estate"]];
    for (let i = 0; i < 40; i++) {
      const [make, model, transmission, fuel, body] = models[i % models.length];
      await createVehicle(tx, p.tenant.id, { make, model, year: 2016 + (i % 8), mileageKm: 20000 + i * 500, price: 12000 + (i % 40) * 500, currency: "EUR", transmission, fuel, body, status: "available", source: "seed" }, { source: "seed" });
    }
  });
  const { signInWithPassword } = await import("../../lib/auth/local");
  const signIn = await signInWithPassword("owner@faults.test", "faults-owner-password");
  if (!signIn.ok) throw new Error(signIn.error);
  await (await getDbHandle()).close();
  installDbHandle(undefined);
  return { tenant: p.tenant, sessionToken: signIn.token };
}

export type Delivery = { id: string; from: string; attempts: number; acked: boolean; ackMs: number };

let shopperSeq = 0;
/** A fresh shopper number per message, so every message should get exactly one reply. */
export const nextShopper = () => `3169${String(++shopperSeq).padStart(7, "0")}`;

/** Meta's side: signs the body once and redelivers the same bytes with backoff until a 2xx (or `giveUpMs`). */
export async function deliverLikeMeta(base: string, from: string, o: { giveUpMs?: number; redeliveries?: Map<number, number> } = {}): Promise<Delivery> {
  const id = wamid();
  const raw = JSON.stringify(whatsappText({ phoneNumberId: PHONE_NUMBER_ID, from, text: questions[shopperSeq % questions.length], id }));
  const headers = { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) };
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    try {
      const res = await fetch(`${base}/api/webhooks/whatsapp`, { method: "POST", body: raw, headers, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch { /* refused or timed out: Meta treats it like a 5xx */ }
    if (status >= 200 && status < 300) return { id, from, attempts: attempt, acked: true, ackMs: performance.now() - started };
    o.redeliveries?.set(status, (o.redeliveries.get(status) ?? 0) + 1);
    if (performance.now() - started > (o.giveUpMs ?? 120_000)) return { id, from, attempts: attempt, acked: false, ackMs: performance.now() - started };
    await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** (attempt - 1), 2000)));
  }
}

/** `count` messages from `count` shoppers at a steady `perSecond`, each redelivered until acknowledged. */
export async function burst(base: string, count: number, perSecond: number, redeliveries?: Map<number, number>) {
  const started = performance.now();
  const pending: Promise<Delivery>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(deliverLikeMeta(base, nextShopper(), { redeliveries }));
  }
  return Promise.all(pending);
}

export type Outcome = { sent: number; acked: number; stored: number; replied: number; duplicated: number; lost: number; unprocessed: number };

/**
 * From the database and the fake Graph API: a message is stored once per wamid and answered once per shopper.
 * `duplicated` counts extra copies of either; `lost` counts messages never stored or never answered.
 */
export async function countOutcome(databaseUrl: string, deliveries: Delivery[], graph: FakeGraph): Promise<Outcome> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const ids = deliveries.map((d) => d.id);
    const rows = ids.length === 0 ? [] : await sql<{ id: string; n: number }[]>`
      select provider_message_id as id, count(*)::int as n from messages
      where direction = 'inbound' and provider_message_id = any(${ids}) group by provider_message_id`;
    const storedCopies = new Map(rows.map((r) => [r.id, r.n]));
    const replies = new Map<string, number>();
    for (const s of graph.sent) {
      if (s.phoneNumberId !== PHONE_NUMBER_ID) continue;
      const to = String(s.body.to ?? "").replace(/\D/g, "");
      replies.set(to, (replies.get(to) ?? 0) + 1);
    }
    let duplicated = 0;
    let lost = 0;
    let stored = 0;
    let replied = 0;
    for (const d of deliveries) {
      const copies = storedCopies.get(d.id) ?? 0;
      const answers = replies.get(d.from) ?? 0;
      if (copies > 0) stored++;
      if (answers > 0) replied++;
      duplicated += Math.max(0, copies - 1) + Math.max(0, answers - 1);
      if (copies === 0 || answers === 0) lost++;
    }
    const [inbox] = await sql<{ n: number }[]>`select count(*)::int as n from webhook_inbox where status = 'received'`;
    return { sent: deliveries.length, acked: deliveries.filter((d) => d.acked).length, stored, replied, duplicated, lost, unprocessed: inbox.n };
  } finally {
    await sql.end();
  }
}

/** Polls until nothing is lost (or `timeoutMs`), then waits `graceMs` more so a late duplicate is counted too. */
export async function settle(databaseUrl: string, deliveries: Delivery[], graph: FakeGraph, timeoutMs: number, graceMs = 3000) {
  const until = performance.now() + timeoutMs;
  let outcome = await countOutcome(databaseUrl, deliveries, graph);
  while (outcome.lost > 0 && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    outcome = await countOutcome(databaseUrl, deliveries, graph);
  }
  await new Promise((r) => setTimeout(r, graceMs));
  return countOutcome(databaseUrl, deliveries, graph);
}

export const outcomeLine = (o: Outcome) =>
  `sent ${o.sent}  stored ${o.stored}  replied ${o.replied}  duplicated ${o.duplicated}  lost ${o.lost}`;
