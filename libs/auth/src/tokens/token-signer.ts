import { randomUUID } from 'node:crypto';
import { AuthError } from '../errors/auth-error';
import { signJws } from './jws-hs256';
import type { SigningKeyRing } from './signing-key-ring';

export const TOKEN_ISSUER = 'parley';

export type Clock = () => Date;

export interface TokenClockOptions {
  /** Injectable for tests; defaults to the system clock. */
  clock?: Clock;
}

export interface SignTokenInput {
  audience: string;
  subject: string;
  ttlSeconds: number;
  /** Extra private claims; the registered ones (iss, aud, sub, iat, exp, jti) cannot be overridden. */
  claims?: Record<string, unknown>;
}

export interface SignedToken {
  token: string;
  jti: string;
  /** Expiry as a date (the `exp` claim). */
  expiresAt: Date;
}

const REGISTERED = new Set(['iss', 'aud', 'sub', 'iat', 'exp', 'nbf', 'jti']);

/** Signs JWTs with the ring's active key: header `kid`, claims iss, aud, sub, iat, exp, jti. */
export class TokenSigner {
  private readonly clock: Clock;

  constructor(
    private readonly ring: SigningKeyRing,
    options: TokenClockOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async sign(input: SignTokenInput): Promise<SignedToken> {
    if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds <= 0) {
      throw new AuthError('INVALID_CLAIMS', 'ttlSeconds must be a positive integer');
    }
    if (typeof input.subject !== 'string' || input.subject.length === 0) {
      throw new AuthError('INVALID_CLAIMS', 'subject must be a non-empty string');
    }
    const clash = Object.keys(input.claims ?? {}).find((name) => REGISTERED.has(name));
    if (clash !== undefined) throw new AuthError('INVALID_CLAIMS', `claim ${clash} is reserved`);
    const iat = Math.floor(this.clock().getTime() / 1000);
    const exp = iat + input.ttlSeconds;
    const jti = randomUUID();
    const payload = { ...input.claims, iss: TOKEN_ISSUER, aud: input.audience, sub: input.subject, iat, exp, jti };
    return { token: signJws(this.ring.signingKey(), payload), jti, expiresAt: new Date(exp * 1000) };
  }
}
