import { Inject, Injectable } from '@nestjs/common';
import { TenantConfigGetRpc, type Plan, type TenantStatus } from '@parley/contracts';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { GatewayRpc } from './gateway-rpc.client';

/** What the gateway's HTTP layer needs of a tenant on every request. */
export interface TenantSettings {
  tenantId: string;
  status: TenantStatus;
  /** Requests per minute per API key and per session; null = the platform default. */
  rateLimitPerMinute: number | null;
  /** Browser origins allowed on the chat routes (CORS). */
  allowedOrigins: readonly string[];
  /** IANA time zone: billing periods are calendar months in it (ADR 0025). */
  timezone: string;
  /**
   * The tenant's billing plan (quota/, ADR 0025); null = no plan (unlimited). Its
   * rateLimitPerMinute is the plan's per-key/session limit (null = the platform default).
   */
  plan: Plan | null;
}

interface Entry {
  settings: TenantSettings;
  expiresAt: number;
}

/**
 * Tenant settings read through provisioning's TenantConfigGetRpc and cached in memory for
 * TENANT_CONFIG_CACHE_TTL_MS (30 s by default); evt.tenant.updated / deactivated drop the
 * entry at once (TenantEventsListener). Concurrent misses share one request.
 */
@Injectable()
export class TenantSettingsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<TenantSettings>>();
  private readonly ttlMs: number;

  constructor(
    private readonly rpc: GatewayRpc,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {
    this.ttlMs = config.tenantConfigCacheTtlMs;
  }

  async get(tenantId: string): Promise<TenantSettings> {
    const entry = this.entries.get(tenantId);
    if (entry && entry.expiresAt > Date.now()) return entry.settings;
    const pending = this.inflight.get(tenantId);
    if (pending) return pending;
    const load = this.load(tenantId).finally(() => this.inflight.delete(tenantId));
    this.inflight.set(tenantId, load);
    return load;
  }

  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }

  private async load(tenantId: string): Promise<TenantSettings> {
    const reply = await this.rpc.call(TenantConfigGetRpc, { version: 1, tenantId }, { timeoutMs: this.config.rpc.timeoutMs });
    const settings: TenantSettings = {
      tenantId: reply.tenantId,
      status: reply.status,
      rateLimitPerMinute: reply.config.rateLimitPerMinute,
      allowedOrigins: reply.config.allowedOrigins,
      timezone: reply.timezone,
      plan: reply.plan ?? null,
    };
    this.entries.set(tenantId, { settings, expiresAt: Date.now() + this.ttlMs });
    return settings;
  }
}
