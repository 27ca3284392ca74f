import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PLATFORM_TENANT_ID } from '@parley/contracts';
import { NatsClient, TenantEventsSubscriber, TenantKeyedCache, type MessagingConnection } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { loadTenantRuntime, PrismaService, TenantDb, type Db, type TenantRuntime } from '@parley/persistence';
import { INTEL_OPTIONS, type IntelOptions } from '../common/tenant-intelligence.options';
import { modelExtractionSkipped } from '../extraction/degrade-switches.repository';

/**
 * What tenant-intelligence reads of a tenant for every event, kept in memory (TenantKeyedCache):
 * the tenant's runtime (status, model chain, country and time zone) and whether the owner's
 * skip_model_extraction switch is on for it (the platform row or the tenant's, ADR 0022).
 *
 * How long a change takes to apply: provisioning commits every change of a tenant's settings or
 * of a degrade switch with an evt.tenant.updated (the platform's under PLATFORM_TENANT_ID), which
 * the outbox relay publishes within about a second; every replica drops the tenant's entries when
 * it hears it (a platform event drops every tenant's switch), and all entries after a NATS
 * reconnect. Whatever is missed otherwise is bounded by INTEL_TENANT_CACHE_TTL_MS (30 s by
 * default; 0 reads both on every event): no entry is older than that. Concurrent misses of one
 * tenant share one read; a read in flight when its tenant's event arrives is not kept.
 */
@Injectable()
export class TenantSettingsCache implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runtimes: TenantKeyedCache<TenantRuntime>;
  private readonly switches: TenantKeyedCache<boolean>;
  private readonly events: TenantEventsSubscriber;

  constructor(
    /** Reads the tenant's runtime (tenants has no RLS). */
    @Inject(PrismaService) prisma: Db,
    /** Reads the degrade switches (the tenant's under RLS). */
    @Inject(TenantDb) tenantDb: TenantDb,
    @Inject(NatsClient) nats: MessagingConnection,
    @Inject(INTEL_OPTIONS) options: Pick<IntelOptions, 'tenantCacheTtlMs'>,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.runtimes = new TenantKeyedCache((tenantId) => loadTenantRuntime(prisma, tenantId), options.tenantCacheTtlMs);
    this.switches = new TenantKeyedCache((tenantId) => modelExtractionSkipped(tenantDb, tenantId), options.tenantCacheTtlMs);
    this.events = new TenantEventsSubscriber(nats, logger.child({ component: 'tenant-events' }));
  }

  onApplicationBootstrap(): void {
    const drop = ({ tenantId }: { tenantId: string }) => this.invalidate(tenantId);
    this.events.start({ updated: drop, keyRotated: drop, deactivated: drop, reconnected: () => this.clear() });
  }

  beforeApplicationShutdown(): void {
    this.events.stop();
  }

  /** Resolves once the event subscriptions are registered with the server (tests). */
  ready(): Promise<void> {
    return this.events.ready();
  }

  /** The tenant's runtime; null for an unknown tenant. */
  runtime(tenantId: string): Promise<TenantRuntime | null> {
    return this.runtimes.get(tenantId);
  }

  /** True when the owner switched model-assisted extraction off for the platform or for this tenant. */
  async modelExtractionSkipped(tenantId: string): Promise<boolean> {
    return (await this.switches.get(tenantId)) === true;
  }

  /** Drops a tenant's entries; PLATFORM_TENANT_ID (the platform's switches) drops every tenant's switch. */
  invalidate(tenantId: string): void {
    if (tenantId === PLATFORM_TENANT_ID) return this.switches.clear();
    this.runtimes.invalidate(tenantId);
    this.switches.invalidate(tenantId);
  }

  clear(): void {
    this.runtimes.clear();
    this.switches.clear();
  }
}
