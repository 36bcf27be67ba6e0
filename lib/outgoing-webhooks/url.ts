import { isIP } from "node:net";

// Literal private, loopback and link-local hosts; names that resolve to them are not caught here.
const privateHost = /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i;
const privateV4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (privateHost.test(host)) return true;
  if (isIP(host) === 4) return privateV4.some((r) => r.test(host));
  if (isIP(host) === 6) return host === "::1" || host === "::" || /^(fc|fd|fe80)/i.test(host) || host.startsWith("::ffff:");
  return false;
}

/** Why this URL cannot receive webhooks, or null when it can. */
export function receiverUrlProblem(raw: string, opts: { allowPrivate: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://example.com/forecourt-webhook.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https://.";
  if (url.username || url.password) return "Put no user name or password in the URL; verify our signature instead.";
  if (!opts.allowPrivate && url.protocol !== "https:") return "The URL must use https://.";
  if (!opts.allowPrivate && isPrivateHost(url.hostname)) return "The URL points at a private or local address.";
  return null;
}
