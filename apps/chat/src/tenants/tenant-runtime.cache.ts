import { Inject, Injectable } from '@nestjs/common';
import { loadTenantRuntime, PrismaService, type Db, type TenantRuntime } from '@parley/persistence';
import { TenantKeyedCache } from '@parley/messaging';
import { CHAT_OPTIONS, type ChatOptions } from '../common/chat.options';

export { MAX_CACHED_TENANTS } from '@parley/messaging';

/**
 * The tenant's runtime (status, names, parsed config, signal settings) kept in memory, so a
 * turn does not read `tenants` every time. Kept for CHAT_TENANT_CACHE_TTL_MS (30 s by default;
 * 0 turns the cache off) as a safety net: evt.tenant.updated / key_rotated / deactivated drop
 * the entry at once on every replica (TenantEventsListener), the same way the gateway keeps its
 * settings and key caches. See TenantKeyedCache for concurrent misses and invalidation races.
 * Unknown tenants are not cached.
 */
@Injectable()
export class TenantRuntimeCache extends TenantKeyedCache<TenantRuntime> {
  constructor(@Inject(PrismaService) prisma: Db, @Inject(CHAT_OPTIONS) options: ChatOptions) {
    super((tenantId) => loadTenantRuntime(prisma, tenantId), options.chat.tenantCacheTtlMs);
  }
}
