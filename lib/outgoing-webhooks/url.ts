import { hostnameProblem } from "@/lib/net/address";

/**
 * Why this URL cannot receive webhooks, or null when it can. `allowLoopback` matches the delivery's SSRF guard
 * (tests serve receivers on 127.0.0.1); `requireHttps` is production's rule.
 */
export function receiverUrlProblem(raw: string, opts: { requireHttps: boolean; allowLoopback?: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://example.com/forecourt-webhook.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https://.";
  if (url.username || url.password) return "Put no user name or password in the URL; verify our signature instead.";
  if (opts.requireHttps && url.protocol !== "https:") return "The URL must use https://.";
  const host = hostnameProblem(url.hostname, { allowLoopback: opts.allowLoopback });
  if (host) return `The URL points at a private or local address (${host}); webhooks go only to public addresses.`;
  return null;
}
