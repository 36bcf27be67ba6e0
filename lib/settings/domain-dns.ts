import { resolve4, resolveCname, resolveTxt } from "node:dns/promises";
import { env } from "@/lib/env";

/** The three lookups a domain check needs, shaped like node:dns/promises; tests pass a fake so no check touches the network. */
export type DnsResolver = {
  txt: (name: string) => Promise<string[][]>;
  cname: (name: string) => Promise<string[]>;
  a: (name: string) => Promise<string[]>;
};

export const systemDns: DnsResolver = { txt: resolveTxt, cname: resolveCname, a: resolve4 };

/** Where a dealer's domain must point: a CNAME to `host`, or A records among `ips` (when none are configured, the host's own addresses). */
export type DomainTarget = { host: string; ips: string[] };

export function domainTarget(): DomainTarget {
  const e = env();
  const host = (e.CUSTOM_DOMAIN_CNAME ?? e.ROOT_DOMAIN).trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  const ips = (e.CUSTOM_DOMAIN_IPS ?? "").split(",").map((ip) => ip.trim()).filter(Boolean);
  return { host, ips };
}

export const txtRecordName = (domain: string) => `_forecourt.${domain}`;

const isMissing = (e: unknown) => ["ENOTFOUND", "ENODATA"].includes((e as { code?: string }).code ?? "");
/** What `domainDnsProblem` says when the lookup itself failed: nothing is known about the records. */
export const dnsUnreachable = "We could not reach the DNS servers for your domain just now. Try again in a few minutes.";
const later = "Changes can take up to a few hours to show.";

/** An empty answer for "no such record", so only real lookup failures throw. */
async function lookup<T>(query: () => Promise<T[]>): Promise<T[]> {
  try {
    return await query();
  } catch (e) {
    if (isMissing(e)) return [];
    throw e;
  }
}

async function txtProblem(domain: string, token: string, dns: DnsResolver): Promise<string | null> {
  const name = txtRecordName(domain);
  const values = (await lookup(() => dns.txt(name))).map((chunks) => chunks.join("").trim());
  if (values.includes(token)) return null;
  if (values.length === 0) return `We found no TXT record at ${name} yet. Add it at your domain provider. ${later}`;
  return `The TXT record at ${name} has a different value (${values.map((v) => `"${v.slice(0, 60)}"`).join(", ")}). Change it to ${token}.`;
}

const bare = (host: string) => host.trim().toLowerCase().replace(/\.$/, "");

async function pointingProblem(domain: string, target: DomainTarget, dns: DnsResolver): Promise<string | null> {
  const cnames = (await lookup(() => dns.cname(domain))).map(bare);
  if (cnames.includes(target.host)) return null;
  if (cnames.length) return `${domain} has a CNAME record pointing at ${cnames.join(", ")}. Change it to ${target.host}.`;
  const addresses = await lookup(() => dns.a(domain));
  const allowed = target.ips.length ? target.ips : await lookup(() => dns.a(target.host));
  const howTo = target.ips.length ? `a CNAME record to ${target.host}, or A records to ${target.ips.join(", ")}` : `a CNAME record to ${target.host} (or your provider's ALIAS/ANAME record)`;
  if (addresses.length === 0) return `${domain} does not point anywhere yet. Add ${howTo}. ${later}`;
  // Every address must be ours: a leftover A record would send part of the visitors to the old site.
  const foreign = addresses.filter((ip) => !allowed.includes(ip));
  if (foreign.length) return `${domain} points at ${foreign.join(", ")}, which is not Forecourt. Replace it with ${howTo}.`;
  return null;
}

/** Why the domain is not ready yet (its TXT token, then where it points), or null when both records are right. */
export async function domainDnsProblem(domain: string, token: string, dns: DnsResolver, target = domainTarget()): Promise<string | null> {
  try {
    return (await txtProblem(domain, token, dns)) ?? (await pointingProblem(domain, target, dns));
  } catch {
    return dnsUnreachable;
  }
}
