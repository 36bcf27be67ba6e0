import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { EmptyState } from "@/components/ui/empty-state";
import { plainWhatsApp } from "@/components/whatsapp-text";
import { cx } from "@/components/ui/class-names";
import { conversationModes, leadSources, leadStages } from "@/db/schema";
import type { InboxRow } from "@/lib/inbox/query";
import { sourceLabels, stageLabels } from "@/lib/inbox/labels";
import { HotBadge, ModeBadge, StageBadge } from "./badges";
import { ConversationRow } from "./conversation-row";
import { inboxQuery, type InboxParams } from "./filters";
import { inboxListTime } from "@/lib/inbox/list-time";

export function InboxFilters({ params, basePath }: { params: InboxParams; basePath: string }) {
  const active = Boolean(params.q || params.source || params.stage || params.assigned || params.mode || params.hot);
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter conversations" className="space-y-2 border-b border-line p-3">
      <label className="sr-only" htmlFor="inbox-q">Search by name, phone, e-mail or car code</label>
      <Input id="inbox-q" name="q" type="search" defaultValue={params.q} placeholder="Name, phone, e-mail or #A01" />
      <div className="grid grid-cols-2 gap-2">
        <FilterSelect name="source" label="Source" value={params.source} options={leadSources.map((s) => [s, sourceLabels[s]])} all="All sources" />
        <FilterSelect name="stage" label="Stage" value={params.stage} options={leadStages.map((s) => [s, stageLabels[s]])} all="All stages" />
        <FilterSelect name="assigned" label="Assigned" value={params.assigned} options={[["me", "Assigned to me"], ["unassigned", "Unassigned"]]} all="Anyone" />
        <FilterSelect name="mode" label="Mode" value={params.mode} options={conversationModes.map((m) => [m, m === "bot" ? "Assistant" : m === "human" ? "Staff" : "Paused"])} all="Any mode" />
      </div>
      <div className="flex items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm font-medium text-ink">
          <input type="checkbox" name="hot" value="1" defaultChecked={params.hot === "1"} className="size-4 accent-brand" />
          Hot leads only
        </label>
        <div className="flex gap-2">
          {active ? <Link href={basePath} className={buttonClass({ variant: "ghost", size: "sm" })}>Clear</Link> : null}
          <button className={buttonClass({ variant: "secondary", size: "sm" })}>Apply</button>
        </div>
      </div>
    </form>
  );
}

function FilterSelect({ name, label, value, options, all }: { name: string; label: string; value?: string; options: [string, string][]; all: string }) {
  return (
    <div>
      <label className="sr-only" htmlFor={`inbox-${name}`}>{label}</label>
      <Select id={`inbox-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </Select>
    </div>
  );
}

export function InboxList({ rows, params, nextCursor, activeId, locale, timeZone }: {
  rows: InboxRow[]; params: InboxParams; nextCursor: string | null; activeId?: string; locale: string; timeZone: string;
}) {
  if (rows.length === 0) {
    const filtered = Boolean(params.q || params.source || params.stage || params.assigned || params.mode || params.hot);
    return <EmptyState icon="inbox" title={filtered ? "No conversations match" : "No conversations yet"} text={filtered ? "Try other filters or clear them." : "When shoppers message you on WhatsApp, Facebook, your website or by e-mail, they show up here."} />;
  }
  const now = new Date();
  return (
    <>
      <ul aria-label="Conversations" className="divide-y divide-line">
        {rows.map((r) => {
          const name = r.contactName ?? (r.contactPhone ? `+${r.contactPhone}` : (r.contactEmail ?? "Unknown shopper"));
          const current = r.id === activeId;
          return (
            <li key={r.id}>
              <Link
                href={`/inbox/${r.id}${inboxQuery(params, params.cursor ? { cursor: params.cursor } : {})}`}
                aria-current={current ? "page" : undefined}
                className={cx("block hover:bg-slate-50 focus-visible:bg-slate-50", current && "bg-brand-soft/60 hover:bg-brand-soft/60")}
              >
                <ConversationRow avatar={<Avatar name={name} />}>
                  <div className="flex items-baseline justify-between gap-2">
                    <p className={cx("min-w-0 truncate text-sm text-ink", r.unreadCount > 0 ? "font-semibold" : "font-medium")}>{name}</p>
                    <time dateTime={r.lastMessageAt.toISOString()} className="shrink-0 text-xs text-ink-muted tabular-nums">{inboxListTime(r.lastMessageAt, now, locale, timeZone)}</time>
                  </div>
                  <div className="flex items-center justify-between gap-2">
                    <p className={cx("min-w-0 truncate text-sm", r.unreadCount > 0 ? "text-ink" : "text-ink-muted")}>{r.lastMessagePreview ? plainWhatsApp(r.lastMessagePreview) : "—"}</p>
                    {r.unreadCount > 0 ? (
                      <span className="inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-brand px-1.5 text-xs font-semibold text-brand-contrast tabular-nums">
                        {r.unreadCount}<span className="sr-only"> unread</span>
                      </span>
                    ) : null}
                  </div>
                  <div className="mt-1.5 flex flex-wrap items-center gap-1">
                    {r.hot ? <HotBadge /> : null}
                    {r.stage ? <StageBadge stage={r.stage} /> : null}
                    <Badge>{sourceLabels[r.source ?? r.medium] ?? r.medium}</Badge>
                    <ModeBadge mode={r.mode} />
                    {r.vehicleCode ? <span className="truncate text-xs text-ink-muted">{r.vehicleCode} {r.vehicleName}</span> : null}
                  </div>
                </ConversationRow>
              </Link>
            </li>
          );
        })}
      </ul>
      {nextCursor || params.cursor ? (
        <nav aria-label="More conversations" className="flex justify-between gap-2 border-t border-line p-3">
          {params.cursor ? <Link href={`/inbox${inboxQuery(params)}`} className={buttonClass({ variant: "ghost", size: "sm" })}>Newest</Link> : <span />}
          {nextCursor ? <Link href={`/inbox${inboxQuery(params, { cursor: nextCursor })}`} className={buttonClass({ variant: "secondary", size: "sm" })}>Older conversations</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
