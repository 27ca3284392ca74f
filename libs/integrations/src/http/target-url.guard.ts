import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

// SSRF guard for every tenant-chosen target: the notifier's webhook, Slack and Discord channels
// and the integrations' REST and SQL connectors. A tenant chooses the URL, so without it a
// tenant could reach the cloud metadata service (169.254.169.254), the database or any other
// internal address. The API checks a URL when it is saved (checkTargetUrl); the sender checks it
// again and resolves the host at send time (vetHost), because a hostname can point anywhere
// later, then connects to the address it vetted (the notifier's outbound-http.client.ts, this
// lib's guarded-http.transport.ts and SQL connectors).

export interface TargetPolicy {
  /** Private, loopback and link-local targets (local development and tests only). */
  allowPrivate: boolean;
  /** https only. */
  production: boolean;
}

export type TargetCheck = { ok: true; url: URL } | { ok: false; reason: string };

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves every address of a host (dns.lookup unless a test passes another). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type VetResult = { ok: true; address: ResolvedAddress } | { ok: false; reason: string; retryable: boolean };

/** Names that only ever mean this machine or a local network (RFC 6761, RFC 6762, RFC 8375, ICANN .internal). */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|home\.arpa)$/i;

/** The ipaddr.js range of an address: 'unicast' for a public one, else 'private', 'loopback', 'linkLocal'... */
export function addressRange(address: string): string {
  // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 it carries.
  return ipaddr.process(address).range();
}

export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && addressRange(address) === 'unicast';
}

/** The host of a URL without IPv6 brackets and without a trailing dot. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/**
 * Checks what can be checked without DNS: a parseable http(s) URL without credentials, https in
 * production, and, unless private targets are allowed, no literal non-public IP and no local
 * name such as `localhost`. A hostname that passes is checked again when something is sent.
 */
export function checkTargetUrl(raw: string, policy: TargetPolicy): TargetCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must be an http or https URL' };
  if (policy.production && url.protocol !== 'https:') return { ok: false, reason: 'must use https' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'must not carry credentials' };
  if (policy.allowPrivate) return { ok: true, url };
  const host = bareHostname(url);
  // The URL parser already normalised 2130706433, 0x7f.1 and friends to dotted IPv4.
  if (ipaddr.isValid(host)) {
    const range = addressRange(host);
    return range === 'unicast' ? { ok: true, url } : { ok: false, reason: `must not point at a non-public address (${range})` };
  }
  if (LOCAL_NAME.test(host)) return { ok: false, reason: 'must not point at a local host name' };
  return { ok: true, url };
}

export const dnsResolver: HostResolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/**
 * Resolves a host and picks the address to connect to. Unless private targets are allowed,
 * every address the name resolves to must be public (one private answer among public ones is
 * how a rebinding attack starts), so a mixed answer is refused too.
 */
export async function vetHost(
  hostname: string,
  policy: Pick<TargetPolicy, 'allowPrivate'>,
  resolve: HostResolver = dnsResolver,
): Promise<VetResult> {
  if (ipaddr.isValid(hostname)) {
    const literal: ResolvedAddress = { address: hostname, family: ipaddr.parse(hostname).kind() === 'ipv6' ? 6 : 4 };
    return vetAddresses([literal], policy);
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(hostname);
  } catch (err) {
    // NXDOMAIN can be a DNS hiccup or a record not yet published: worth another attempt.
    return { ok: false, retryable: true, reason: `could not resolve ${hostname} (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (addresses.length === 0) return { ok: false, retryable: true, reason: `could not resolve ${hostname}` };
  return vetAddresses(addresses, policy);
}

function vetAddresses(addresses: ResolvedAddress[], policy: Pick<TargetPolicy, 'allowPrivate'>): VetResult {
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const range = ipaddr.isValid(address) ? addressRange(address) : 'invalid';
      // The address itself is not reported: it may describe the internal network.
      if (range !== 'unicast')
        return { ok: false, retryable: false, reason: `refused: the target resolves to a non-public address (${range})` };
    }
  }
  return { ok: true, address: addresses[0] };
}
