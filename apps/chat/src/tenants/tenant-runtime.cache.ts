import { Inject, Injectable } from '@nestjs/common';
import { loadTenantRuntime, PrismaService, type Db, type TenantRuntime } from '@parley/persistence';
import { CHAT_OPTIONS, type ChatOptions } from '../common/chat.options';

/** Tenants whose runtime is kept (the oldest entry goes first). */
export const MAX_CACHED_TENANTS = 10_000;

interface Entry {
  runtime: TenantRuntime;
  expiresAt: number;
}

interface Load {
  promise: Promise<TenantRuntime | null>;
  /** Set when the tenant was invalidated while this read was in flight: its result is not kept. */
  stale: boolean;
}

/**
 * The tenant's runtime (status, names, parsed config, signal settings) kept in memory, so a
 * turn does not read `tenants` every time. Kept for CHAT_TENANT_CACHE_TTL_MS (30 s by default;
 * 0 turns the cache off) as a safety net: evt.tenant.updated / key_rotated / deactivated drop
 * the entry at once on every replica (TenantEventsListener), the same way the gateway keeps its
 * settings and key caches. Concurrent misses share one read; a read that was in flight when its
 * tenant was invalidated answers its callers but is not kept, so an event can never be undone
 * by an older read finishing after it. Unknown tenants are not cached.
 */
@Injectable()
export class TenantRuntimeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Load>();
  private readonly ttlMs: number;

  constructor(
    @Inject(PrismaService) private readonly prisma: Db,
    @Inject(CHAT_OPTIONS) options: ChatOptions,
  ) {
    this.ttlMs = options.chat.tenantCacheTtlMs;
  }

  get(tenantId: string): Promise<TenantRuntime | null> {
    const entry = this.entries.get(tenantId);
    if (entry) {
      if (entry.expiresAt > Date.now()) return Promise.resolve(entry.runtime);
      this.entries.delete(tenantId);
    }
    const pending = this.inflight.get(tenantId);
    if (pending) return pending.promise;
    const load: Load = { promise: Promise.resolve(null), stale: false };
    load.promise = loadTenantRuntime(this.prisma, tenantId).then(
      (runtime) => {
        if (this.inflight.get(tenantId) === load) this.inflight.delete(tenantId);
        if (runtime && !load.stale && this.ttlMs > 0) this.keep(tenantId, runtime);
        return runtime;
      },
      (err: unknown) => {
        if (this.inflight.get(tenantId) === load) this.inflight.delete(tenantId);
        throw err;
      },
    );
    this.inflight.set(tenantId, load);
    return load.promise;
  }

  /** Forgets the tenant: the next turn reads it again. */
  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
    const pending = this.inflight.get(tenantId);
    if (pending) {
      pending.stale = true;
      this.inflight.delete(tenantId);
    }
  }

  /** Forgets every tenant (events may have been missed, e.g. while NATS was disconnected). */
  clear(): void {
    this.entries.clear();
    for (const load of this.inflight.values()) load.stale = true;
    this.inflight.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(tenantId: string, runtime: TenantRuntime): void {
    this.entries.delete(tenantId);
    if (this.entries.size >= MAX_CACHED_TENANTS) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tenantId, { runtime, expiresAt: Date.now() + this.ttlMs });
  }
}
