"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/controls";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Spinner } from "@/components/ui/spinner";
import type { PlaygroundReply, PlaygroundTurn } from "@/lib/assistant/playground";
import { languageNames, type Lang } from "@/lib/assistant/types";
import { tryAssistantAction } from "./actions";
import { WhatsAppText } from "@/components/whatsapp-text";

export type ExamplePrompt = { lang: Lang; text: string };
type Exchange = { message: string; reply: PlaygroundReply };

const intentLabel = (intent: string) => intent.replace(/_/g, " ");
// Older turns add little to a follow-up question and make every request bigger.
const TURNS_SENT = 10;

export function AssistantPlayground({ examples, claudeConfigured }: { examples: ExamplePrompt[]; claudeConfigured: boolean }) {
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [message, setMessage] = useState("");
  const [asking, setAsking] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (exchanges.length || pending) endRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [exchanges.length, pending]);

  function send(text: string) {
    const trimmed = text.trim();
    if (!trimmed) {
      setFieldError("Type a message as a shopper would.");
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setFormError(null);
    const turns = exchanges.flatMap((x): PlaygroundTurn[] => [
      { role: "shopper", text: x.message },
      { role: "assistant", text: x.reply.text, lang: x.reply.lang, memory: x.reply.memory },
    ]).slice(-TURNS_SENT);
    setAsking(trimmed);
    startTransition(async () => {
      const r = await tryAssistantAction({ message: trimmed, turns });
      setAsking(null);
      if (r.ok) {
        setExchanges((prev) => [...prev, { message: trimmed, reply: r.data }]);
        setMessage("");
      } else {
        setMessage(trimmed);
        setFieldError(r.fieldErrors?.message ?? null);
        if (!r.fieldErrors?.message) setFormError(r.error);
      }
      inputRef.current?.focus();
    });
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!pending) send(message);
  }

  // Enter sends, Shift+Enter starts a new line: the way chat apps behave.
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (!pending) send(message);
    }
  }

  function startOver() {
    setExchanges([]);
    setFieldError(null);
    setFormError(null);
    inputRef.current?.focus();
  }

  return (
    <div className="space-y-4">
      <div className="overflow-hidden rounded-xl border border-line bg-surface shadow-card">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-3 sm:px-5">
          <h2 className="text-base font-semibold text-ink">Conversation</h2>
          <div className="flex items-center gap-2">
            <Badge tone="info">{claudeConfigured ? "Claude, offline as fallback" : "Offline assistant"}</Badge>
            {exchanges.length ? (
              <Button variant="ghost" size="sm" onClick={startOver} disabled={pending}>New conversation</Button>
            ) : null}
          </div>
        </div>
        <div role="log" aria-label="Conversation with the assistant" aria-live="polite" aria-busy={pending} className="bg-slate-50/70">
          {exchanges.length === 0 && !asking ? (
            <EmptyState
              icon="sparkles"
              title="Ask what a shopper would ask"
              text="Pick an example below or write your own. Follow-ups use the earlier turns, e.g. answering a list of test-drive times with its number."
            />
          ) : (
            <ol className="space-y-3 px-3 py-4 sm:px-4">
              {exchanges.map((x, i) => (
                <ExchangeItems key={i} exchange={x} />
              ))}
              {asking ? (
                <>
                  <ShopperBubble text={asking} />
                  <li className="flex justify-end">
                    <div className="rounded-2xl rounded-br-md bg-sky-50 px-3.5 py-2 ring-1 ring-sky-200 ring-inset">
                      <Spinner label="The assistant is answering…" showLabel />
                    </div>
                  </li>
                </>
              ) : null}
            </ol>
          )}
          <div ref={endRef} />
        </div>
      </div>

      <form onSubmit={onSubmit} noValidate aria-label="Message to the assistant" className="space-y-3">
        <Field label="Message as a shopper" error={fieldError} hint="Enter sends, Shift+Enter adds a line. Nothing you type here reaches a shopper or your inbox.">
          <Textarea
            ref={inputRef}
            rows={2}
            maxLength={1000}
            value={message}
            onChange={(e) => {
              setMessage(e.target.value);
              if (fieldError && e.target.value.trim()) setFieldError(null);
            }}
            onKeyDown={onKeyDown}
            placeholder="Hebben jullie een automaat onder de 20.000 euro?"
          />
        </Field>
        <FormMessage result={formError ? { ok: false, error: formError } : null} />
        <Button type="submit" disabled={pending} aria-busy={pending || undefined} className="w-full sm:w-auto">
          {pending ? "Asking…" : "Ask the assistant"}
        </Button>
      </form>

      <section aria-labelledby="examples-heading" className="space-y-2">
        <h2 id="examples-heading" className="text-sm font-medium text-ink">Examples</h2>
        <ul className="flex flex-wrap gap-2">
          {examples.map((ex) => (
            <li key={ex.text} className="max-w-full">
              <button
                type="button"
                disabled={pending}
                onClick={() => send(ex.text)}
                className="max-w-full rounded-full border border-line-strong bg-surface px-3 py-1.5 text-left text-sm text-ink shadow-card hover:bg-slate-50 focus-visible:ring-3 focus-visible:ring-focus/25 focus-visible:outline-none disabled:opacity-55"
              >
                <span className="sr-only">Ask in {languageNames[ex.lang]}: </span>
                <span lang={ex.lang}>{ex.text}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ShopperBubble({ text }: { text: string }) {
  return (
    <li className="flex justify-start">
      <div className="max-w-[85%] rounded-2xl rounded-bl-md border border-line bg-surface px-3.5 py-2 text-sm text-ink shadow-card sm:max-w-[70%]">
        <p className="mb-0.5 text-xs font-semibold text-ink-muted">Shopper (you)</p>
        <p className="break-words whitespace-pre-wrap">{text}</p>
      </div>
    </li>
  );
}

function ExchangeItems({ exchange: { message, reply } }: { exchange: Exchange }) {
  return (
    <>
      <ShopperBubble text={message} />
      <li className="flex justify-end">
        <div className="max-w-[92%] space-y-2 sm:max-w-[75%]">
          <div className="rounded-2xl rounded-br-md bg-sky-50 px-3.5 py-2 text-sm text-ink shadow-card ring-1 ring-sky-200 ring-inset">
            <p className="mb-0.5 text-xs font-semibold text-ink-muted">Assistant</p>
            <p lang={reply.lang} className="break-words whitespace-pre-wrap"><WhatsAppText text={reply.text} /></p>
          </div>
          <dl className="flex flex-wrap justify-end gap-1.5 text-xs">
            <dt className="sr-only">Answered by</dt>
            <dd><Badge tone={reply.engine === "claude" ? "brand" : "neutral"}>{reply.engine === "claude" ? "Claude" : "Offline"}</Badge></dd>
            <dt className="sr-only">Language</dt>
            <dd><Badge tone="info">{languageNames[reply.lang]}</Badge></dd>
            <dt className="sr-only">Intent</dt>
            <dd><Badge>{reply.intents.map(intentLabel).join(", ")}</Badge></dd>
          </dl>
          {reply.stockCheck ? (
            <p className="text-right text-xs text-ink-muted">
              Claude&apos;s first answer was not used: {new Intl.ListFormat("en").format(reply.stockCheck.map((t) => `“${t}”`))} did not
              match your available stock. {reply.engine === "claude" ? "It wrote the answer again." : "The offline assistant answered instead."}
            </p>
          ) : null}
          {reply.vehicles.length ? (
            <div className="text-right text-xs text-ink-muted">
              <p className="font-medium text-ink">Cars proposed</p>
              <ul>
                {reply.vehicles.map((v) => (
                  <li key={v.code}><span className="font-mono font-medium text-ink">{v.code}</span> {v.label}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {reply.wouldDo.length ? (
            <div className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
              <p className="font-medium">With a real shopper it would also (not done here):</p>
              <ul className="list-disc pl-4">
                {reply.wouldDo.map((w) => <li key={w}>{w}</li>)}
              </ul>
            </div>
          ) : null}
        </div>
      </li>
    </>
  );
}
