"use client";

import { useEffect } from "react";

/**
 * Puts a plain GET form back to what its page's address says when the shopper comes back to the page (Back, Forward,
 * the back-forward cache): the browser would otherwise show what was typed there last, filters never applied.
 */
export function FormResetOnReturn({ formId }: { formId: string }) {
  useEffect(() => {
    const reset = (e: PageTransitionEvent) => {
      if (e.persisted) (document.getElementById(formId) as HTMLFormElement | null)?.reset();
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, [formId]);
  return null;
}
