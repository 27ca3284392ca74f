import { errors as joseErrors, jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { AuthError } from '../errors/auth-error';
import type { SigningKeyRing } from './signing-key-ring';
import { TOKEN_ALGORITHM, TOKEN_ISSUER, type Clock, type TokenClockOptions } from './token-signer';

export type JwtPayload = Record<string, unknown>;

export interface TokenVerifierOptions extends TokenClockOptions {
  /** Seconds of skew accepted on `exp` and `iat`; 0 by default. */
  clockToleranceSeconds?: number;
}

export interface VerifiedToken {
  kid: string;
  subject: string;
  audience: string;
  issuedAt: number;
  expiresAt: number;
  jti: string;
  /** Every claim of the payload, registered ones included. */
  payload: JwtPayload;
}

/** Three base64url segments, nothing else (no padding, no whitespace): checked before jose sees it. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function isIntegerClaim(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** jose's failures as AuthErrors: expiry is EXPIRED_TOKEN, everything else INVALID_TOKEN. */
export function authErrorFromJose(error: unknown): unknown {
  if (error instanceof AuthError) return error;
  if (error instanceof joseErrors.JWTExpired) return new AuthError('EXPIRED_TOKEN', 'token has expired');
  if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
    return new AuthError('INVALID_TOKEN', `token is not valid (${error instanceof joseErrors.JOSEError ? error.code : 'malformed'})`);
  }
  return error;
}

/**
 * Verifies a token with jose against the ring: HS256 only (the algorithm is fixed here, never
 * taken from the token, so `none` and RS/HS confusion fail), the key by header `kid`
 * (UNKNOWN_KEY when removed from the ring), the signature, issuer and `exp` (EXPIRED_TOKEN);
 * then one expected audience as a plain string (WRONG_AUDIENCE) and the presence and types of
 * sub, iat, jti, with `iat` not in the future.
 */
export class TokenVerifier {
  private readonly clock: Clock;
  private readonly tolerance: number;

  constructor(
    private readonly ring: SigningKeyRing,
    options: TokenVerifierOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.tolerance = options.clockToleranceSeconds ?? 0;
  }

  async verify(token: string, expectedAudience: string): Promise<VerifiedToken> {
    if (typeof token !== 'string' || !COMPACT_JWS.test(token)) throw new AuthError('INVALID_TOKEN', 'token is not a compact JWS');
    const now = this.clock();
    let payload: JWTPayload;
    let kid: string;
    try {
      const verified = await jwtVerify(token, (header: JWTHeaderParameters) => this.keyFor(header), {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        currentDate: now,
        clockTolerance: this.tolerance,
      });
      payload = verified.payload;
      kid = verified.protectedHeader.kid as string;
    } catch (error) {
      throw authErrorFromJose(error);
    }
    if (payload.aud !== expectedAudience) throw new AuthError('WRONG_AUDIENCE', 'token is not meant for this audience');
    const { sub, iat, exp, jti } = payload;
    if (typeof sub !== 'string' || sub.length === 0) throw new AuthError('INVALID_TOKEN', 'token has no subject');
    if (!isIntegerClaim(iat) || !isIntegerClaim(exp)) throw new AuthError('INVALID_TOKEN', 'token has no valid iat/exp');
    if (typeof jti !== 'string' || jti.length === 0) throw new AuthError('INVALID_TOKEN', 'token has no jti');
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (iat > nowSeconds + this.tolerance) throw new AuthError('INVALID_TOKEN', 'token is issued in the future');
    if (exp <= nowSeconds - this.tolerance) throw new AuthError('EXPIRED_TOKEN', 'token has expired');
    return { kid, subject: sub, audience: expectedAudience, issuedAt: iat, expiresAt: exp, jti, payload: payload as JwtPayload };
  }

  private keyFor(header: JWTHeaderParameters): Uint8Array {
    if (typeof header.kid !== 'string' || header.kid.length === 0) throw new AuthError('INVALID_TOKEN', 'token header has no key id');
    return this.ring.verificationKey(header.kid).secret;
  }
}
