import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../../config/env.schema';
import { GATEWAY_CONFIG } from '../../config/gateway-config.token';

/** JWKS URLs whose key sets are kept; beyond it the oldest is dropped (and refetched when used). */
const MAX_KEY_SETS = 1000;

/**
 * One jose remote key set per JWKS URL, shared by every request: keys are fetched once and kept
 * IDP_JWKS_CACHE_MAX_AGE_MS; a token whose `kid` is not in the set makes jose fetch the JWKS again
 * (key rotation at the IdP), at most once per IDP_JWKS_COOLDOWN_MS, each fetch within
 * IDP_JWKS_TIMEOUT_MS. A kid still unknown after the refetch fails verification.
 */
@Injectable()
export class RemoteJwksRegistry {
  private readonly sets = new Map<string, JWTVerifyGetKey>();

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: AppConfig) {}

  keySet(jwksUrl: string): JWTVerifyGetKey {
    const existing = this.sets.get(jwksUrl);
    if (existing) return existing;
    const { jwksCooldownMs, jwksCacheMaxAgeMs, jwksTimeoutMs } = this.config.auth.idp;
    const set = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: jwksCooldownMs,
      cacheMaxAge: jwksCacheMaxAgeMs,
      timeoutDuration: jwksTimeoutMs,
    });
    if (this.sets.size >= MAX_KEY_SETS) {
      const oldest = this.sets.keys().next();
      if (!oldest.done) this.sets.delete(oldest.value);
    }
    this.sets.set(jwksUrl, set);
    return set;
  }
}
