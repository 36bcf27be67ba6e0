import { EmptyState } from "@/components/ui/empty-state";
import type { TimelineMessage } from "@/lib/inbox/conversation";
import { dayLabel, groupByDay } from "@/lib/inbox/timeline";
import { MessageBubble } from "./message-bubble";

/** The conversation, oldest first; column-reverse keeps the newest message in view without client code. */
export function Timeline({ messages, contactName, locale, timeZone }: { messages: TimelineMessage[]; contactName: string; locale: string; timeZone: string }) {
  if (messages.length === 0) {
    return <EmptyState icon="message" title="No messages yet" text="Messages with this shopper will show up here." className="flex-1" />;
  }
  const now = new Date();
  return (
    <div className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto bg-slate-50/70" tabIndex={0} role="region" aria-label="Messages">
      <div className="space-y-4 py-4">
        {groupByDay(messages, timeZone).map((group) => (
          <section key={group.day} aria-label={dayLabel(group.day, now, timeZone, locale)}>
            <h3 className="sticky top-0 z-10 mb-3 flex justify-center">
              <span className="rounded-full border border-line bg-surface px-3 py-0.5 text-xs font-medium text-ink-muted shadow-card">
                {dayLabel(group.day, now, timeZone, locale)}
              </span>
            </h3>
            <ol className="space-y-2">
              {group.items.map((m) => <MessageBubble key={m.id} message={m} contactName={contactName} locale={locale} timeZone={timeZone} />)}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
