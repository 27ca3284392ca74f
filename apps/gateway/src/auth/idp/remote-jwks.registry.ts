import { Inject, Injectable } from '@nestjs/common';
import { GuardedHttpTransport } from '@parley/integrations';
import { createRemoteJWKSet, customFetch, errors as joseErrors, type FetchImplementation, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../../config/env.schema';
import { GATEWAY_CONFIG } from '../../config/gateway-config.token';

/** JWKS URLs whose key sets are kept; beyond it the oldest is dropped (and refetched when used). */
const MAX_KEY_SETS = 1000;

/**
 * One jose remote key set per JWKS URL, shared by every request: keys are fetched once and kept
 * IDP_JWKS_CACHE_MAX_AGE_MS; a token whose `kid` is not in the set makes jose fetch the JWKS again
 * (key rotation at the IdP), at most once per IDP_JWKS_COOLDOWN_MS, each fetch within
 * IDP_JWKS_TIMEOUT_MS. A kid still unknown after the refetch fails verification.
 *
 * Every fetch goes through libs/integrations' SSRF-guarded transport (jose's customFetch): the
 * URL was checked when the provider was saved, but its host's DNS answer can change since, so each
 * fetch vets every address the host resolves to and connects to the vetted one (no DNS
 * rebinding to a private address), follows no redirect and reads at most 2 MB. Private targets
 * only with IDP_JWKS_ALLOW_PRIVATE_TARGETS (tests, local development). A refused fetch is a JWKS
 * that cannot be read: the token is refused (401) and the refusal logged.
 */
@Injectable()
export class RemoteJwksRegistry {
  private readonly sets = new Map<string, JWTVerifyGetKey>();
  private readonly fetchJwks: FetchImplementation;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: AppConfig) {
    const transport = new GuardedHttpTransport({
      allowPrivateTargets: config.auth.idp.jwksAllowPrivateTargets,
      maxResponseBytes: 2 * 1024 * 1024,
    });
    this.fetchJwks = async (url, options) => {
      try {
        return await transport.get(url, { headers: options.headers, signal: options.signal });
      } catch (error) {
        // jose reads a JOSEError as a JWKS that could not be fetched (verification fails, 401).
        throw new joseErrors.JOSEError(`JWKS fetch refused: ${(error as Error).message}`);
      }
    };
  }

  keySet(jwksUrl: string): JWTVerifyGetKey {
    const existing = this.sets.get(jwksUrl);
    if (existing) return existing;
    const { jwksCooldownMs, jwksCacheMaxAgeMs, jwksTimeoutMs } = this.config.auth.idp;
    const set = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: jwksCooldownMs,
      cacheMaxAge: jwksCacheMaxAgeMs,
      timeoutDuration: jwksTimeoutMs,
      [customFetch]: this.fetchJwks,
    });
    if (this.sets.size >= MAX_KEY_SETS) {
      const oldest = this.sets.keys().next();
      if (!oldest.done) this.sets.delete(oldest.value);
    }
    this.sets.set(jwksUrl, set);
    return set;
  }
}
