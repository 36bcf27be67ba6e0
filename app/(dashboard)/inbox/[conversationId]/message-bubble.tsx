import { cx } from "@/components/ui/class-names";
import type { TimelineMessage } from "@/lib/inbox/conversation";
import { deliveryMark } from "@/lib/inbox/timeline";
import { WhatsAppText } from "@/components/whatsapp-text";
import { dateTimeFormat } from "@/lib/format/intl";

const senderLabel = (m: TimelineMessage, contactName: string) =>
  m.senderKind === "customer" ? contactName : m.senderKind === "assistant" ? "Assistant" : (m.senderName ?? "Staff");

/** One message: shopper on the left, the dealership (assistant or staff) on the right, system events centred. */
export function MessageBubble({ message: m, contactName, locale, timeZone }: { message: TimelineMessage; contactName: string; locale: string; timeZone: string }) {
  const time = dateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(m.createdAt);
  if (m.senderKind === "system") {
    return (
      <li className="flex justify-center px-4">
        <p className="max-w-[85%] rounded-full bg-slate-100 px-3 py-1 text-center text-xs text-ink-muted wrap-anywhere">
          {m.body} <time dateTime={m.createdAt.toISOString()} className="tabular-nums">· {time}</time>
        </p>
      </li>
    );
  }
  const inbound = m.senderKind === "customer";
  const mark = inbound ? null : deliveryMark(m.status, m.error?.title);
  const template = m.type === "template" ? (m.meta.template as { name?: string } | undefined)?.name : undefined;
  return (
    <li className={cx("flex px-3 sm:px-4", inbound ? "justify-start" : "justify-end")}>
      <div
        className={cx(
          "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm shadow-card sm:max-w-[70%]",
          inbound && "rounded-bl-md border border-line bg-surface text-ink",
          m.senderKind === "assistant" && "rounded-br-md bg-sky-50 text-ink ring-1 ring-sky-200 ring-inset",
          m.senderKind === "staff" && "rounded-br-md bg-brand-soft text-ink ring-1 ring-brand/25 ring-inset",
        )}
      >
        <p className="mb-0.5 text-xs font-semibold text-ink-muted">
          {senderLabel(m, contactName)}
          {template ? <span className="font-normal"> · template {template}</span> : null}
        </p>
        {m.media ? <MessageMedia media={m.media} type={m.type} /> : null}
        {m.body ? <p className="whitespace-pre-wrap wrap-anywhere"><WhatsAppText text={m.body} /></p> : null}
        <p className="mt-1 flex items-center justify-end gap-1.5 text-[0.6875rem] text-ink-muted">
          <time dateTime={m.createdAt.toISOString()} className="tabular-nums">{time}</time>
          {mark ? (
            <span
              title={mark.text}
              className={cx("font-semibold", mark.tone === "read" && "text-sky-700", mark.tone === "error" && "text-red-700")}
            >
              <span aria-hidden="true">{mark.symbol}</span>
              <span className={mark.tone === "error" ? "ml-1 font-medium" : "sr-only"}>{mark.text}</span>
            </span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

function MessageMedia({ media, type }: { media: NonNullable<TimelineMessage["media"]>; type: string }) {
  const label = media.filename ?? media.caption ?? (type === "image" ? "Photo" : type === "audio" ? "Voice message" : type === "video" ? "Video" : "Attachment");
  if (!media.mediaId) return <p className="mb-1 text-xs text-ink-muted italic">{label} (not downloaded)</p>;
  const src = `/media/${media.mediaId}`;
  if (media.mimeType?.startsWith("image/")) {
    return (
      <a href={src} target="_blank" rel="noreferrer" className="mb-1.5 block">
        <img src={`${src}?w=320`} alt={media.caption ?? "Photo from the shopper"} className="max-h-64 rounded-lg object-cover" />
      </a>
    );
  }
  if (media.mimeType?.startsWith("audio/")) return <audio controls src={src} className="mb-1.5 max-w-full" aria-label={label} />;
  return <a href={src} target="_blank" rel="noreferrer" className="mb-1 block text-sm font-medium text-brand-ink underline">{label}</a>;
}
