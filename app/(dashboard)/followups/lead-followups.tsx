import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { getLeadFollowups } from "@/lib/followups";
import { describeStep } from "@/lib/followups/describe";
import { followupLanguage } from "@/lib/followups/rules";
import { stopLeadFollowupAction } from "./actions";
import { dateTimeFormat } from "@/lib/format/intl";

const reasonText: Record<string, string> = {
  replied: "the shopper replied", opted_out: "the shopper unsubscribed", human_takeover: "a person took over", stage_won: "lead won",
  stage_lost: "lead lost", sequence_disabled: "sequence paused", stopped_by_staff: "stopped by staff",
};

/**
 * A lead's follow-up sequences for the lead/conversation panel: the active one with its next step and
 * time (in the dealer's time zone) and a button to stop it; finished ones with why they ended. The next message is
 * quoted in the language the shopper will get it in.
 */
export async function LeadFollowups({ tenantId, leadId, locale, timeZone, shopperLanguage }: { tenantId: string; leadId: string; locale: string; timeZone: string; shopperLanguage: string | null }) {
  const list = await getLeadFollowups(tenantId, leadId);
  const lang = followupLanguage(shopperLanguage, locale);
  if (list.length === 0) return <p className="text-sm text-ink-muted">No follow-up sequence.</p>;
  const when = dateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <ul className="space-y-3" aria-label="Follow-up sequences">
      {list.map((f) => (
        <li key={f.enrollmentId} className="text-sm">
          <div className="flex items-center gap-2">
            <span className="font-medium">{f.sequenceName}</span>
            <Badge tone={f.status === "active" ? "info" : f.status === "completed" ? "success" : "neutral"}>{f.status === "active" ? `step ${f.stepNumber} of ${f.stepCount}` : f.status}</Badge>
          </div>
          {f.status === "active" ? (
            <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
              <p className="text-ink-muted">
                Next: {f.nextStep ? describeStep(f.nextStep, lang) : "finishing"}{f.nextStepAt ? ` · ${when.format(f.nextStepAt)}` : ""}
              </p>
              <form action={stopLeadFollowupAction}>
                <input type="hidden" name="enrollmentId" value={f.enrollmentId} />
                <button className={buttonClass({ variant: "secondary", size: "sm" })} aria-label={`Stop ${f.sequenceName} for this lead`}>Stop</button>
              </form>
            </div>
          ) : f.cancelReason ? (
            <p className="mt-1 text-ink-muted">Stopped: {reasonText[f.cancelReason] ?? f.cancelReason}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
