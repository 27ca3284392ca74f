import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { createPrismaClient } from './client/prisma-client.factory';
import { PrismaService } from './client/prisma.service';
import { DatabaseHealth } from './health/database-health';
import { OwnerDb } from './owner/owner-db';
import { PrismaOutboxStore } from './outbox/prisma-outbox.store';
import { PERSISTENCE_OPTIONS, type PersistenceModuleOptions } from './persistence.options';
import { TenantDb } from './tenant/tenant-db';

const ANALYTICS_POOL_MAX = 4;

/**
 * Global module: PrismaService (app role), TenantDb, DatabaseHealth, PrismaOutboxStore, and
 * OwnerDb when analyticsDatabaseUrl is given. Import once in the app module:
 * `PersistenceModule.forRoot({ databaseUrl: config.database.url })`.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: PERSISTENCE_OPTIONS, useValue: options },
      {
        provide: PrismaService,
        useFactory: (o: PersistenceModuleOptions) =>
          new PrismaService({
            databaseUrl: o.databaseUrl,
            poolMax: o.poolMax,
            applicationName: o.applicationName,
            connectionTimeoutMs: o.connectionTimeoutMs,
          }),
        inject: [PERSISTENCE_OPTIONS],
      },
      { provide: TenantDb, useFactory: (prisma: PrismaService) => new TenantDb(prisma), inject: [PrismaService] },
      {
        provide: DatabaseHealth,
        useFactory: (prisma: PrismaService, o: PersistenceModuleOptions) => new DatabaseHealth(prisma, o.healthTimeoutMs),
        inject: [PrismaService, PERSISTENCE_OPTIONS],
      },
      {
        provide: PrismaOutboxStore,
        useFactory: (prisma: PrismaService, o: PersistenceModuleOptions) => new PrismaOutboxStore(prisma, { leaseMs: o.outboxLeaseMs }),
        inject: [PrismaService, PERSISTENCE_OPTIONS],
      },
    ];
    const exported: NonNullable<DynamicModule['exports']> = [
      PERSISTENCE_OPTIONS,
      PrismaService,
      TenantDb,
      DatabaseHealth,
      PrismaOutboxStore,
    ];
    if (options.analyticsDatabaseUrl) {
      const analyticsUrl = options.analyticsDatabaseUrl;
      providers.push({
        provide: OwnerDb,
        useFactory: () =>
          new OwnerDb(
            createPrismaClient({
              databaseUrl: analyticsUrl,
              poolMax: Math.min(options.poolMax ?? ANALYTICS_POOL_MAX, ANALYTICS_POOL_MAX),
              applicationName: options.applicationName,
            }),
          ),
      });
      exported.push(OwnerDb);
    }
    return { module: PersistenceModule, global: true, providers, exports: exported };
  }
}
