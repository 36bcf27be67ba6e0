"use client";

import { useEffect, useRef } from "react";
import type { ConversationMode } from "@/db/schema";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm } from "../action-form";
import { setModeAction } from "../actions";

/**
 * Take over from the assistant, hand back to it, or pause it; the submitter's value is the new mode. "Take over" is
 * replaced once it worked, so the focus goes on to what comes next, the reply (or the heading when only a template can go).
 */
export function ModeControl({ conversationId, mode }: { conversationId: string; mode: ConversationMode }) {
  const tookOver = useRef(false);
  useEffect(() => {
    if (mode !== "human" || !tookOver.current) return;
    tookOver.current = false;
    (document.querySelector<HTMLElement>("[data-reply-box]") ?? document.getElementById("conversation-title"))?.focus();
  }, [mode]);
  return (
    <ActionForm action={setModeAction} label="Who answers" className="flex flex-wrap items-center gap-2 sm:justify-end">
      <input type="hidden" name="conversationId" value={conversationId} />
      {mode !== "human" ? (
        <SubmitButton name="mode" value="human" size="sm" pendingText="Taking over…" onClick={() => { tookOver.current = true; }}>Take over</SubmitButton>
      ) : null}
      {mode !== "bot" ? (
        <SubmitButton name="mode" value="bot" size="sm" variant="secondary">Hand back to assistant</SubmitButton>
      ) : null}
      {mode === "bot" ? (
        <SubmitButton name="mode" value="paused" size="sm" variant="ghost">Pause assistant</SubmitButton>
      ) : null}
    </ActionForm>
  );
}
