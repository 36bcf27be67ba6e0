import { serveCachedPage } from "@/lib/catalog/page-cache";

// The proxy sends a dealer site's listing and vehicle page requests here; the pages themselves render on a cache miss.
export async function GET(request: Request, { params }: { params: Promise<{ domain: string; path?: string[] }> }) {
  const { domain, path } = await params;
  const pathname = `/${(path ?? []).map(encodeURIComponent).join("/")}`;
  return serveCachedPage(decodeURIComponent(domain), pathname, new URL(request.url).searchParams, { ifNoneMatch: request.headers.get("if-none-match") });
}
