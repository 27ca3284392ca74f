import { z } from 'zod';

/**
 * An environment variable holding `kid:base64key,kid:base64key`: AES-256 keys (32 bytes each)
 * that seal secrets at rest with SecretBox. Several keys let a new key take over sealing while
 * rows sealed under the old one still open (rotation without downtime).
 */
export const secretKeyRingSchema = z.string().transform((raw, ctx): Map<string, Buffer> => {
  const keys = new Map<string, Buffer>();
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    const kid = part.slice(0, at);
    const key = Buffer.from(part.slice(at + 1), 'base64');
    if (at < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(kid) || key.length !== 32 || keys.has(kid)) {
      ctx.addIssue({ code: 'custom', message: 'must be kid:base64 pairs, each key 32 bytes (openssl rand -base64 32), kids unique' });
      return z.NEVER;
    }
    keys.set(kid, key);
  }
  if (keys.size === 0) {
    ctx.addIssue({ code: 'custom', message: 'must name at least one kid:base64 key' });
    return z.NEVER;
  }
  return keys;
});

/**
 * The problem with a key ring and its active kid, or null: the active kid must be one of the
 * ring's, and is required when the ring has several keys. `keysVar`/`kidVar` name the variables.
 */
export function activeKidProblem(
  keys: ReadonlyMap<string, Buffer> | undefined,
  kid: string | undefined,
  keysVar: string,
  kidVar: string,
): { path: string; message: string } | null {
  if (keys === undefined) return kid === undefined ? null : { path: kidVar, message: `is set but ${keysVar} is not` };
  if (kid !== undefined && !keys.has(kid)) return { path: kidVar, message: `must be one of the kids in ${keysVar}` };
  if (kid === undefined && keys.size > 1) return { path: kidVar, message: `is required when ${keysVar} has several keys` };
  return null;
}

/** The kid that seals: the configured one, or the ring's only key. */
export function activeKid(keys: ReadonlyMap<string, Buffer>, kid: string | undefined): string {
  return kid ?? [...keys.keys()][0];
}
