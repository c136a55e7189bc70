// Where webhooks may be sent: public unicast addresses only, so that a team's webhook cannot make the server call
// its own network (cloud metadata at 169.254.169.254, databases on 10.x, the portal itself on 127.0.0.1), plus
// the networks the platform team allows with WEBHOOK_ALLOWED_NETWORKS (receivers inside the company network).
// The check runs on the addresses a host name resolves to at connection time, so a name cannot be re-pointed
// between a check and the request.
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type Network = [Address, number];

/** The CIDRs of WEBHOOK_ALLOWED_NETWORKS (`10.20.0.0/16, 127.0.0.1/32`); throws on one that is not a CIDR. */
export function parseNetworks(text: string): Network[] {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => ipaddr.parseCIDR(entry));
}

/** Where an address of each ipaddr.js range is, in words. */
const RANGE_PLACES: Record<string, string> = {
  private: "in a private network",
  uniqueLocal: "in a private network",
  loopback: "on this machine (loopback)",
  linkLocal: "in a link-local network (where cloud metadata services answer)",
  unspecified: "unspecified",
  carrierGradeNat: "in a carrier-grade NAT network",
  broadcast: "a broadcast address",
  multicast: "a multicast group",
};
const HINT = "webhooks may not reach it (a platform admin can allow its network with WEBHOOK_ALLOWED_NETWORKS).";

/** Where `address` (an IP address) is when webhooks may not reach it, or null when they may. */
function refusedPlace(address: string, allowed: Network[]): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed: Address = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (allowed.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return null;
  const range = parsed.range();
  return range === "unicast" ? null : (RANGE_PLACES[range] ?? `in a reserved range (${range})`);
}

/** Why webhooks may not reach `address` (an IP address), or null when they may. */
export function blockedReason(address: string, allowed: Network[]): string | null {
  const place = refusedPlace(address, allowed);
  return place && `${address} is ${place}: ${HINT}`;
}

/** Why webhooks may not reach `host`, which resolved to `addresses`, or null when they may reach all of them. */
function blockedHostReason(host: string, addresses: { address: string }[], allowed: Network[]): string | null {
  for (const { address } of addresses) {
    const place = refusedPlace(address, allowed);
    if (place) return `${host} resolves to ${address}, which is ${place}: ${HINT}`;
  }
  return null;
}

/** A blocked address or host; its message says which and why. */
export class BlockedAddressError extends Error {
  name = "BlockedAddressError";
}

/**
 * A `lookup` for net.connect that resolves like dns.lookup and fails with BlockedAddressError when any address of
 * the name is one webhooks may not reach.
 */
export function guardedLookup(allowed: Network[]): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const reason = blockedHostReason(hostname, addresses, allowed);
      if (reason) return callback(new BlockedAddressError(reason), "", 0);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Why a webhook URL may not be used, or null: its host as written (an IP literal, which no lookup sees) and, when
 * it is a name that resolves now, the addresses it resolves to. A name that does not resolve is let through: the
 * receiver may not exist yet, and every delivery checks again.
 */
export async function checkWebhookUrl(url: string, allowed: Network[]): Promise<string | null> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) return blockedReason(host, allowed);
  try {
    return blockedHostReason(host, await dns.promises.lookup(host, { all: true }), allowed);
  } catch {
    return null; // not resolvable now
  }
}
