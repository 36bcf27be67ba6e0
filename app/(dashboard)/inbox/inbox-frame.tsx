import type { ReactNode } from "react";
import type { Session } from "@/lib/auth";
import { cx } from "@/components/ui/class-names";
import { countUnread, listInbox } from "@/lib/inbox/query";
import { InboxFilters, InboxList } from "./inbox-list";
import { InboxUpdates } from "./inbox-updates";
import { toFilter, type InboxParams } from "./filters";

/** List beside the open conversation on desktop; on phones the list alone, or the conversation alone once one is open. */
export async function InboxFrame({ session, params, activeId, notice, children }: {
  session: Session; params: InboxParams; activeId?: string;
  /** A result line above list and conversation, so phones (which show the list alone) see it too. */
  notice?: ReactNode;
  children: ReactNode;
}) {
  const viewer = { userId: session.user.id, role: session.role };
  const [{ rows, nextCursor }, unread] = await Promise.all([
    listInbox(session.tenant.id, { ...viewer, filter: toFilter(params), cursor: params.cursor }),
    countUnread(session.tenant.id, viewer),
  ]);
  return (
    <div className="-mx-4 -mt-5 md:mx-0 md:mt-0">
      <InboxUpdates since={new Date().toISOString()} conversationId={activeId} />
      {notice}
      <div className="grid grid-cols-1 overflow-hidden border-line bg-surface md:h-[calc(100dvh-8.5rem)] md:grid-cols-[22rem_minmax(0,1fr)] md:rounded-xl md:border md:shadow-card">
        <section aria-labelledby="inbox-title" className={cx("min-h-0 min-w-0 flex-col border-line md:flex md:border-r", activeId ? "hidden" : "flex")}>
          <div className="flex items-baseline justify-between border-b border-line px-3 py-3">
            {/* On a phone the top bar already says "Inbox": the heading stays for screen readers only. */}
            <h1 id="inbox-title" className="text-lg font-semibold text-ink max-md:sr-only">Inbox</h1>
            <p className="text-sm text-ink-muted" aria-live="polite">{unread === 0 ? "All read" : `${unread} unread`}</p>
          </div>
          <InboxFilters params={params} basePath="/inbox" />
          <div className="min-h-0 flex-1 overflow-y-auto">
            <InboxList rows={rows} params={params} nextCursor={nextCursor} activeId={activeId} locale={session.tenant.locale} timeZone={session.tenant.timeZone} />
          </div>
        </section>
        <div className={cx("min-h-0 min-w-0", activeId ? "block" : "hidden md:block")}>{children}</div>
      </div>
    </div>
  );
}
