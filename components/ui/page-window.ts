export type PageSlot = number | "gap";

/**
 * The page numbers to show: always the first and last, `siblings` either side of the current page,
 * and a gap where pages are skipped. A gap never stands for a single page (that page is shown instead),
 * so the number of slots stays constant while paging through the middle.
 */
export function pageWindow(current: number, pageCount: number, siblings = 1): PageSlot[] {
  if (pageCount <= 0) return [];
  const page = Math.min(Math.max(1, Math.trunc(current)), pageCount);
  const totalSlots = siblings * 2 + 5;
  if (pageCount <= totalSlots) return range(1, pageCount);

  const edgeLength = siblings * 2 + 3;
  if (page <= siblings + 3) return [...range(1, edgeLength), "gap", pageCount];
  if (page >= pageCount - siblings - 2) return [1, "gap", ...range(pageCount - edgeLength + 1, pageCount)];
  return [1, "gap", ...range(page - siblings, page + siblings), "gap", pageCount];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
