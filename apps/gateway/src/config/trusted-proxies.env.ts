import { isIP } from 'node:net';

/** Names proxy-addr (Fastify's trustProxy) understands for well-known ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Parses GATEWAY_TRUSTED_PROXIES: comma-separated IP addresses, CIDR ranges (`10.0.0.0/8`,
 * `fd00::/8`) or the names `loopback`, `linklocal`, `uniquelocal`. Empty: no proxy is trusted.
 * Returns the list, or one predicate message ("must ...") naming the bad entry.
 */
export function parseTrustedProxies(raw: string): string[] | string {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  for (const [index, entry] of entries.entries()) {
    if (!isTrustEntry(entry)) {
      return `must list IP addresses, CIDR ranges or loopback/linklocal/uniquelocal (entry ${index + 1}: ${JSON.stringify(entry.slice(0, 64))})`;
    }
  }
  return entries;
}

function isTrustEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const slash = entry.indexOf('/');
  if (slash < 0) return isIP(entry) !== 0;
  const version = isIP(entry.slice(0, slash));
  const prefix = entry.slice(slash + 1);
  if (version === 0 || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Fastify's trustProxy from the list: false (the peer address is the client, X-Forwarded-For
 * ignored) when empty, otherwise the list, so request.ip is the nearest address in
 * X-Forwarded-For that is not a trusted proxy.
 */
export function trustProxyOption(trusted: readonly string[]): false | string[] {
  return trusted.length === 0 ? false : [...trusted];
}
