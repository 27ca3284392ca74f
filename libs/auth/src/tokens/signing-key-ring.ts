import { AuthError } from '../errors/auth-error';

/** HS256 secrets must carry at least 256 bits (RFC 7518 §3.2). */
export const MIN_SIGNING_SECRET_BYTES = 32;
const KID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `{ active: 'k2', keys: { k1: secret, k2: secret } }`: `active` signs new tokens; every key in
 * `keys` still verifies tokens carrying its `kid` until it is removed from the config.
 */
export interface SigningKeyRingConfig {
  active: string;
  keys: Readonly<Record<string, string | Uint8Array>>;
}

export interface SigningKey {
  kid: string;
  secret: Buffer;
}

export class SigningKeyRing {
  private constructor(
    private readonly activeKid: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
  ) {}

  /** Validates the whole config and throws one INVALID_KEY_CONFIG error listing every problem. */
  static fromConfig(config: SigningKeyRingConfig): SigningKeyRing {
    const problems: string[] = [];
    const keys = new Map<string, Buffer>();
    if (config === null || typeof config !== 'object' || config.keys === null || typeof config.keys !== 'object') {
      throw new AuthError('INVALID_KEY_CONFIG', 'signing key config must be { active, keys }');
    }
    for (const [kid, raw] of Object.entries(config.keys)) {
      if (!KID_PATTERN.test(kid)) problems.push(`kid ${JSON.stringify(kid)} must match ${KID_PATTERN.source}`);
      const secret = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw instanceof Uint8Array ? Buffer.from(raw) : null;
      if (secret === null) {
        problems.push(`key ${kid}: secret must be a string or bytes`);
        continue;
      }
      if (secret.length < MIN_SIGNING_SECRET_BYTES) {
        problems.push(`key ${kid}: secret must be at least ${MIN_SIGNING_SECRET_BYTES} bytes`);
      }
      keys.set(kid, secret);
    }
    if (keys.size === 0) problems.push('at least one signing key is required');
    if (typeof config.active !== 'string' || !keys.has(config.active)) {
      problems.push(`active key ${JSON.stringify(config.active)} is not among the keys`);
    }
    if (problems.length > 0) throw new AuthError('INVALID_KEY_CONFIG', `invalid signing keys: ${problems.join('; ')}`);
    return new SigningKeyRing(config.active, keys);
  }

  /** The key new tokens are signed with. */
  signingKey(): SigningKey {
    return { kid: this.activeKid, secret: this.keys.get(this.activeKid) as Buffer };
  }

  /** The key for a token's `kid`; UNKNOWN_KEY once that key has been removed from the ring. */
  verificationKey(kid: string): SigningKey {
    const secret = this.keys.get(kid);
    if (secret === undefined) throw new AuthError('UNKNOWN_KEY', 'token signed with an unknown key');
    return { kid, secret };
  }

  get kids(): readonly string[] {
    return [...this.keys.keys()];
  }
}
