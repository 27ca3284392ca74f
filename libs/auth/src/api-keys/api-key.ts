import { randomBytes } from 'node:crypto';

/** Tenant API keys: `sk_live_` + 40 base62 characters (~238 bits of entropy). */
export const API_KEY_SCHEME = 'sk_live_';
const SECRET_LENGTH = 40;
/** Characters after the scheme kept in clear as the lookup prefix (indexed, unique). */
export const API_KEY_PREFIX_CHARS = 10;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = new RegExp(`^${API_KEY_SCHEME}[0-9A-Za-z]{${SECRET_LENGTH}}$`);

export interface GeneratedApiKey {
  /** The full key: shown to the tenant once, never stored. */
  key: string;
  /** `sk_live_` + the first characters of the secret: stored in clear to find the row. */
  prefix: string;
}

export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    // Rejection sampling keeps the distribution uniform (248 = 4 * 62).
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_SCHEME + randomBase62(SECRET_LENGTH);
  return { key, prefix: apiKeyPrefix(key) };
}

export function isWellFormedApiKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}

/** The stored lookup prefix of a well-formed key; throws on anything else. */
export function apiKeyPrefix(key: string): string {
  if (!isWellFormedApiKey(key)) throw new Error('malformed API key');
  return key.slice(0, API_KEY_SCHEME.length + API_KEY_PREFIX_CHARS);
}
