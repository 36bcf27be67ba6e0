import type { Metadata } from "next";
import Link from "next/link";
import { cx } from "@/components/ui/class-names";
import { NavTabs } from "@/components/ui/nav-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { leadStages, type LeadStage } from "@/db/schema";
import { hasRole, requireSession } from "@/lib/auth";
import { formatPrice } from "@/lib/format";
import { stageLabels } from "@/lib/inbox/labels";
import { getPipelineBoard } from "@/lib/leads/board";
import { BoardCard } from "./board-card";

export const metadata: Metadata = { title: "Pipeline" };

const closed = new Set<LeadStage>(["won", "lost"]);

export default async function PipelinePage({ searchParams }: { searchParams: Promise<{ stage?: string | string[] }> }) {
  const session = await requireSession();
  const t = session.tenant;
  const raw = (await searchParams).stage;
  // Phones show one stage at a time, chosen by the tabs.
  const phoneStage = leadStages.find((s) => s === raw) ?? "new";
  const board = await getPipelineBoard(t.id, { userId: session.user.id, role: session.role });
  const money = (n: number) => formatPrice(n, t.currency, t.locale);
  const openValue = board.filter((c) => !closed.has(c.stage)).reduce((sum, c) => sum + c.value, 0);
  const scope = hasRole(session.role, "manager") ? "All leads" : "Your leads and unassigned ones";
  return (
    <>
      <PageHeader title="Pipeline" description={`${scope} · open pipeline worth ${money(openValue)}`} />
      <NavTabs
        label="Stages"
        className="mb-4 md:hidden"
        activeHref={`/pipeline?stage=${phoneStage}`}
        items={board.map((c) => ({ href: `/pipeline?stage=${c.stage}`, label: stageLabels[c.stage], count: c.count }))}
      />
      {/* Positioned, so the columns' sr-only text (absolutely placed) stays inside the board's scroll instead of widening the page. */}
      <div className="relative md:-mx-8 md:overflow-x-auto md:px-8 md:pb-4">
        <div className="md:grid md:auto-cols-[17rem] md:grid-flow-col md:gap-4">
          {board.map((col) => (
            <section
              key={col.stage}
              aria-labelledby={`stage-${col.stage}`}
              className={cx("flex-col rounded-xl bg-slate-100/70 p-2 md:flex", col.stage === phoneStage ? "flex" : "hidden")}
            >
              <header className="flex items-baseline justify-between gap-2 px-1.5 pt-1 pb-2.5">
                <h2 id={`stage-${col.stage}`} className="text-sm font-semibold text-ink">
                  {stageLabels[col.stage]} <span className="font-normal text-ink-muted tabular-nums">({col.count})</span>
                </h2>
                <p className="text-xs font-medium text-ink-muted tabular-nums"><span className="sr-only">Value </span>{money(col.value)}</p>
              </header>
              {col.cards.length === 0 ? (
                <p className="rounded-lg border border-dashed border-line-strong px-3 py-6 text-center text-sm text-ink-muted">No leads here.</p>
              ) : (
                <ol aria-label={`${stageLabels[col.stage]} leads`} className="space-y-2">
                  {col.cards.map((card) => <BoardCard key={card.id} card={card} stage={col.stage} />)}
                </ol>
              )}
              {col.count > col.cards.length ? (
                <Link href={`/inbox?stage=${col.stage}`} className="mt-2 px-1.5 py-1 text-sm font-medium text-brand-ink hover:underline">
                  {col.count - col.cards.length} more in the inbox
                </Link>
              ) : null}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
