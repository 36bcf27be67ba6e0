import { headers } from "next/headers";
import { isRootHost } from "@/lib/tenancy/hosts";
import { loadSiteTenant } from "./site";

/** The language a dealer-site request asked for with ?lang=, passed on by the proxy to the root layout. */
export const SITE_LANG_HEADER = "x-forecourt-site-lang";

/** The `<html lang>` of this request: a dealer site's language (the one asked for when the site has it), else English. */
export async function documentLang(): Promise<string> {
  const h = await headers();
  const host = h.get("host") ?? "";
  if (isRootHost(host)) return "en";
  const r = await loadSiteTenant(host, h.get(SITE_LANG_HEADER) ?? undefined);
  return r.kind === "tenant" ? r.site.lang : "en";
}
