import { Injectable } from '@nestjs/common';
import { isAuthError, SessionTokens, UserTokens } from '@parley/auth';
import { problemForAuthError } from './auth-problems.mapper';
import type { Principal } from './principal.types';

/**
 * Authenticates bearer JWTs. The token's audience decides what it is: a browser session token
 * (bound to one tenant and session) or a user token (owner or tenant staff). Signature, key
 * id, issuer and expiry are checked by @parley/auth; failures map to 401 problems.
 */
@Injectable()
export class TokenAuthenticator {
  constructor(
    private readonly sessionTokens: SessionTokens,
    private readonly userTokens: UserTokens,
  ) {}

  async authenticate(token: string): Promise<Principal> {
    try {
      const session = await this.sessionTokens.verifySessionToken(token);
      return { kind: 'session', tenantId: session.tenantId, sessionId: session.sessionId };
    } catch (error) {
      if (!isAuthError(error, 'WRONG_AUDIENCE')) throw isAuthError(error) ? problemForAuthError(error) : error;
    }
    try {
      const user = await this.userTokens.verifyUserToken(token);
      return user.role === 'owner'
        ? { kind: 'owner', userId: user.userId }
        : { kind: 'staff', userId: user.userId, tenantId: user.tenantId, role: user.role };
    } catch (error) {
      throw isAuthError(error) ? problemForAuthError(error) : error;
    }
  }
}
