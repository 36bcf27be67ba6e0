import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import { memberships, tenants, users } from "@/db/schema";
import { assistantRules, greetingProblem } from "@/lib/assistant/rules";
import { audit, type AuditActor } from "./audit";

// Unticked checkboxes are simply absent from the form.
const checkbox = z.string().optional().transform((v) => v === "on");

export const assistantSettingsSchema = z.object({
  tone: z.enum(["friendly", "formal"], "Choose friendly or formal."),
  greeting: z.string().trim().max(300, "Keep the greeting under 300 characters.").default("")
    .superRefine((g, ctx) => {
      const problem = g ? greetingProblem(g) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  // One per line or separated by commas; the same word twice (in any case) counts once.
  handoverKeywords: z.string().max(1000, "Keep the list under 1,000 characters.").default("")
    .transform((s) => {
      const words = s.split(/[\n,]/).map((k) => k.trim().replace(/\s+/g, " ")).filter(Boolean);
      return words.filter((w, i) => words.findIndex((x) => x.toLowerCase() === w.toLowerCase()) === i);
    })
    .pipe(z.array(z.string().min(2, "Each keyword needs at least 2 letters.").max(40, "Keep each keyword under 40 characters.")).max(20, "Use at most 20 keywords.")),
  handoverOnNegotiation: checkbox,
  notifySoldInterest: checkbox,
  notifyPriceDrop: checkbox,
  onDuty: z.array(z.string().uuid("Choose colleagues from the list.")).max(200).default([]),
  autoAssign: checkbox,
  assignBy: z.enum(["turn", "fewestOpen"], "Choose in turn or fewest open leads first.").default("turn"),
});
export type AssistantSettingsInput = z.infer<typeof assistantSettingsSchema>;

// Who can be on duty: the roles signals.ts alerts about unassigned leads.
const dutyRoles = ["sales", "manager"] as const;

/** What the Settings → Assistant page shows: the dealer's rules and every active colleague who can be on duty. */
export async function loadAssistantSettings(tenantId: string) {
  return withTenant(tenantId, async (tx) => {
    const [t] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
    const a = t.settings.assistant ?? {};
    const reps = await tx.select({ membershipId: memberships.id, name: users.name, role: memberships.role, onDuty: memberships.onDuty })
      .from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.active, true), inArray(memberships.role, [...dutyRoles])))
      .orderBy(users.name);
    return {
      ...assistantRules(t.settings), notifySoldInterest: a.notifySoldInterest ?? false, notifyPriceDrop: a.notifyPriceDrop ?? false,
      autoAssign: t.settings.leads?.autoAssign ?? false, assignBy: t.settings.leads?.assignBy ?? "turn", reps,
    };
  });
}
export type AssistantSettingsView = Awaited<ReturnType<typeof loadAssistantSettings>>;

/**
 * Saves the assistant's rules, who is on duty and whether (and how) new leads are given to them; refuses a colleague who is
 * not an active rep or manager here.
 */
export async function saveAssistantSettings(actor: AuditActor, input: AssistantSettingsInput): Promise<{ ok: true } | { ok: false; error: string }> {
  const saved = await withTenant(actor.tenantId, async (tx) => {
    const reps = await tx.select({ id: memberships.id }).from(memberships)
      .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.active, true), inArray(memberships.role, [...dutyRoles])));
    const known = new Set(reps.map((r) => r.id));
    if (input.onDuty.some((id) => !known.has(id))) return false;
    const [t] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, actor.tenantId));
    const { onDuty, greeting, autoAssign, assignBy, ...rules } = input;
    await tx.update(tenants).set({
      settings: { ...t.settings, assistant: { ...t.settings.assistant, ...rules, greeting: greeting || undefined }, leads: { ...t.settings.leads, autoAssign, assignBy } },
      updatedAt: new Date(),
    }).where(eq(tenants.id, actor.tenantId));
    const on = reps.filter((r) => onDuty.includes(r.id)).map((r) => r.id);
    const off = reps.filter((r) => !onDuty.includes(r.id)).map((r) => r.id);
    if (on.length) await tx.update(memberships).set({ onDuty: true, updatedAt: new Date() }).where(inArray(memberships.id, on));
    if (off.length) await tx.update(memberships).set({ onDuty: false, updatedAt: new Date() }).where(inArray(memberships.id, off));
    return true;
  });
  if (!saved) return { ok: false, error: "One of the colleagues you chose is not an active rep or manager of your dealership." };
  await audit(actor, "settings.assistant_updated", "tenant", actor.tenantId, {
    tone: input.tone, customGreeting: Boolean(input.greeting), handoverKeywords: input.handoverKeywords.length,
    handoverOnNegotiation: input.handoverOnNegotiation, onDuty: input.onDuty.length, autoAssign: input.autoAssign, assignBy: input.assignBy,
  });
  return { ok: true };
}
