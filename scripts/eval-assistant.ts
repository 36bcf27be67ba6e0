// `npm run eval:assistant [-- --failures]`: the real offline assistant (understanding, tools, replies) answers every
// message of tests/assistant-eval against its inventory in a fresh in-memory tenant; exits 1 below the thresholds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { installDbHandle, openPglite } from "@/db/client";
import { migrate } from "@/db/migrate";
import { appointments } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { offeredModels, replyTenantOf } from "@/lib/assistant/context";
import { summarizeReplies, scoreReply, type ReplyCaseScore, type ReplyReport } from "@/lib/assistant/evaluation";
import { checkGrounding } from "@/lib/assistant/grounding";
import { offlineReply } from "@/lib/assistant/offline";
import { evalClock, type EvalCase } from "@/lib/assistant/understand/evaluate";
import { findOrCreateConversation } from "@/lib/conversations";
import { createVehicle, type VehicleInput } from "@/lib/inventory/vehicles";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { provisionTenant } from "@/lib/tenancy/provision";

// Like the tests: never touch the developer's .data/ (no encryption key file is created).
process.env.FORECOURT_TEST = "1";

// Just under the figures of 22 Nov 2026 (see the report), so a regression fails CI.
const thresholds: Partial<Record<keyof ReplyReport, number>> = {
  intentAccuracy: 0.97, entityAccuracy: 0.98, languageMatch: 0.98, replyLanguageMatch: 0.98, retrievalPrecision: 0.93, retrievalRecall: 0.96,
};
const PER_REPLY = 3;

const dir = path.join(import.meta.dirname, "..", "tests", "assistant-eval");
const cases = JSON.parse(readFileSync(path.join(dir, "cases.json"), "utf8")) as EvalCase[];
const inventory = JSON.parse(readFileSync(path.join(dir, "inventory.json"), "utf8")) as {
  tenant: { name: string; locale: string; currency: string; timeZone: string };
  vehicles: (VehicleInput & { code: string })[];
};

async function seedTenant() {
  const week = { open: "09:00", close: "18:00" };
  const { tenant } = await provisionTenant({
    tenant: {
      slug: "eval", ...inventory.tenant, country: "NL", address: { street: "Stationsweg 1", city: "Utrecht" },
      businessHours: { mon: [week], tue: [week], wed: [week], thu: [week], fri: [week], sat: [{ open: "10:00", close: "16:00" }], sun: [] },
    },
    staff: [],
  });
  await withTenant(tenant.id, async (tx) => {
    for (const { code, ...v } of inventory.vehicles) {
      const created = await createVehicle(tx, tenant.id, { ...v, source: "seed" }, { source: "seed" });
      if (created.code !== code) throw new Error(`inventory.json codes must run in order: ${code} was stored as ${created.code}`);
    }
  });
  return tenant;
}

async function answer(tenant: Awaited<ReturnType<typeof seedTenant>>, c: EvalCase, n: number, knownModels: { make: string; model: string }[]) {
  const ids = await withTenant(tenant.id, async (tx) => {
    const contact = await upsertContact(tx, tenant.id, { phone: `3160000${String(n).padStart(4, "0")}` });
    const { lead } = await findOrCreateOpenLead(tx, tenant.id, contact.id, { source: "whatsapp" });
    const conversation = await findOrCreateConversation(tx, tenant.id, { contactId: contact.id, leadId: lead.id, channelId: null, medium: "whatsapp" });
    return { contactId: contact.id, leadId: lead.id, conversationId: conversation.id };
  });
  const caseTenant = { ...tenant, timeZone: c.timeZone ?? tenant.timeZone };
  const r = await offlineReply({
    ctx: { tenant: caseTenant, ...ids }, replyTenant: (lang) => replyTenantOf(caseTenant, lang), text: c.text,
    defaultLang: c.defaultLang ?? evalClock.defaultLang, now: evalClock.now, memory: { proposedCodes: [], offeredSlots: [], focusCode: null }, knownModels,
  });
  // Each message is judged alone: a test drive booked by one case must not take another's slot.
  await withTenant(tenant.id, (tx) => tx.delete(appointments).where(eq(appointments.tenantId, tenant.id)));
  return r;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main() {
  const handle = await openPglite();
  await migrate(handle);
  installDbHandle(handle);
  const tenant = await seedTenant();
  const models = await withTenant(tenant.id, (tx) => offeredModels(tx, tenant.id));
  const stock = inventory.vehicles.map((v) => ({ code: v.code, make: v.make, model: v.model, year: v.year, price: v.price }));
  const scores: ReplyCaseScore[] = [];
  const replies = new Map<string, string>();
  for (const [i, c] of cases.entries()) {
    const r = await answer(tenant, c, i, models);
    const { violations } = checkGrounding(r.text, { stock, currency: tenant.currency, locale: tenant.locale, allowedNumbers: r.allowedNumbers, quoted: r.quoted });
    scores.push(scoreReply(c, { ...r, violations }, PER_REPLY));
    replies.set(c.id, r.text);
  }
  await handle.close();
  const report = summarizeReplies(scores, replies, PER_REPLY);

  const below = Object.entries(thresholds).filter(([k, min]) => (report[k as keyof ReplyReport] as number) < min!);
  const row = (label: string, value: string, note = "") => console.log(`  ${label.padEnd(34)} ${value.padStart(7)}  ${note}`);
  console.log(`Offline assistant on ${report.cases} evaluation messages (${inventory.vehicles.length}-car inventory, PGlite)`);
  row("intent accuracy", pct(report.intentAccuracy), `≥ ${pct(thresholds.intentAccuracy!)}`);
  row("entity accuracy", pct(report.entityAccuracy), `≥ ${pct(thresholds.entityAccuracy!)} (exact match per message ${pct(report.entityExactMatch)})`);
  row("language match (understood)", pct(report.languageMatch), `≥ ${pct(thresholds.languageMatch!)}`);
  row("language match (reply text)", pct(report.replyLanguageMatch), `≥ ${pct(thresholds.replyLanguageMatch!)}`);
  row("retrieval precision", pct(report.retrievalPrecision), `≥ ${pct(thresholds.retrievalPrecision!)} (${report.proposals} cars proposed)`);
  row(`retrieval recall (top ${PER_REPLY})`, pct(report.retrievalRecall), `≥ ${pct(thresholds.retrievalRecall!)}`);
  row("grounding violations", String(report.groundingViolations), "must be 0");
  if (process.argv.includes("--failures")) {
    for (const f of report.replyFailures) console.log(`\n✗ ${f.id} "${f.text}"\n  ${f.problems.join("\n  ")}\n  reply: ${f.reply.replace(/\n/g, "\n         ")}`);
  } else if (report.replyFailures.length) {
    console.log(`  ${report.replyFailures.length} messages with a difference (--failures lists them)`);
  }
  for (const [k, min] of below) console.log(`FAIL: ${k} ${pct(report[k as keyof ReplyReport] as number)} is below ${pct(min!)}`);
  if (report.groundingViolations > 0) console.log(`FAIL: ${report.groundingViolations} grounding violations`);
  process.exit(below.length || report.groundingViolations > 0 ? 1 : 0);
}

await main();
