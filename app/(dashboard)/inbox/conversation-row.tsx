"use client";

import type { ReactNode } from "react";
import { useLinkStatus } from "next/link";
import { cx } from "@/components/ui/class-names";

/**
 * A conversation's row inside its link. The conversation page has no loading.tsx (its not-found must answer 404), so
 * nothing changes until the server answers: while it loads, the row is busy, its text dimmed and a ring turns around
 * the avatar, so a tap on a phone is seen to have registered. The delay keeps a fast answer from flashing it.
 */
export function ConversationRow({ avatar, children }: { avatar: ReactNode; children: ReactNode }) {
  const { pending } = useLinkStatus();
  return (
    <div aria-busy={pending} className="flex gap-3 px-3 py-3">
      <span className="relative shrink-0">
        {avatar}
        <span
          aria-hidden="true"
          className={cx("absolute -inset-1 rounded-full border-2 border-brand border-t-transparent opacity-0 transition-opacity", pending && "animate-spin opacity-100 delay-100")}
        />
      </span>
      <div className={cx("min-w-0 flex-1 transition-opacity", pending && "opacity-60 delay-100")}>{children}</div>
    </div>
  );
}
