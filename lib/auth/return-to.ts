/** Where a signed-out user lands after signing in when they came from nowhere in particular. */
export const HOME_PATH = "/inbox";

/** The request header the proxy sets to the dashboard path asked for, so a page that sends a signed-out user to sign-in can say where they were going. */
export const REQUESTED_PATH_HEADER = "x-forecourt-path";

/**
 * A path on this site to return to after signing in, or the inbox. Only a path (one leading slash, no scheme or
 * host, no backslash) passes, so a crafted link cannot send a rep from our sign-in page to another site.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 1000) return HOME_PATH;
  if (!/^\/(?![/\\])/.test(value) || /[\\\u0000-\u001f]/.test(value)) return HOME_PATH;
  if (value === "/sign-in" || value.startsWith("/sign-in?") || value.startsWith("/sign-in/")) return HOME_PATH;
  return value;
}

/** The sign-in page's address that brings the user back to `path` afterwards (plain /sign-in for the inbox). */
export function signInPathFor(path: string | null | undefined): string {
  const back = safeReturnPath(path);
  return back === HOME_PATH ? "/sign-in" : `/sign-in?next=${encodeURIComponent(back)}`;
}
