import { env } from "@/lib/env";

// Pure host rules, safe to import from the proxy (no database).
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}

const withoutPort = (h: string) => h.replace(/:\d+$/, "");

/** The dealer slug when `host` is `{slug}.{ROOT_DOMAIN}` (port-insensitive), otherwise null. */
export function slugFromHost(host: string, rootDomain = env().ROOT_DOMAIN): string | null {
  const h = withoutPort(normalizeHost(host));
  const root = withoutPort(normalizeHost(rootDomain));
  if (!h.endsWith(`.${root}`)) return null;
  const sub = h.slice(0, -(root.length + 1));
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(sub) ? sub : null;
}

export function isRootHost(host: string, rootDomain = env().ROOT_DOMAIN): boolean {
  const h = withoutPort(normalizeHost(host));
  return h === withoutPort(normalizeHost(rootDomain)) || h === "localhost" || h === "127.0.0.1" || h === "[::1]" || h === "";
}
