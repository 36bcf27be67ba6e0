import { BlockList, isIP } from "node:net";

// Addresses a server-side fetch must never reach: the machine itself, the private network, cloud metadata.
const v4: [string, number, string][] = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local (cloud metadata)"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];
const v6: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  // IPv4-mapped and NAT64 forms can smuggle any IPv4 address, so both are refused whole.
  ["::ffff:0:0", 96, "IPv4-mapped IPv6"],
  ["64:ff9b::", 96, "NAT64"],
  ["2001:db8::", 32, "documentation"],
  ["2002::", 16, "6to4"],
  ["fc00::", 7, "unique-local"],
  ["fe80::", 10, "link-local"],
  ["ff00::", 8, "multicast"],
];
// Kept apart because a BlockList matches IPv4 addresses against IPv4-mapped IPv6 rules.
const blockedV4 = new BlockList();
for (const [net, prefix] of v4) blockedV4.addSubnet(net, prefix, "ipv4");
const blockedV6 = new BlockList();
for (const [net, prefix] of v6) blockedV6.addSubnet(net, prefix, "ipv6");

const loopbackV4 = new BlockList();
loopbackV4.addSubnet("127.0.0.0", 8, "ipv4");
const loopbackV6 = new BlockList();
loopbackV6.addAddress("::1", "ipv6");

function rangeOf(ip: string, family: "ipv4" | "ipv6"): string {
  for (const [net, prefix, label] of family === "ipv4" ? v4 : v6) {
    const one = new BlockList();
    one.addSubnet(net, prefix, family);
    if (one.check(ip, family)) return label;
  }
  return "blocked";
}

/** Why an IP address may not be fetched from the server, or null when it is public. */
export function blockedAddressReason(ip: string, opts: { allowLoopback?: boolean } = {}): string | null {
  const version = isIP(ip);
  if (version === 0) return "not an IP address";
  const family = version === 4 ? "ipv4" : "ipv6";
  if (opts.allowLoopback && (version === 4 ? loopbackV4 : loopbackV6).check(ip, family)) return null;
  return (version === 4 ? blockedV4 : blockedV6).check(ip, family) ? `${ip} is a ${rangeOf(ip, family)} address` : null;
}

// Names that only ever mean this machine or a private network, whatever a resolver says.
const loopbackName = /^(localhost|.+\.localhost)\.?$/i;
const privateName = /^(.+\.)?(local|internal|lan|home\.arpa|intranet|corp)\.?$/i;

/**
 * Why a URL's host cannot be fetched from the server, judged without DNS (for forms: a name that resolves to a
 * private address is still refused when it is fetched), or null when it may be public.
 */
export function hostnameProblem(hostname: string, opts: { allowLoopback?: boolean } = {}): string | null {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return blockedAddressReason(host, opts);
  if (loopbackName.test(host)) return opts.allowLoopback ? null : `${host} is this server itself`;
  if (privateName.test(host)) return `${host} is a private network name`;
  return null;
}
