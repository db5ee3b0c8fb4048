import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Address ranges a webhook may never be delivered to (unless configuration allows private targets, for
 * development): the platform's own network, the cloud metadata service and anything not globally
 * routable. From the IANA special-purpose registries; Node's BlockList does the matching, so an IPv6
 * spelling of a blocked IPv4 address (IPv4-mapped) matches too.
 */
const RANGES: Record<string, [string, number, "ipv4" | "ipv6"][]> = {
  // Addresses that carry an IPv4 address inside (mapped, NAT64, 6to4, Teredo) could reach any range
  // below; first, so that an IPv4-mapped loopback address is named for its spelling.
  "ipv4-embedded": [
    ["::ffff:0:0", 96, "ipv6"],
    ["64:ff9b::", 96, "ipv6"],
    ["64:ff9b:1::", 48, "ipv6"],
    ["2002::", 16, "ipv6"],
    ["2001::", 32, "ipv6"],
  ],
  unspecified: [
    ["0.0.0.0", 8, "ipv4"],
    ["::", 128, "ipv6"],
  ],
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  private: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
  ],
  cgnat: [["100.64.0.0", 10, "ipv4"]],
  "link-local": [
    ["169.254.0.0", 16, "ipv4"],
    ["fe80::", 10, "ipv6"],
  ],
  multicast: [
    ["224.0.0.0", 4, "ipv4"],
    ["ff00::", 8, "ipv6"],
  ],
  reserved: [
    ["192.0.0.0", 24, "ipv4"],
    ["192.0.2.0", 24, "ipv4"],
    ["198.18.0.0", 15, "ipv4"],
    ["198.51.100.0", 24, "ipv4"],
    ["203.0.113.0", 24, "ipv4"],
    ["240.0.0.0", 4, "ipv4"],
    ["100::", 64, "ipv6"],
    ["2001:db8::", 32, "ipv6"],
    ["fec0::", 10, "ipv6"],
  ],
  "unique-local": [["fc00::", 7, "ipv6"]],
};

const LISTS = Object.entries(RANGES).map(([name, ranges]) => {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return [name, list] as const;
});

/** The kind of range an IP address falls in, or "public" for a globally routable one. */
export function classifyAddress(address: string): string {
  const family = isIP(address);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const [name, list] of LISTS) {
    // BlockList also matches a plain IPv4 address against IPv4-mapped ranges; those are about IPv6 spellings.
    if (name === "ipv4-embedded" && family === 4) continue;
    if (list.check(address, type)) return name;
  }
  return "public";
}

export class RefusedTarget extends Error {}

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a webhook URL's host now, at delivery time, and refuses it when any of its addresses is not
 * public (a name that also resolves to an internal address is not trusted with the other). The caller
 * connects to the address returned, so a second DNS answer cannot swap in another (DNS rebinding).
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await lookup(host, { all: true, verbatim: true }).catch((error: unknown) => {
        throw new RefusedTarget(`DNS lookup of ${host} failed: ${(error as Error).message}`);
      });
  const [first] = addresses;
  if (!first) throw new RefusedTarget(`${host} has no address`);
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind !== "public")
        throw new RefusedTarget(`${host} resolves to ${address} (${kind}), which is refused`);
    }
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
