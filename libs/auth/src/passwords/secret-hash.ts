import bcrypt from 'bcrypt';

/**
 * bcrypt hashing for API keys and staff passwords. bcrypt reads at most 72 bytes; API keys
 * (48 bytes) fit, and passwords longer than 72 bytes are rejected rather than silently cut.
 */
export const DEFAULT_BCRYPT_COST = 12;
const BCRYPT_MAX_BYTES = 72;

export async function hashSecret(secret: string, cost = DEFAULT_BCRYPT_COST): Promise<string> {
  if (Buffer.byteLength(secret, 'utf8') > BCRYPT_MAX_BYTES) throw new Error('secret longer than 72 bytes');
  return bcrypt.hash(secret, cost);
}

export async function verifySecret(secret: string, hash: string): Promise<boolean> {
  if (Buffer.byteLength(secret, 'utf8') > BCRYPT_MAX_BYTES) return false;
  return bcrypt.compare(secret, hash);
}
