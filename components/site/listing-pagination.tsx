import type { SiteText } from "@/lib/catalog/i18n";
import { listingHref, withLang, type ListingQuery } from "@/lib/catalog/query";

type Props = { q: ListingQuery; totalPages: number; t: SiteText; lang: string; defaultLang: string };

export function ListingPagination({ q, totalPages, t, lang, defaultLang }: Props) {
  if (totalPages <= 1) return null;
  const link = (page: number) => withLang(listingHref(q, { page }), lang, defaultLang);
  const cls = "rounded-md border border-line-strong px-4 py-2 font-medium";
  return (
    <nav aria-label={t.pageOf(q.page, totalPages)} className="mt-6 flex items-center justify-between gap-4">
      {q.page > 1 ? <a rel="prev" href={link(q.page - 1)} className={cls}>{t.prev}</a> : <span />}
      <span className="text-sm text-ink-muted">{t.pageOf(q.page, totalPages)}</span>
      {q.page < totalPages ? <a rel="next" href={link(q.page + 1)} className={cls}>{t.next}</a> : <span />}
    </nav>
  );
}
