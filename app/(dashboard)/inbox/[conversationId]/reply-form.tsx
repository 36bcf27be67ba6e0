"use client";

import { useId, type KeyboardEvent } from "react";
import { Textarea } from "@/components/ui/controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm } from "../action-form";
import { replyAction } from "../actions";

// Ctrl/⌘+Enter sends, Enter alone adds a line: staff write multi-line answers.
function sendOnModEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

export function ReplyForm({ conversationId, hint }: { conversationId: string; hint: string }) {
  const id = useId();
  return (
    <ActionForm action={replyAction} resetOnSuccess label="Reply" className="space-y-2">
      <input type="hidden" name="conversationId" value={conversationId} />
      <label htmlFor={`${id}-body`} className="sr-only">Your reply</label>
      <div className="flex items-end gap-2">
        <Textarea
          id={`${id}-body`}
          name="body"
          rows={2}
          required
          maxLength={4000}
          placeholder="Write a reply…"
          aria-describedby={`${id}-hint`}
          onKeyDown={sendOnModEnter}
          data-reply-box
          className="min-h-11 resize-y"
        />
        <SubmitButton pendingText="Sending…">Send</SubmitButton>
      </div>
      <p id={`${id}-hint`} className="text-xs text-ink-muted">{hint ? `${hint} ` : ""}<span className="max-sm:hidden">Ctrl+Enter sends.</span></p>
    </ActionForm>
  );
}
