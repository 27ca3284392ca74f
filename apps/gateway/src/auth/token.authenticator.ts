import { Inject, Injectable } from '@nestjs/common';
import { isAuthError, SessionTokens, TOKEN_ISSUER, UserTokens, type UserTokenClaims } from '@parley/auth';
import { decodeJwt } from 'jose';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { problems } from '../http/problem.exception';
import { problemForAuthError } from './auth-problems.mapper';
import { ExternalTokenAuthenticator } from './idp/external-token.authenticator';
import type { Principal } from './principal.types';
import { UserTokenStateCache } from './user-token-state.cache';

type HeaderValue = string | string[] | undefined;

/** The unverified `iss` of a JWT (only to choose the verifier), or undefined when it has none or is not a JWT. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Authenticates bearer JWTs. Parley's own tokens (iss `parley`, or none) are verified with the
 * signing key ring; their audience decides what they are: a browser session token (one tenant,
 * one session) or a user token (owner or tenant staff). A staff token carrying a token version is
 * checked against the user's current state (disabled, password or role changed: 401
 * TOKEN_REVOKED). Any other issuer goes to the tenant's registered external identity provider.
 * An `X-Tenant-ID` header, when present, must name the token's tenant (401 TENANT_MISMATCH); it
 * never chooses the tenant.
 */
@Injectable()
export class TokenAuthenticator {
  constructor(
    private readonly sessionTokens: SessionTokens,
    private readonly userTokens: UserTokens,
    private readonly userStates: UserTokenStateCache,
    private readonly external: ExternalTokenAuthenticator,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Whether the token is one of Parley's own (checked with the signing key ring, no lookup before
   * its signature holds) rather than an identity provider's (whose issuer and keys are looked up).
   */
  verifiesLocally(token: string): boolean {
    const issuer = unverifiedIssuer(token);
    return issuer === undefined || issuer === TOKEN_ISSUER;
  }

  async authenticate(token: string, tenantHeader?: HeaderValue): Promise<Principal> {
    const issuer = unverifiedIssuer(token);
    const principal =
      issuer !== undefined && issuer !== TOKEN_ISSUER ? await this.external.authenticate(token, issuer) : await this.own(token);
    if (tenantHeader !== undefined) {
      const tenantId = principal.kind === 'owner' ? undefined : principal.tenantId;
      if (typeof tenantHeader !== 'string' || tenantHeader.trim().toLowerCase() !== tenantId?.toLowerCase()) {
        throw problems.unauthorized('TENANT_MISMATCH', 'X-Tenant-ID does not name the tenant of the token.');
      }
    }
    return principal;
  }

  private async own(token: string): Promise<Principal> {
    try {
      const session = await this.sessionTokens.verifySessionToken(token);
      return { kind: 'session', tenantId: session.tenantId, sessionId: session.sessionId };
    } catch (error) {
      if (!isAuthError(error, 'WRONG_AUDIENCE')) throw isAuthError(error) ? problemForAuthError(error) : error;
    }
    let user: UserTokenClaims;
    try {
      user = await this.userTokens.verifyUserToken(token);
    } catch (error) {
      throw isAuthError(error) ? problemForAuthError(error) : error;
    }
    if (user.role === 'owner') return { kind: 'owner', userId: user.userId };
    await this.assertNotRevoked(user);
    return { kind: 'staff', userId: user.userId, tenantId: user.tenantId, role: user.role };
  }

  /**
   * The token's version, role and the user's status against the stored ones (cached a few
   * seconds, dropped by evt.tenant.updated). Tokens issued before token versions existed carry
   * none: accepted until they expire unless AUTH_REQUIRE_TOKEN_VERSION is on.
   */
  private async assertNotRevoked(user: Extract<UserTokenClaims, { role: 'tenant_admin' | 'tenant_agent' }>): Promise<void> {
    if (user.tokenVersion === undefined) {
      if (this.config.auth.requireTokenVersion) throw problems.unauthorized('TOKEN_REVOKED', 'The token has been revoked; sign in again.');
      return;
    }
    const state = await this.userStates.get(user.tenantId, user.userId);
    if (!state || state.status !== 'active' || state.tokenVersion !== user.tokenVersion || state.role !== user.role) {
      throw problems.unauthorized('TOKEN_REVOKED', 'The token has been revoked; sign in again.');
    }
  }
}
