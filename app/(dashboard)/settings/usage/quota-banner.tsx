import Link from "next/link";
import { formatNumber, formatPercent } from "@/lib/format";
import { getPlanUsage, type PlanUsage, type QuotaStatus } from "@/lib/plans";

const labels: Record<"assistantReplies" | "vehicles" | "seats" | "channels", string> = {
  assistantReplies: "assistant replies this month", vehicles: "vehicles in stock", seats: "team seats", channels: "channels",
};

export function quotaAlerts(usage: PlanUsage) {
  return (Object.keys(labels) as (keyof typeof labels)[])
    .map((key) => ({ key, label: labels[key], status: usage[key] as QuotaStatus }))
    .filter((a) => a.status.level !== "ok");
}

/** What the banner says of one limit, its figures in the dealer's locale. */
export function quotaSentence(a: ReturnType<typeof quotaAlerts>[number], locale: string) {
  const [used, limit] = [formatNumber(a.status.used, locale), formatNumber(a.status.limit, locale)];
  if (a.status.level === "warning") return `${used} of ${limit} ${a.label} used (${formatPercent(a.status.ratio, locale)}).`;
  return a.key === "assistantReplies"
    ? `All ${limit} assistant replies of this month are used: new conversations now go to your team instead of the assistant.`
    : `The plan's limit of ${limit} ${a.label} is reached; adding more is refused.`;
}

/** Shown to managers on every dashboard page when a plan limit is near (80 %) or reached. */
export async function QuotaBanner({ tenantId, locale }: { tenantId: string; locale: string }) {
  const alerts = quotaAlerts(await getPlanUsage(tenantId));
  if (alerts.length === 0) return null;
  const reached = alerts.some((a) => a.status.level === "reached");
  return (
    <div role={reached ? "alert" : "status"} className={`mb-4 rounded-lg border p-3 text-sm ${reached ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
      <ul className="space-y-1">{alerts.map((a) => <li key={a.key}>{quotaSentence(a, locale)}</li>)}</ul>
      <Link href="/settings/usage" className="mt-1 inline-block font-medium underline">See usage and plan</Link>
    </div>
  );
}
