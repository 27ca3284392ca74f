import { AuthError } from '../errors/auth-error';
import { decodeJws, verifyJwsSignature, type JwtPayload } from './jws-hs256';
import type { SigningKeyRing } from './signing-key-ring';
import { TOKEN_ISSUER, type Clock, type TokenClockOptions } from './token-signer';

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

function isIntegerClaim(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Verifies a token against the ring: the key by header `kid` (UNKNOWN_KEY when removed), the
 * HS256 signature, issuer, one expected audience (WRONG_AUDIENCE), `exp` (EXPIRED_TOKEN), and the
 * presence and types of sub, iat, jti.
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
    const decoded = decodeJws(token);
    verifyJwsSignature(this.ring.verificationKey(decoded.kid), decoded);
    const { payload } = decoded;
    if (payload.iss !== TOKEN_ISSUER) throw new AuthError('INVALID_TOKEN', 'token issuer is not accepted');
    if (payload.aud !== expectedAudience) throw new AuthError('WRONG_AUDIENCE', 'token is not meant for this audience');
    const { sub, iat, exp, jti } = payload;
    if (typeof sub !== 'string' || sub.length === 0) throw new AuthError('INVALID_TOKEN', 'token has no subject');
    if (!isIntegerClaim(iat) || !isIntegerClaim(exp)) throw new AuthError('INVALID_TOKEN', 'token has no valid iat/exp');
    if (typeof jti !== 'string' || jti.length === 0) throw new AuthError('INVALID_TOKEN', 'token has no jti');
    const now = Math.floor(this.clock().getTime() / 1000);
    if (iat > now + this.tolerance) throw new AuthError('INVALID_TOKEN', 'token is issued in the future');
    if (exp <= now - this.tolerance) throw new AuthError('EXPIRED_TOKEN', 'token has expired');
    return { kid: decoded.kid, subject: sub, audience: expectedAudience, issuedAt: iat, expiresAt: exp, jti, payload };
  }
}
