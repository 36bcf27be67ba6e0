import Link from "next/link";
import { headers } from "next/headers";
import { loadSiteTenant } from "@/lib/catalog/site";
import { siteText } from "@/lib/catalog/i18n";

/**
 * A dealer-site address with nothing behind it (a car taken off the site, a mistyped link): said in the site's
 * language inside its header and footer, with the way back to the stock. The layout has checked the host.
 */
export default async function SiteNotFound() {
  const r = await loadSiteTenant((await headers()).get("host") ?? "");
  const t = r.kind === "tenant" ? r.site.t : siteText("en");
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-ink-muted">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-3 text-ink-muted">{t.notFoundText}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand px-5 py-3 font-semibold text-brand-contrast">{t.back}</Link>
    </main>
  );
}
