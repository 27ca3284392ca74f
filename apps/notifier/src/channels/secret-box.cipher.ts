import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { NotifierOptions } from '../config/env.schema';

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

/**
 * Encrypts channel secrets at rest (webhook signing secrets, Slack and Discord URLs) with
 * AES-256-GCM under named keys (NOTIFIER_SECRET_KEYS). New secrets are sealed with the active
 * key; any configured key opens, so rotating the active key needs no migration. The key id
 * and an optional context (e.g. the channel id) are authenticated data: a ciphertext moved to
 * another row or relabelled with another kid does not open.
 */
export class SecretBox {
  constructor(private readonly options: Pick<NotifierOptions, 'secretKeys' | 'activeSecretKid'>) {
    if (!options.secretKeys.has(options.activeSecretKid))
      throw new SecretBoxError('unknown_kid', `the active secret key "${options.activeSecretKid}" is not configured`);
  }

  seal(plaintext: string, context = ''): SealedSecret {
    const keyId = this.options.activeSecretKid;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(keyId, context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), data]), keyId };
  }

  open(ciphertext: Uint8Array, keyId: string, context = ''): string {
    const key = this.key(keyId);
    if (ciphertext.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('malformed', 'sealed secret is too short');
    const bytes = Buffer.from(ciphertext);
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId, context));
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
   * Opens a secret sealed for `context` (a channel id). Rows sealed before secrets were bound to
   * their channel (no context) still open, flagged `reseal` like a secret under a retired key:
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
    return keyId !== this.options.activeSecretKid;
  }

  private key(keyId: string): Buffer {
    const key = this.options.secretKeys.get(keyId);
    if (!key) throw new SecretBoxError('unknown_kid', `no secret key "${keyId}" is configured (NOTIFIER_SECRET_KEYS)`);
    return key;
  }
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`parley-notifier-secret\0${keyId}\0${context}`, 'utf8');
}
