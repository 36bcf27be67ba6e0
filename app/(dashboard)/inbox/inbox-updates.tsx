"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** Refreshes the server-rendered inbox when the updates endpoint reports new activity. */
export function InboxUpdates({ since, conversationId, intervalMs = 5000 }: { since: string; conversationId?: string; intervalMs?: number }) {
  const router = useRouter();
  const last = useRef(since);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (document.hidden) return;
      const params = new URLSearchParams({ since: last.current, ...(conversationId ? { c: conversationId } : {}) });
      const res = await fetch(`/inbox/updates?${params}`, { cache: "no-store" }).catch(() => null);
      if (!res?.ok || stopped) return;
      const body = (await res.json()) as { changed: boolean; now: string };
      last.current = body.now;
      if (body.changed) router.refresh();
    };
    const timer = setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [router, conversationId, intervalMs]);
  return null;
}
