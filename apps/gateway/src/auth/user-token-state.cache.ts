import { Inject, Injectable } from '@nestjs/common';
import { UserTokenStateRpc, type RpcResponseOf } from '@parley/contracts';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { ProblemException } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';

export type UserTokenState = Pick<RpcResponseOf<typeof UserTokenStateRpc>, 'role' | 'status' | 'tokenVersion'>;

interface Entry {
  /** null: provisioning has no such user (deleted). */
  state: UserTokenState | null;
  expiresAt: number;
}

/**
 * A staff user's current status, role and token version, read through provisioning's
 * UserTokenStateRpc and kept in memory for USER_TOKEN_STATE_CACHE_TTL_MS (5 s by default), so the
 * revocation check costs a map lookup on the hot path. evt.tenant.updated (every user change that
 * bumps token_version publishes one) drops the tenant's entries at once (TenantEventsListener);
 * the TTL bounds a missed event. Concurrent misses share one request.
 */
@Injectable()
export class UserTokenStateCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<UserTokenState | null>>();
  private readonly ttlMs: number;
  private lookups = 0;

  constructor(
    private readonly rpc: GatewayRpc,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {
    this.ttlMs = config.auth.userTokenStateCacheTtlMs;
  }

  /** How many UserTokenState RPCs this process sent (cache effectiveness, tests). */
  get lookupCount(): number {
    return this.lookups;
  }

  async get(tenantId: string, userId: string): Promise<UserTokenState | null> {
    const id = `${tenantId}:${userId}`;
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt > Date.now()) return entry.state;
    const pending = this.inflight.get(id);
    if (pending) return pending;
    const load = this.load(id, tenantId, userId).finally(() => this.inflight.delete(id));
    this.inflight.set(id, load);
    return load;
  }

  /** Drops every cached user of a tenant (evt.tenant.updated). */
  invalidateTenant(tenantId: string): void {
    const prefix = `${tenantId}:`;
    for (const id of this.entries.keys()) if (id.startsWith(prefix)) this.entries.delete(id);
  }

  private async load(id: string, tenantId: string, userId: string): Promise<UserTokenState | null> {
    this.lookups += 1;
    let state: UserTokenState | null;
    try {
      const reply = await this.rpc.call(UserTokenStateRpc, { version: 1, tenantId, userId }, { timeoutMs: this.config.rpc.timeoutMs });
      state = { role: reply.role, status: reply.status, tokenVersion: reply.tokenVersion };
    } catch (error) {
      if (!(error instanceof ProblemException && error.code === 'NOT_FOUND')) throw error;
      state = null;
    }
    this.entries.set(id, { state, expiresAt: Date.now() + this.ttlMs });
    return state;
  }
}
