import { createHash } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { AuthError } from '../errors/auth-error';
import type { SigningKeyRing } from './signing-key-ring';
import { TOKEN_ALGORITHM, TOKEN_ISSUER, type Clock, type TokenClockOptions } from './token-signer';

export type JwtPayload = Record<string, unknown>;

export interface TokenVerifierOptions extends TokenClockOptions {
  /** Seconds of skew accepted on `exp` and `iat`; 0 by default. */
  clockToleranceSeconds?: number;
  /**
   * How many tokens whose signature held are remembered, so the same token presented again skips
   * the HMAC (WebCrypto: two thread-pool hops per verification); 0 (default): none. Only the
   * signature is remembered: the time checks, audience and claims run on every call.
   */
  verifiedCacheSize?: number;
}

interface SignatureChecked {
  kid: string;
  payload: JWTPayload;
}

export interface VerifiedToken {
  kid: string;
  subject: string;
  audience: string;
  issuedAt: number;
  expiresAt: number;
  jti: string;
  /** Every claim of the payload, registered ones included; frozen, nested objects too (a remembered token shares it). */
  payload: JwtPayload;
}

/** Three base64url segments, nothing else (no padding, no whitespace): checked before jose sees it. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Freezes `value` and every object or array inside it (a JWT payload: plain JSON, no cycles). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

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
 * sub, iat, jti, with `iat` not in the future. With `verifiedCacheSize`, a token presented again
 * (a session's next turn) skips the signature; everything else is checked as the first time.
 */
export class TokenVerifier {
  private readonly clock: Clock;
  private readonly tolerance: number;
  private readonly cacheSize: number;
  /** SHA-256 (base64) of a token whose signature held -> its key id and payload, oldest first. */
  private readonly checked = new Map<string, SignatureChecked>();

  constructor(
    private readonly ring: SigningKeyRing,
    options: TokenVerifierOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.tolerance = options.clockToleranceSeconds ?? 0;
    this.cacheSize = Math.max(0, Math.floor(options.verifiedCacheSize ?? 0));
  }

  async verify(token: string, expectedAudience: string): Promise<VerifiedToken> {
    if (typeof token !== 'string' || !COMPACT_JWS.test(token)) throw new AuthError('INVALID_TOKEN', 'token is not a compact JWS');
    const now = this.clock();
    const { kid, payload } = await this.checkSignature(token, now);
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

  /**
   * jose's verification (algorithm, key, signature, issuer, exp and nbf), or, for a token whose
   * signature already held (the exact same string, remembered by its SHA-256), exp and nbf again
   * as jose checks them: the ring cannot change while the process runs, so the signature cannot
   * stop holding, and the times are checked against the clock on every call.
   */
  private async checkSignature(token: string, now: Date): Promise<SignatureChecked> {
    const digest = this.cacheSize > 0 ? createHash('sha256').update(token).digest('base64') : undefined;
    const known = digest === undefined ? undefined : this.checked.get(digest);
    if (known) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const { exp, nbf } = known.payload;
      if (typeof exp === 'number' && exp <= nowSeconds - this.tolerance) throw new AuthError('EXPIRED_TOKEN', 'token has expired');
      if (typeof nbf === 'number' && nbf > nowSeconds + this.tolerance) throw new AuthError('INVALID_TOKEN', 'token is not valid yet');
      return known;
    }
    let checked: SignatureChecked;
    try {
      const verified = await jwtVerify(token, (header: JWTHeaderParameters) => this.keyFor(header), {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        currentDate: now,
        clockTolerance: this.tolerance,
      });
      // Frozen: a remembered token returns this same object on every call, so no caller may change it for the next one.
      checked = { kid: verified.protectedHeader.kid as string, payload: deepFreeze(verified.payload) };
    } catch (error) {
      throw authErrorFromJose(error);
    }
    if (digest !== undefined) {
      // Oldest first out: a token in use is verified again after its entry went, nothing more.
      if (this.checked.size >= this.cacheSize) this.checked.delete(this.checked.keys().next().value as string);
      this.checked.set(digest, checked);
    }
    return checked;
  }

  private keyFor(header: JWTHeaderParameters): Uint8Array {
    if (typeof header.kid !== 'string' || header.kid.length === 0) throw new AuthError('INVALID_TOKEN', 'token header has no key id');
    return this.ring.verificationKey(header.kid).secret;
  }
}
