/** Tenants whose entry is kept (the oldest entry goes first). */
export const MAX_CACHED_TENANTS = 10_000;

interface Entry<T> {
  value: T;
  expiresAt: number;
}

interface Load<T> {
  promise: Promise<T | null>;
  /** Set when the tenant was invalidated while this read was in flight: its result is not kept. */
  stale: boolean;
}

/**
 * A per-tenant value read from the database and kept in memory for `ttlMs` (0 turns it off) as a
 * safety net: tenant events drop the entry at once on every replica (the service's tenant events
 * listener calls `invalidate`, and `clear` after a NATS reconnect).
 * Concurrent misses share one read; a read that was in flight when its tenant was invalidated
 * answers its callers but is not kept, so an event can never be undone by an older read
 * finishing after it. A null (unknown tenant) is not kept.
 */
export class TenantKeyedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly inflight = new Map<string, Load<T>>();

  constructor(
    private readonly load: (tenantId: string) => Promise<T | null>,
    private readonly ttlMs: number,
  ) {}

  get(tenantId: string): Promise<T | null> {
    const entry = this.entries.get(tenantId);
    if (entry) {
      if (entry.expiresAt > Date.now()) return Promise.resolve(entry.value);
      this.entries.delete(tenantId);
    }
    const pending = this.inflight.get(tenantId);
    if (pending) return pending.promise;
    const load: Load<T> = { promise: Promise.resolve(null), stale: false };
    load.promise = this.load(tenantId).then(
      (value) => {
        if (this.inflight.get(tenantId) === load) this.inflight.delete(tenantId);
        if (value !== null && !load.stale && this.ttlMs > 0) this.keep(tenantId, value);
        return value;
      },
      (err: unknown) => {
        if (this.inflight.get(tenantId) === load) this.inflight.delete(tenantId);
        throw err;
      },
    );
    this.inflight.set(tenantId, load);
    return load.promise;
  }

  /** Forgets the tenant: the next read goes to the database. */
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

  private keep(tenantId: string, value: T): void {
    this.entries.delete(tenantId);
    if (this.entries.size >= MAX_CACHED_TENANTS) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tenantId, { value, expiresAt: Date.now() + this.ttlMs });
  }
}
