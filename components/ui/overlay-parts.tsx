"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { Icon } from "../icons";

export const overlayClass = "fixed inset-0 z-50 bg-slate-950/40 backdrop-blur-[2px] animate-overlay-in";

/** Title, optional description and a labelled close button; Radix wires them to the panel's aria attributes. */
export function OverlayHeader({ title, description, closeLabel }: { title: ReactNode; description?: ReactNode; closeLabel: string }) {
  return (
    <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
      <div className="min-w-0">
        <RadixDialog.Title className="text-base font-semibold text-ink">{title}</RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="mt-1 text-sm text-ink-muted">{description}</RadixDialog.Description>
        ) : null}
      </div>
      <RadixDialog.Close className="-mt-1 -mr-2 inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-ink-muted hover:bg-slate-100 hover:text-ink">
        <Icon name="close" title={closeLabel} />
      </RadixDialog.Close>
    </div>
  );
}

export function OverlayFooter({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col-reverse gap-2 border-t border-line bg-slate-50/60 px-5 py-3 sm:flex-row sm:justify-end">{children}</div>
  );
}

// Radix links the Description automatically; without one it expects an explicit undefined to know it was left out on purpose.
export function describedByWhenMissing(description: ReactNode): { "aria-describedby"?: undefined } {
  return description ? {} : { "aria-describedby": undefined };
}
