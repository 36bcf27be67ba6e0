"use client";

import { useEffect } from "react";

/**
 * Moves the focus to the conversation's heading when it opens (keyed by conversation), so a keyboard user goes on
 * to "Take over" and the reply instead of back through the inbox's filters and list; re-renders after an action or a
 * live update keep the focus where it is.
 */
export function FocusOnOpen({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus({ preventScroll: true });
  }, [targetId]);
  return null;
}
