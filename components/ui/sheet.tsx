"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { cx } from "./class-names";
import type { OverlayProps } from "./dialog";
import { describedByWhenMissing, OverlayFooter, OverlayHeader, overlayClass } from "./overlay-parts";

const widths = { md: "sm:max-w-md", lg: "sm:max-w-xl" };

/** A side panel on wider screens and a bottom sheet on phones, for details and quick edits beside a list. */
export function Sheet({ title, description, trigger, open, defaultOpen, onOpenChange, footer, closeLabel = "Close", size = "md", children }: OverlayProps & { size?: keyof typeof widths }) {
  return (
    <RadixDialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlayClass} />
        <RadixDialog.Content
          {...describedByWhenMissing(description)}
          className={cx(
            "fixed inset-x-0 bottom-0 z-50 flex max-h-[88dvh] flex-col rounded-t-2xl bg-surface pb-[env(safe-area-inset-bottom)] shadow-overlay animate-sheet-up-in focus:outline-none",
            "sm:inset-y-0 sm:right-0 sm:left-auto sm:h-dvh sm:max-h-none sm:w-full sm:rounded-none sm:rounded-l-2xl sm:pb-0 sm:animate-sheet-right-in",
            widths[size],
          )}
        >
          <div aria-hidden="true" className="mx-auto mt-2 h-1 w-10 rounded-full bg-slate-300 sm:hidden" />
          <OverlayHeader title={title} description={description} closeLabel={closeLabel} />
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer ? <OverlayFooter>{footer}</OverlayFooter> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
