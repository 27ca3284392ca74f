import type { OnApplicationShutdown } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client';
import { createPgAdapter, createPgPool, withPool, type PrismaClientConfig } from './prisma-client.factory';

/**
 * The app-role Prisma client (RLS applies). Tenant-owned tables are only reachable through
 * TenantDb (run(), batch(), statement()); direct use is for tables without tenant_id (tenants,
 * tools, outbox...). Connects lazily; disconnects (and ends its pools) at application shutdown,
 * after the HTTP server and consumers have drained.
 */
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(config: PrismaClientConfig) {
    const pool = createPgPool(config);
    super({ adapter: createPgAdapter(config, pool) });
    withPool(this, pool);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
