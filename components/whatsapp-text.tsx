import { Fragment, type ReactNode } from "react";

// WhatsApp's inline markers: *bold*, _italic_, ~strike~ and ```monospace```. A marker counts only when it
// hugs non-space text, stays within one line and is not inside a word (2*3*4 and snake_case_names stay as typed).
const pattern = /```([^`\n]+?)```|(?<!\w)\*(\S(?:[^*\n]*\S)?)\*(?!\w)|(?<!\w)_(\S(?:[^_\n]*\S)?)_(?!\w)|(?<!\w)~(\S(?:[^~\n]*\S)?)~(?!\w)/g;

/** Renders a message body the way WhatsApp shows it, as React text nodes (never HTML). */
export function WhatsAppText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const [, mono, bold, italic, strike] = m;
    if (mono !== undefined) parts.push(<code key={at} className="font-mono text-[0.95em]">{mono}</code>);
    else if (bold !== undefined) parts.push(<strong key={at} className="font-semibold">{bold}</strong>);
    else if (italic !== undefined) parts.push(<em key={at}>{italic}</em>);
    else parts.push(<s key={at}>{strike}</s>);
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}

/** The text without WhatsApp's markers, for one-line previews (the inbox list). */
export function plainWhatsApp(text: string): string {
  return text.replace(pattern, (_, mono, bold, italic, strike) => mono ?? bold ?? italic ?? strike);
}
