import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { apiKeyPrefix, isWellFormedApiKey, VerifiedApiKeyCache, verifySecret } from '@parley/auth';
import { ApiKeyLookupRpc, type RpcResponseOf } from '@parley/contracts';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { ProblemException } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { authProblems } from './auth-problems.mapper';
import type { ApiKeyPrincipal } from './principal.types';

type Lookup = RpcResponseOf<typeof ApiKeyLookupRpc>;

/**
 * Authenticates `sk_live_...` keys: a hit of the verified-key cache costs a hash and a map
 * lookup; a miss asks provisioning for the key by prefix (ApiKeyLookupRpc) and pays bcrypt
 * once. The secret is checked before the key's status, so a guessed prefix learns nothing.
 * Keys in a rotation grace period are cached with their expiry and refused once it passes.
 */
@Injectable()
export class ApiKeyAuthenticator {
  /** apiKeyId -> epoch ms after which the key is refused, for keys in a grace period. */
  private readonly expiries = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<ApiKeyPrincipal>>();
  private lookups = 0;

  constructor(
    private readonly rpc: GatewayRpc,
    private readonly cache: VerifiedApiKeyCache,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How many ApiKeyLookup RPCs this process sent (cache effectiveness, tests). */
  get lookupCount(): number {
    return this.lookups;
  }

  /** Whether authenticate(key) answers from memory (a well-formed key in the verified-key cache): no lookup. */
  isCached(key: string): boolean {
    return isWellFormedApiKey(key) && this.cache.get(key) !== undefined;
  }

  async authenticate(key: string): Promise<ApiKeyPrincipal> {
    if (!isWellFormedApiKey(key)) throw authProblems.invalidApiKey();
    const cached = this.cache.get(key);
    if (cached) {
      const expiresAt = this.expiries.get(cached.apiKeyId);
      if (expiresAt === undefined || expiresAt > Date.now())
        return { kind: 'api_key', tenantId: cached.tenantId, apiKeyId: cached.apiKeyId };
      this.cache.invalidateKey(cached.apiKeyId);
    }
    // Concurrent first requests with one key share one lookup and one bcrypt.
    const id = createHash('sha256').update(key).digest('hex');
    const pending = this.inflight.get(id);
    if (pending) return pending;
    const verification = this.verify(key).finally(() => this.inflight.delete(id));
    this.inflight.set(id, verification);
    return verification;
  }

  /** Drops a key's cached verification (key_rotated event). */
  invalidateKey(apiKeyId: string): void {
    this.cache.invalidateKey(apiKeyId);
    this.expiries.delete(apiKeyId);
  }

  /** Drops every cached key of a tenant (deactivated event). */
  invalidateTenant(tenantId: string): void {
    this.cache.invalidateTenant(tenantId);
  }

  private async verify(key: string): Promise<ApiKeyPrincipal> {
    const found = await this.lookup(apiKeyPrefix(key));
    const { apiKey, tenantStatus } = found;
    if (!(await verifySecret(key, apiKey.hash))) throw authProblems.invalidApiKey();
    if (apiKey.status === 'revoked') throw authProblems.revokedApiKey();
    const expiresAt = apiKey.expiresAt === null ? undefined : Date.parse(apiKey.expiresAt);
    if (expiresAt !== undefined && expiresAt <= Date.now()) throw authProblems.expiredApiKey();
    if (tenantStatus === 'deactivated') throw authProblems.tenantDeactivated();
    this.cache.set(key, { tenantId: apiKey.tenantId, apiKeyId: apiKey.id, prefix: apiKey.prefix });
    if (expiresAt === undefined) this.expiries.delete(apiKey.id);
    else this.expiries.set(apiKey.id, expiresAt);
    return { kind: 'api_key', tenantId: apiKey.tenantId, apiKeyId: apiKey.id };
  }

  private async lookup(prefix: string): Promise<Lookup> {
    this.lookups += 1;
    try {
      return await this.rpc.call(ApiKeyLookupRpc, { version: 1, prefix }, { timeoutMs: this.config.rpc.timeoutMs });
    } catch (error) {
      if (error instanceof ProblemException && error.code === 'NOT_FOUND') throw authProblems.invalidApiKey();
      throw error;
    }
  }
}
