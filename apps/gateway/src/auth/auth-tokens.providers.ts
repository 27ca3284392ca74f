import type { Provider } from '@nestjs/common';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier, UserTokens, VerifiedApiKeyCache } from '@parley/auth';
import type { AppConfig } from '../config/env.schema';

/**
 * Tokens whose signature held, remembered so a session's next turn skips the HMAC (a digest and a
 * small payload each: 4.3 MB of heap when full, measured). Sessions beyond it are verified again.
 */
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * SessionTokens (issue with `issueSessionToken({ tenantId, sessionId, ttlSeconds })`),
 * UserTokens and the VerifiedApiKeyCache, from the validated config (one key ring).
 */
export function authTokenProviders(config: AppConfig): Provider[] {
  const ring = SigningKeyRing.fromConfig(config.auth.signingKeys);
  const signer = new TokenSigner(ring);
  const verifier = new TokenVerifier(ring, { clockToleranceSeconds: 5, verifiedCacheSize: VERIFIED_TOKEN_CACHE_SIZE });
  return [
    { provide: SessionTokens, useValue: new SessionTokens(signer, verifier) },
    { provide: UserTokens, useValue: new UserTokens(signer, verifier) },
    { provide: VerifiedApiKeyCache, useValue: new VerifiedApiKeyCache({ ttlMs: config.auth.apiKeyCacheTtlMs }) },
  ];
}
