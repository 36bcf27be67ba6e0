import type { Lang } from "../../types";
import { de } from "./de";
import { en } from "./en";
import { id } from "./id";
import { nb } from "./nb";
import { nl } from "./nl";
import type { Phrases } from "./types";

export type { Phrases } from "./types";

export const phrases: Record<Lang, Phrases> = { en, nl, nb, de, id };

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}
