// The plans a dealership can be on, and the pure rules that read them. No payment processor:
// plans change by an owner's action, audited (lib/plans/change.ts).

export type PlanLimits = {
  assistantRepliesPerMonth: number;
  vehicles: number;
  seats: number;
  channels: number;
  customDomain: boolean;
};
export type PlanId = "starter" | "growth" | "scale";
export type Plan = { id: PlanId; name: string; limits: PlanLimits };

export const plans: Record<PlanId, Plan> = {
  starter: { id: "starter", name: "Starter", limits: { assistantRepliesPerMonth: 500, vehicles: 50, seats: 3, channels: 1, customDomain: false } },
  growth: { id: "growth", name: "Growth", limits: { assistantRepliesPerMonth: 3_000, vehicles: 200, seats: 10, channels: 3, customDomain: true } },
  scale: { id: "scale", name: "Scale", limits: { assistantRepliesPerMonth: 20_000, vehicles: 1_000, seats: 50, channels: 10, customDomain: true } },
};
export const planIds = Object.keys(plans) as PlanId[];
export const DEFAULT_PLAN: PlanId = "growth";

export type NumericLimit = Exclude<keyof PlanLimits, "customDomain">;
const numericLimits: NumericLimit[] = ["assistantRepliesPerMonth", "vehicles", "seats", "channels"];

export const isPlanId = (s: string): s is PlanId => s in plans;

/** The plan's limits with the tenant's negotiated overrides (tenants.limits) on top. */
export function limitsFor(plan: string, overrides: Record<string, number> = {}): PlanLimits {
  const base = plans[isPlanId(plan) ? plan : DEFAULT_PLAN].limits;
  const merged = { ...base };
  for (const key of numericLimits) {
    const v = overrides[key];
    if (typeof v === "number" && Number.isFinite(v) && v >= 0) merged[key] = Math.floor(v);
  }
  return merged;
}

export const WARNING_RATIO = 0.8;
export type QuotaLevel = "ok" | "warning" | "reached";
export type QuotaStatus = { used: number; limit: number; ratio: number; level: QuotaLevel };

export function quotaStatus(used: number, limit: number): QuotaStatus {
  const ratio = limit <= 0 ? 1 : used / limit;
  return { used, limit, ratio, level: ratio >= 1 ? "reached" : ratio >= WARNING_RATIO ? "warning" : "ok" };
}

// Conversations the assistant already answers may run a little over, so no shopper is dropped
// mid-conversation; past this ceiling every conversation goes to people.
export const ONGOING_GRACE_RATIO = 1.1;

/** At the monthly reply limit, new conversations go to people; ongoing ones until the grace ceiling. */
export function assistantMayAnswer(q: QuotaStatus, assistantAlreadyInConversation: boolean): boolean {
  if (q.level !== "reached") return true;
  return assistantAlreadyInConversation && q.ratio < ONGOING_GRACE_RATIO;
}

const roomAdvice = {
  vehicles: { noun: "vehicles in stock", advice: "Mark sold cars as sold or remove some, or ask the owner to change the plan." },
  seats: { noun: "team members", advice: "Deactivate someone first, or ask the owner to change the plan." },
  channels: { noun: "channels", advice: "Ask the owner to change the plan." },
};

/** The sentence shown when adding `adding` more would pass a limit, or null when there is room. */
export function roomProblem(what: keyof typeof roomAdvice, current: number, limit: number, adding = 1): string | null {
  if (current + adding <= limit) return null;
  const { noun, advice } = roomAdvice[what];
  return `Your plan allows ${limit} ${noun} and you have ${current}. ${advice}`;
}
