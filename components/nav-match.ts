/** Whether a nav href is the current section: the path itself or anything below it ("/inbox" matches "/inbox/42"). */
export function isPathWithin(pathname: string, href: string): boolean {
  const path = stripTrailingSlash(pathname.split(/[?#]/)[0]);
  const target = stripTrailingSlash(href.split(/[?#]/)[0]);
  if (target === "/") return path === "/";
  return path === target || path.startsWith(`${target}/`);
}

/** The href of the most specific matching item, so "/settings/team" highlights Team rather than Settings when both exist. */
export function activeHref(pathname: string, hrefs: string[]): string | null {
  const matches = hrefs.filter((href) => isPathWithin(pathname, href));
  if (matches.length === 0) return null;
  return matches.reduce((best, href) => (href.length > best.length ? href : best));
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}
