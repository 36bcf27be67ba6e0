import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Icon } from "@/components/icons";
import { cx } from "@/components/ui/class-names";
import { hasRole, requireSession } from "@/lib/auth";
import { getConversation, listApprovedTemplates, listTeam, markConversationRead } from "@/lib/inbox/conversation";
import { HotBadge, ModeBadge, StageBadge } from "../badges";
import { inboxQuery, parseInboxParams } from "../filters";
import { InboxFrame } from "../inbox-frame";
import { FocusOnOpen } from "./focus-on-open";
import { LeadCard } from "./lead-card";
import { ModeControl } from "./mode-control";
import { ReplyArea } from "./reply-area";
import { Timeline } from "./timeline";

export const metadata: Metadata = { title: "Conversation" };

type Props = { params: Promise<{ conversationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConversationPage({ params, searchParams }: Props) {
  const session = await requireSession();
  const { conversationId } = await params;
  const raw = await searchParams;
  const inboxParams = parseInboxParams(raw);
  const showLead = raw.view === "lead";
  const tenant = session.tenant;
  const viewer = { userId: session.user.id, role: session.role };
  const manager = hasRole(session.role, "manager");
  // Another tenant's id, another rep's lead and a malformed id all look the same: not found. It is a 404 only because
  // no loading.tsx is above this page (the list's is in its route group): a loading boundary would start a 200 first.
  const detail = await getConversation(tenant.id, conversationId, viewer);
  if (!detail) notFound();
  const [, templates, team] = await Promise.all([
    markConversationRead(tenant.id, conversationId, viewer),
    detail.windowOpen ? [] : listApprovedTemplates(tenant.id),
    manager ? listTeam(tenant.id) : [],
  ]);
  const { contact, lead, conversation } = detail;
  const name = contact.name ?? (contact.phone ? `+${contact.phone}` : (contact.email ?? "Unknown shopper"));
  const here = `/inbox/${conversation.id}`;
  const query = inboxQuery(inboxParams, inboxParams.cursor ? { cursor: inboxParams.cursor } : {});
  const viewHref = (toLead: boolean) => `${here}${inboxQuery(inboxParams, { ...(inboxParams.cursor ? { cursor: inboxParams.cursor } : {}), ...(toLead ? { view: "lead" } : {}) })}`;

  return (
    <InboxFrame session={session} params={inboxParams} activeId={conversation.id}>
      <article aria-labelledby="conversation-title" className="flex h-[calc(100dvh-7rem)] flex-col md:h-full">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line px-3 py-2.5 sm:px-4">
          <Link href={`/inbox${query}`} aria-label="Back to the inbox" className="-ml-1 inline-flex items-center gap-1 rounded-lg px-1 py-1 text-sm font-medium text-brand-ink md:hidden">
            <Icon name="chevronLeft" className="size-4" />
            Inbox
          </Link>
          <div className="min-w-0 flex-1">
            <h2 id="conversation-title" tabIndex={-1} className="truncate text-base font-semibold text-ink">{name}</h2>
            <FocusOnOpen key={conversation.id} targetId="conversation-title" />
            <div className="mt-0.5 flex flex-wrap items-center gap-1">
              <ModeBadge mode={conversation.mode} />
              {lead ? <StageBadge stage={lead.stage} /> : null}
              {lead?.hot ? <HotBadge /> : null}
              {detail.assigned ? <span className="text-xs text-ink-muted">· {detail.assigned.name}</span> : null}
            </div>
          </div>
          <div className="w-full sm:w-auto">
            <ModeControl conversationId={conversation.id} mode={conversation.mode} />
          </div>
        </header>
        <nav aria-label="Conversation sections" className="flex border-b border-line xl:hidden">
          {[{ lead: false, label: "Messages" }, { lead: true, label: "Lead" }].map((tab) => (
            <Link
              key={tab.label}
              href={viewHref(tab.lead)}
              aria-current={tab.lead === showLead ? "page" : undefined}
              className={cx("-mb-px flex-1 border-b-2 py-2.5 text-center text-sm font-medium", tab.lead === showLead ? "border-brand text-ink" : "border-transparent text-ink-muted hover:text-ink")}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        {/* One column that never grows past the screen: a link or word without spaces wraps instead of widening it. */}
        <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] xl:grid-cols-[minmax(0,1fr)_18rem]">
          <div className={cx("min-h-0 flex-col", showLead ? "hidden xl:flex" : "flex")}>
            <Timeline messages={detail.timeline} contactName={name} locale={tenant.locale} timeZone={tenant.timeZone} />
            <ReplyArea detail={detail} templates={templates} locale={tenant.locale} timeZone={tenant.timeZone} />
          </div>
          <aside className={cx("min-h-0 overflow-y-auto border-line xl:block xl:border-l", showLead ? "block" : "hidden")}>
            <LeadCard detail={detail} tenant={tenant} team={team} canAssignOthers={manager} viewerId={session.user.id} showPrivacy={manager} />
          </aside>
        </div>
      </article>
    </InboxFrame>
  );
}
