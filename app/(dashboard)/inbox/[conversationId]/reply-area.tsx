import { Icon } from "@/components/icons";
import type { ConversationDetail } from "@/lib/inbox/conversation";
import { windowClosesAt } from "@/lib/inbox/timeline";
import { ReplyForm } from "./reply-form";
import { TemplatePicker, type TemplateOption } from "./template-picker";
import { dateTimeFormat } from "@/lib/format/intl";

const mediumNames: Record<string, string> = { whatsapp: "WhatsApp", facebook: "Facebook", email: "e-mail", website: "the website form", note: "a call or visit", playground: "the test chat" };

/** Why a reply would stay in the dashboard instead of reaching the shopper, if it would. */
function undeliverableReason(detail: ConversationDetail): string | null {
  // A WhatsApp conversation without a channel outlived its number: an admin removed it in Settings.
  if (!detail.channel && detail.conversation.medium === "whatsapp") return "The WhatsApp number this conversation came in on was removed in Settings: replies are kept here, not sent. Call or e-mail the shopper.";
  if (!detail.channel) return `This lead came in through ${mediumNames[detail.conversation.medium] ?? detail.conversation.medium}, which has no messaging channel: replies are kept here, not sent. Call or e-mail the shopper.`;
  if (detail.channel.status !== "connected") return `${detail.channel.name} is not connected: replies are kept here but not delivered until a manager connects it in Settings.`;
  return null;
}

/** Free text while the shopper may receive it; after WhatsApp's 24-hour window only the template picker. */
export function ReplyArea({ detail, templates, locale, timeZone }: { detail: ConversationDetail; templates: TemplateOption[]; locale: string; timeZone: string }) {
  const c = detail.conversation;
  const whatsapp = c.medium === "whatsapp";
  const closes = whatsapp ? windowClosesAt(c.lastInboundAt) : null;
  const undeliverable = undeliverableReason(detail);
  const time = (d: Date) => dateTimeFormat(locale, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(d);
  const hint = [
    closes ? `WhatsApp window open until ${time(closes)}.` : detail.channel ? `Sent through ${detail.channel.name}.` : null,
    c.mode === "bot" ? "The assistant is still answering: take over to handle it yourself." : null,
  ].filter(Boolean).join(" ");
  return (
    <div className="space-y-2 border-t border-line bg-surface p-3 sm:p-4">
      {undeliverable ? (
        <p role="note" className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <Icon name="alert" className="mt-0.5 size-4 shrink-0" />
          {undeliverable}
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
