"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactElement, ReactNode } from "react";
import { cx } from "./class-names";
import { describedByWhenMissing, OverlayFooter, OverlayHeader, overlayClass } from "./overlay-parts";

export type OverlayProps = {
  title: ReactNode;
  description?: ReactNode;
  /** The element that opens it, usually a Button; omit when controlling `open` yourself. */
  trigger?: ReactElement;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Actions at the bottom; put a `DialogClose` around a Cancel button. */
  footer?: ReactNode;
  closeLabel?: string;
  children?: ReactNode;
};

const widths = { sm: "sm:max-w-sm", md: "sm:max-w-lg", lg: "sm:max-w-2xl" };

/** A centred modal; on phones it fills the width and sits at the bottom, within thumb reach. */
export function Dialog({ title, description, trigger, open, defaultOpen, onOpenChange, footer, closeLabel = "Close", size = "md", children }: OverlayProps & { size?: keyof typeof widths }) {
  return (
    <RadixDialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlayClass} />
        <RadixDialog.Content
          {...describedByWhenMissing(description)}
          className={cx(
            "fixed inset-x-0 bottom-0 z-50 flex max-h-[90dvh] flex-col rounded-t-2xl bg-surface shadow-overlay animate-sheet-up-in focus:outline-none",
            "sm:inset-x-auto sm:top-1/2 sm:bottom-auto sm:left-1/2 sm:w-[calc(100%-2rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl sm:animate-panel-in",
            widths[size],
          )}
        >
          <OverlayHeader title={title} description={description} closeLabel={closeLabel} />
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer ? <OverlayFooter>{footer}</OverlayFooter> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Closes the surrounding Dialog or Sheet; use with `asChild` around a Button. */
export const DialogClose = RadixDialog.Close;
