import type { Provider } from '@nestjs/common';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier, UserTokens, VerifiedApiKeyCache } from '@parley/auth';
import type { AppConfig } from '../config/env.schema';

/**
 * SessionTokens (issue with `issueSessionToken({ tenantId, sessionId, ttlSeconds })`),
 * UserTokens and the VerifiedApiKeyCache, from the validated config (one key ring).
 */
export function authTokenProviders(config: AppConfig): Provider[] {
  const ring = SigningKeyRing.fromConfig(config.auth.signingKeys);
  const signer = new TokenSigner(ring);
  const verifier = new TokenVerifier(ring, { clockToleranceSeconds: 5 });
  return [
    { provide: SessionTokens, useValue: new SessionTokens(signer, verifier) },
    { provide: UserTokens, useValue: new UserTokens(signer, verifier) },
    { provide: VerifiedApiKeyCache, useValue: new VerifiedApiKeyCache({ ttlMs: config.auth.apiKeyCacheTtlMs }) },
  ];
}
