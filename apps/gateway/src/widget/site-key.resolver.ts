import { Inject, Injectable } from '@nestjs/common';
import { SiteKeyLookupRpc, type RpcResponseOf } from '@parley/contracts';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { problems, ProblemException } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';

export type ResolvedSiteKey = RpcResponseOf<typeof SiteKeyLookupRpc>;

interface Entry {
  value: ResolvedSiteKey | null;
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Resolves a publishable key to its tenant, status and theme through provisioning, cached in
 * memory for TENANT_CONFIG_CACHE_TTL_MS (unknown keys too, so a page with a wrong key does not
 * cost an RPC per visitor). A revoked key therefore stops working within that TTL.
 * Unknown or revoked keys answer 401 INVALID_SITE_KEY / SITE_KEY_REVOKED.
 */
@Injectable()
export class SiteKeyResolver {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<ResolvedSiteKey | null>>();

  constructor(
    private readonly rpc: GatewayRpc,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(key: string): Promise<ResolvedSiteKey> {
    const found = await this.cached(key);
    if (!found) throw problems.unauthorized('INVALID_SITE_KEY', 'This site key is not valid.');
    if (found.siteKey.status === 'revoked')
      throw problems.unauthorized('SITE_KEY_REVOKED', 'This site key was revoked; the site needs its new key.');
    return found;
  }

  private async cached(key: string): Promise<ResolvedSiteKey | null> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.value;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const load = this.load(key).finally(() => this.inflight.delete(key));
    this.inflight.set(key, load);
    return load;
  }

  private async load(key: string): Promise<ResolvedSiteKey | null> {
    let value: ResolvedSiteKey | null;
    try {
      value = await this.rpc.call(SiteKeyLookupRpc, { version: 1, key }, { timeoutMs: this.config.rpc.timeoutMs });
    } catch (error) {
      if (!(error instanceof ProblemException && error.code === 'NOT_FOUND')) throw error;
      value = null;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expiresAt: Date.now() + this.config.tenantConfigCacheTtlMs });
    return value;
  }
}
