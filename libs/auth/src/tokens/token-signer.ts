import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { AuthError } from '../errors/auth-error';
import type { SigningKeyRing } from './signing-key-ring';

export const TOKEN_ISSUER = 'parley';
/** Parley's own tokens are HS256 with a `kid` from the ring: the only algorithm the verifier accepts for them. */
export const TOKEN_ALGORITHM = 'HS256';

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

/**
 * Signs JWTs with jose and the ring's active key: header `{ alg: HS256, typ: JWT, kid }`, claims
 * iss, aud, sub, iat, exp, jti (plus the caller's private claims).
 */
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
    const key = this.ring.signingKey();
    const token = await new SignJWT({ ...input.claims, iss: TOKEN_ISSUER, aud: input.audience, sub: input.subject, iat, exp, jti })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: key.kid })
      .sign(key.secret);
    return { token, jti, expiresAt: new Date(exp * 1000) };
  }
}
