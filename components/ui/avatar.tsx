import { cx } from "./class-names";
import { initialsOf, paletteIndexFor } from "./initials";

// 800-on-100 pairs: every combination passes 4.5:1.
const palette = [
  "bg-sky-100 text-sky-800",
  "bg-amber-100 text-amber-800",
  "bg-emerald-100 text-emerald-800",
  "bg-rose-100 text-rose-800",
  "bg-violet-100 text-violet-800",
  "bg-teal-100 text-teal-800",
];

const sizes = { sm: "size-7 text-[0.6875rem]", md: "size-9 text-xs", lg: "size-12 text-base" };

/** Initials in a coloured circle. Decorative by default: the name is expected as text beside it. */
export function Avatar({ name, size = "md", labelled = false, className }: {
  name: string;
  size?: keyof typeof sizes;
  /** Announce the name when the avatar stands alone. */
  labelled?: boolean;
  className?: string;
}) {
  return (
    <span
      role={labelled ? "img" : undefined}
      aria-label={labelled ? name : undefined}
      aria-hidden={labelled ? undefined : true}
      className={cx("inline-flex shrink-0 items-center justify-center rounded-full font-semibold select-none", sizes[size], palette[paletteIndexFor(name, palette.length)], className)}
    >
      {initialsOf(name)}
    </span>
  );
}
