import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SecretBoxErrorCode = 'unknown_kid' | 'tampered' | 'malformed';

export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export interface SealedSecret {
  /** iv (12 bytes) | GCM tag (16 bytes) | ciphertext. */
  ciphertext: Buffer;
  /** The key that sealed it; stored beside the ciphertext so old rows open after a key rotation. */
  keyId: string;
}

export interface SecretBoxOptions {
  /** Named 32-byte AES keys; any of them opens, the active one seals. */
  keys: ReadonlyMap<string, Buffer>;
  activeKid: string;
  /**
   * What the secrets are for (e.g. 'parley-notifier-secret'): the first part of the authenticated
   * data, so a ciphertext of one purpose never opens as another even under the same key. Changing
   * it makes every row sealed before unreadable.
   */
  purpose: string;
  /** The variable the keys come from, named in error messages (e.g. NOTIFIER_SECRET_KEYS). */
  envName: string;
}

/**
 * Encrypts secrets at rest (the notifier's channel secrets, integration credentials) with
 * AES-256-GCM under named keys. New secrets are sealed with the active key; any configured key
 * opens, so rotating the active key needs no migration. The purpose, the key id and an optional
 * context (e.g. the row id) are authenticated data: a ciphertext moved to another row,
 * relabelled with another kid or sealed for another purpose does not open.
 */
export class SecretBox {
  constructor(private readonly options: SecretBoxOptions) {
    if (!options.purpose) throw new SecretBoxError('malformed', 'a secret box needs a purpose');
    if (!options.keys.has(options.activeKid))
      throw new SecretBoxError('unknown_kid', `the active secret key "${options.activeKid}" is not configured (${options.envName})`);
  }

  seal(plaintext: string, context = ''): SealedSecret {
    const keyId = this.options.activeKid;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.aad(keyId, context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), data]), keyId };
  }

  open(ciphertext: Uint8Array, keyId: string, context = ''): string {
    const key = this.key(keyId);
    if (ciphertext.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('malformed', 'sealed secret is too short');
    const bytes = Buffer.from(ciphertext);
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(this.aad(keyId, context));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(
        'tampered',
        `sealed secret does not authenticate under key "${keyId}" (tampered, wrong key or wrong context)`,
      );
    }
  }

  /**
   * Opens a secret sealed for `context` (e.g. a channel id). Rows sealed before secrets were bound to
   * their row (no context) still open, flagged `reseal` like a secret under a retired key:
   * the caller seals it again with `seal(plaintext, context)`. A ciphertext bound to another
   * context never opens.
   */
  openBound(ciphertext: Uint8Array, keyId: string, context: string): { plaintext: string; reseal: boolean } {
    if (!context) throw new SecretBoxError('malformed', 'a bound secret needs its context');
    try {
      return { plaintext: this.open(ciphertext, keyId, context), reseal: this.isStale(keyId) };
    } catch (error) {
      if (!(error instanceof SecretBoxError) || error.code !== 'tampered') throw error;
      return { plaintext: this.open(ciphertext, keyId, ''), reseal: true };
    }
  }

  /** True when a secret sealed under `keyId` should be re-sealed with the active key. */
  isStale(keyId: string): boolean {
    return keyId !== this.options.activeKid;
  }

  private key(keyId: string): Buffer {
    const key = this.options.keys.get(keyId);
    if (!key) throw new SecretBoxError('unknown_kid', `no secret key "${keyId}" is configured (${this.options.envName})`);
    return key;
  }

  private aad(keyId: string, context: string): Buffer {
    return Buffer.from(`${this.options.purpose}\0${keyId}\0${context}`, 'utf8');
  }
}
