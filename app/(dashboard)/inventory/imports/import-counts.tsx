import type { BadgeTone } from "@/components/ui/badge";
import type { ImportCounts as Counts } from "@/db/schema";

export const importTone: Record<string, BadgeTone> = { queued: "neutral", running: "info", done: "success", failed: "danger" };

const labels: [keyof Counts, string][] = [["created", "created"], ["updated", "updated"], ["removed", "removed"], ["unchanged", "unchanged"], ["invalid", "invalid"]];

export function ImportCounts({ counts, durationMs }: { counts: Counts; durationMs: number | null }) {
  return (
    <p className="tabular-nums">
      {labels.map(([k, label]) => `${counts[k]} ${label}`).join(" · ")}
      {durationMs !== null ? ` · ${(durationMs / 1000).toFixed(1)} s` : ""}
    </p>
  );
}
