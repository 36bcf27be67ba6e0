import { Badge, type BadgeTone } from "@/components/ui/badge";
import { stageLabels } from "@/lib/inbox/labels";
import type { LeadStage } from "@/db/schema";

const stageTone: Record<LeadStage, BadgeTone> = {
  new: "info", contacted: "neutral", qualified: "brand", test_drive: "warning", negotiation: "warning", won: "success", lost: "neutral",
};

export function StageBadge({ stage }: { stage: LeadStage }) {
  return <Badge tone={stageTone[stage]}>{stageLabels[stage]}</Badge>;
}

export function HotBadge() {
  return <Badge tone="danger" dot>Hot</Badge>;
}

export function ModeBadge({ mode }: { mode: string }) {
  if (mode === "human") return <Badge tone="brand">Staff</Badge>;
  if (mode === "paused") return <Badge tone="neutral">Paused</Badge>;
  return <Badge tone="info">Assistant</Badge>;
}
