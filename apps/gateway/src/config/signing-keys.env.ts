/** HS256 secrets must carry at least 256 bits (RFC 7518 §3.2); same bound as @parley/auth. */
export const MIN_SIGNING_SECRET_BYTES = 32;
const KID = /^[A-Za-z0-9._-]{1,64}$/;

/** The signing key ring as configured: `active` signs, every key in `keys` verifies. */
export interface SigningKeysConfig {
  active: string;
  keys: Record<string, string>;
}

/**
 * Parses `AUTH_SIGNING_KEYS` (`kid:secret,kid:secret`) and `AUTH_ACTIVE_KID`. Returns the
 * config, or one predicate message ("must ...") naming the problem. Messages name kids and
 * positions, never secrets. Secrets may not contain commas; a kid is [A-Za-z0-9._-]{1,64}.
 */
export function parseSigningKeys(raw: string, activeKid: string | undefined): SigningKeysConfig | string {
  const keys: Record<string, string> = {};
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    if (colon <= 0) return `must be a comma-separated list of kid:secret (entry ${index + 1} has no kid)`;
    const kid = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (!KID.test(kid)) return `must use kids of letters, digits, '.', '_' or '-' (entry ${index + 1})`;
    if (kid in keys) return `must not repeat kid ${kid}`;
    if (Buffer.byteLength(secret, 'utf8') < MIN_SIGNING_SECRET_BYTES) {
      return `must give key ${kid} a secret of at least ${MIN_SIGNING_SECRET_BYTES} bytes`;
    }
    keys[kid] = secret;
  }
  const kids = Object.keys(keys);
  const active = activeKid?.trim() || (kids.length === 1 ? kids[0] : undefined);
  if (active === undefined) return 'AUTH_ACTIVE_KID must name the signing key when AUTH_SIGNING_KEYS holds several';
  if (!(active in keys)) return `AUTH_ACTIVE_KID must be one of the kids in AUTH_SIGNING_KEYS (${kids.join(', ')})`;
  return { active, keys };
}
