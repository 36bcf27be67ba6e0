import { Icon } from "@/components/icons";
import type { ConversationDetail } from "@/lib/inbox/conversation";
import { windowClosesAt } from "@/lib/inbox/timeline";
import { ReplyForm } from "./reply-form";
import { TemplatePicker, type TemplateOption } from "./template-picker";

const mediumNames: Record<string, string> = { whatsapp: "WhatsApp", facebook: "Facebook", email: "e-mail", website: "the website", playground: "the test chat" };

/** Free text while the shopper may receive it; after WhatsApp's 24-hour window only the template picker. */
export function ReplyArea({ detail, templates, locale, timeZone }: { detail: ConversationDetail; templates: TemplateOption[]; locale: string; timeZone: string }) {
  const c = detail.conversation;
  const whatsapp = c.medium === "whatsapp";
  const closes = whatsapp ? windowClosesAt(c.lastInboundAt) : null;
  const notConnected = whatsapp && detail.channel?.status !== "connected";
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(d);
  const hint = [
    closes ? `WhatsApp window open until ${time(closes)}.` : `Sent through ${mediumNames[c.medium] ?? c.medium}.`,
    c.mode === "bot" ? "The assistant is still answering: take over to handle it yourself." : null,
  ].filter(Boolean).join(" ");
  return (
    <div className="space-y-2 border-t border-line bg-surface p-3 sm:p-4">
      {notConnected ? (
        <p role="note" className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <Icon name="alert" className="mt-0.5 size-4 shrink-0" />
          WhatsApp is not connected: replies are kept here but not delivered until a manager connects it in Settings.
        </p>
      ) : null}
      {detail.windowOpen ? (
        <ReplyForm conversationId={c.id} hint={hint} />
      ) : (
        <>
          <p className="flex items-start gap-2 text-sm text-ink-muted">
            <Icon name="clock" className="mt-0.5 size-4 shrink-0" />
            The 24-hour window has closed: WhatsApp only accepts an approved template until the shopper writes again.
          </p>
          <TemplatePicker conversationId={c.id} templates={templates} />
        </>
      )}
    </div>
  );
}
