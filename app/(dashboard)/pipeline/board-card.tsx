import Link from "next/link";
import type { LeadStage } from "@/db/schema";
import type { BoardCard as Card } from "@/lib/leads/board";
import { HotBadge } from "../inbox/badges";
import { StageForm } from "../inbox/stage-form";

/** A lead on the board: who, which car, how warm, whose; its stage changes with a select (keyboard first, no dragging needed). */
export function BoardCard({ card, stage }: { card: Card; stage: LeadStage }) {
  const name = card.contactName ?? "Unknown shopper";
  return (
    <li className="space-y-2 rounded-lg border border-line bg-surface p-3 shadow-card">
      <div className="flex items-start justify-between gap-2">
        <h3 className="min-w-0 text-sm font-medium text-ink">
          {card.conversationId ? (
            // A 40 px row for a finger on a phone; on a desktop the card keeps its text height.
            <Link href={`/inbox/${card.conversationId}`} className="-my-2.5 flex min-h-10 items-center hover:underline focus-visible:underline md:my-0 md:inline md:min-h-0">{name}</Link>
          ) : name}
        </h3>
        {card.hot ? <HotBadge /> : null}
      </div>
      {card.vehicle ? <p className="truncate text-sm text-ink-muted">{card.vehicle}</p> : null}
      <p className="flex flex-wrap gap-x-2 text-xs text-ink-muted">
        <span>Score <span className="font-medium text-ink tabular-nums">{card.score}</span></span>
        <span>{card.assignedName ?? "Unassigned"}</span>
      </p>
      {stage === "lost" && card.lostReason ? <p className="text-xs text-ink-muted">Lost: {card.lostReason}</p> : null}
      <StageForm key={stage} leadId={card.id} stage={stage} label={`Move ${name} to`} submitLabel="Move" compact />
    </li>
  );
}
