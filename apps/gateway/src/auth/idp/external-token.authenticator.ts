import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { problems } from '../../http/problem.exception';
import type { IdpUserPrincipal, StaffPrincipal } from '../principal.types';
import { mapIdpClaims } from './idp-claims.mapper';
import { idpExternalUserId, idpUserId } from './idp-user-id.util';
import { IdentityProviderResolver } from './identity-provider.resolver';
import { RemoteJwksRegistry } from './remote-jwks.registry';

/**
 * Only asymmetric algorithms: an external IdP's keys are public, so an HS* token "signed" with a
 * public key (RS/HS confusion) and `none` are refused before any key is looked at.
 */
export const EXTERNAL_TOKEN_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
const CLOCK_TOLERANCE_SECONDS = 5;

const invalid = () => problems.unauthorized('INVALID_TOKEN', 'The token is not valid.');

/**
 * Verifies a bearer token issued by a tenant's external identity provider (ADR 0024): the
 * registered provider of the token's `iss` (which names the tenant), its JWKS (jose remote key
 * set: cached, refetched on an unknown kid), an asymmetric algorithm, the exact issuer and
 * audience, exp/nbf; then maps the user id, email and roles with the provider's mapping. A staff
 * role gives a staff principal, none an end-user principal. Every failure is 401 problem+json.
 */
@Injectable()
export class ExternalTokenAuthenticator {
  constructor(
    private readonly resolver: IdentityProviderResolver,
    private readonly jwks: RemoteJwksRegistry,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async authenticate(token: string, issuer: string): Promise<StaffPrincipal | IdpUserPrincipal> {
    const resolved = await this.resolver.resolve(issuer);
    if (!resolved || resolved.provider.status !== 'active') throw invalid();
    const { provider } = resolved;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks.keySet(provider.jwksUrl), {
        algorithms: EXTERNAL_TOKEN_ALGORITHMS,
        issuer: provider.issuer,
        audience: provider.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw this.refusal(error, provider.id);
    }
    const user = mapIdpClaims(provider, payload);
    if (!user) throw invalid();
    const externalUserId = idpExternalUserId(provider.id, user.subject);
    const userId = idpUserId(provider.id, user.subject);
    if (user.role)
      return { kind: 'staff', userId, tenantId: provider.tenantId, role: user.role, idp: { providerId: provider.id, externalUserId } };
    return {
      kind: 'idp_user',
      tenantId: provider.tenantId,
      userId,
      externalUserId,
      providerId: provider.id,
      ...(user.email ? { email: user.email } : {}),
    };
  }

  private refusal(error: unknown, providerId: string) {
    if (error instanceof joseErrors.JWTExpired) return problems.unauthorized('EXPIRED_TOKEN', 'The token has expired.');
    if (error instanceof joseErrors.JWKSTimeout || (error instanceof joseErrors.JOSEError && error.code === 'ERR_JOSE_GENERIC')) {
      // The IdP's JWKS could not be read: not the caller's fault, but nothing can be verified.
      this.logger.warn({ provider_id: providerId, err: error }, 'identity provider JWKS unavailable');
    }
    if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return invalid();
    return error;
  }
}
