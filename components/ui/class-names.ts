export type ClassValue = string | false | null | undefined;

/** Joins the truthy class names; conditional classes read as `active && "…"`. */
export function cx(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
