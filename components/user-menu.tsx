"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Icon } from "./icons";
import { Avatar } from "./ui/avatar";
import { cx } from "./ui/class-names";

type UserMenuProps = {
  userName: string;
  role: string;
  signOutAction: (formData: FormData) => void | Promise<void>;
};

/** Account disclosure in the header: who is signed in, in which role, and sign-out. Closes on Escape and outside clicks. */
export function UserMenu({ userName, role, signOutAction }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="relative"
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full p-1 text-sm font-medium text-ink hover:bg-slate-100 sm:rounded-lg sm:py-1 sm:pr-2 sm:pl-1"
      >
        <Avatar name={userName} size="sm" />
        <span className="hidden max-w-40 truncate sm:block">{userName}</span>
        <span className="sr-only sm:hidden">Account: {userName}</span>
        <Icon name="chevronDown" className={cx("hidden size-4 text-ink-subtle transition-transform sm:block", open && "rotate-180")} />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-50 mt-2 w-64 overflow-hidden rounded-xl border border-line bg-surface shadow-overlay animate-panel-in"
      >
        <div className="flex items-center gap-3 border-b border-line px-4 py-3">
          <Avatar name={userName} />
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold text-ink">{userName}</p>
            <p className="text-sm text-ink-muted capitalize">{role}</p>
          </div>
        </div>
        <form action={signOutAction} className="p-1.5">
          <button type="submit" className="flex h-10 w-full items-center gap-2.5 rounded-lg px-2.5 text-sm font-medium text-ink hover:bg-slate-100">
            <Icon name="signOut" className="size-4.5 text-ink-subtle" />
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
