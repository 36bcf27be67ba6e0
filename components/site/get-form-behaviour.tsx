"use client";

import { useEffect } from "react";

/**
 * What a plain GET form of filters needs beyond HTML: empty fields (and those at their `data-default`) are left out of
 * the address it opens (a shared link reads "/?make=Ford", not "/?q=&branch=&make=Ford&…&sort=newest"), and coming back to the page (Back, Forward, the back-forward
 * cache) puts the form back to what the page's address says, not what was typed there and never applied.
 */
export function GetFormBehaviour({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    const fields = () => [...form.elements].filter((el): el is HTMLInputElement | HTMLSelectElement => "name" in el && "value" in el && Boolean((el as HTMLInputElement).name));
    const leaveOutEmpty = () => {
      const empty = fields().filter((el) => el.value === (el.dataset.default ?? "") && !el.disabled);
      for (const el of empty) el.disabled = true;
      // The form's data is read right after this handler; the fields are back for the next visit.
      setTimeout(() => { for (const el of empty) el.disabled = false; }, 0);
    };
    const reset = (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      form.reset();
      for (const el of fields()) el.disabled = false;
    };
    form.addEventListener("submit", leaveOutEmpty);
    window.addEventListener("pageshow", reset);
    return () => {
      form.removeEventListener("submit", leaveOutEmpty);
      window.removeEventListener("pageshow", reset);
    };
  }, [formId]);
  return null;
}
