import { Inject, Injectable } from '@nestjs/common';
import { IdentityProviderResolveRpc, type IdentityProviderView } from '@parley/contracts';
import type { AppConfig } from '../../config/env.schema';
import { GATEWAY_CONFIG } from '../../config/gateway-config.token';
import { ProblemException } from '../../http/problem.exception';
import { GatewayRpc } from '../../http/gateway-rpc.client';

export interface ResolvedIdentityProvider {
  provider: IdentityProviderView;
  tenantStatus: 'active' | 'deactivated';
}

interface Entry {
  /** null: no tenant registered this issuer. */
  resolved: ResolvedIdentityProvider | null;
  expiresAt: number;
}

/** Distinct issuers remembered (known and unknown); the oldest is dropped beyond it. */
const MAX_ENTRIES = 10_000;

/**
 * Which tenant's provider registered a token's issuer (IdentityProviderResolveRpc), cached in
 * memory for TENANT_CONFIG_CACHE_TTL_MS. Unknown issuers are cached too (a flood of made-up
 * issuers costs one RPC each per TTL, bounded by MAX_ENTRIES). evt.tenant.updated drops the
 * tenant's entries and every unknown one (a provider may just have been registered).
 */
@Injectable()
export class IdentityProviderResolver {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<ResolvedIdentityProvider | null>>();
  private readonly ttlMs: number;

  constructor(
    private readonly rpc: GatewayRpc,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {
    this.ttlMs = config.tenantConfigCacheTtlMs;
  }

  async resolve(issuer: string): Promise<ResolvedIdentityProvider | null> {
    const entry = this.entries.get(issuer);
    if (entry && entry.expiresAt > Date.now()) return entry.resolved;
    const pending = this.inflight.get(issuer);
    if (pending) return pending;
    const load = this.load(issuer).finally(() => this.inflight.delete(issuer));
    this.inflight.set(issuer, load);
    return load;
  }

  invalidateTenant(tenantId: string): void {
    for (const [issuer, entry] of this.entries) {
      if (entry.resolved === null || entry.resolved.provider.tenantId === tenantId) this.entries.delete(issuer);
    }
  }

  private async load(issuer: string): Promise<ResolvedIdentityProvider | null> {
    let resolved: ResolvedIdentityProvider | null;
    try {
      const reply = await this.rpc.call(IdentityProviderResolveRpc, { version: 1, issuer }, { timeoutMs: this.config.rpc.timeoutMs });
      resolved = { provider: reply.provider, tenantStatus: reply.tenantStatus };
    } catch (error) {
      if (!(error instanceof ProblemException && error.code === 'NOT_FOUND')) throw error;
      resolved = null;
    }
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(issuer, { resolved, expiresAt: Date.now() + this.ttlMs });
    return resolved;
  }
}
