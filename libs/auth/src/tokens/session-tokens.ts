import { AuthError } from '../errors/auth-error';
import { isValidId } from './claim-values';
import type { SignedToken, TokenSigner } from './token-signer';
import type { TokenVerifier } from './token-verifier';

export const SESSION_TOKEN_AUDIENCE = 'parley:session';
export const DEFAULT_SESSION_TOKEN_TTL_SECONDS = 86_400;

export interface IssueSessionTokenInput {
  tenantId: string;
  sessionId: string;
  ttlSeconds?: number;
}

export interface VerifySessionTokenOptions {
  /** The session named by the request (e.g. the `:id` route parameter): SESSION_MISMATCH otherwise. */
  expectedSessionId?: string;
}

export interface SessionTokenClaims {
  tenantId: string;
  sessionId: string;
  jti: string;
  expiresAt: Date;
}

/** Browser session tokens: bound to one tenant (`tid`) and one session (`sub`), 24 h by default. */
export class SessionTokens {
  constructor(
    private readonly signer: TokenSigner,
    private readonly verifier: TokenVerifier,
  ) {}

  async issueSessionToken(input: IssueSessionTokenInput): Promise<SignedToken> {
    if (!isValidId(input.tenantId)) throw new AuthError('INVALID_CLAIMS', 'tenantId must be a non-empty id');
    if (!isValidId(input.sessionId)) throw new AuthError('INVALID_CLAIMS', 'sessionId must be a non-empty id');
    return this.signer.sign({
      audience: SESSION_TOKEN_AUDIENCE,
      subject: input.sessionId,
      ttlSeconds: input.ttlSeconds ?? DEFAULT_SESSION_TOKEN_TTL_SECONDS,
      claims: { tid: input.tenantId },
    });
  }

  async verifySessionToken(token: string, options: VerifySessionTokenOptions = {}): Promise<SessionTokenClaims> {
    const verified = await this.verifier.verify(token, SESSION_TOKEN_AUDIENCE);
    const tenantId = verified.payload.tid;
    if (!isValidId(tenantId)) throw new AuthError('INVALID_TOKEN', 'session token has no tenant');
    if (options.expectedSessionId !== undefined && verified.subject !== options.expectedSessionId) {
      throw new AuthError('SESSION_MISMATCH', 'session token belongs to another session');
    }
    return { tenantId, sessionId: verified.subject, jti: verified.jti, expiresAt: new Date(verified.expiresAt * 1000) };
  }
}
