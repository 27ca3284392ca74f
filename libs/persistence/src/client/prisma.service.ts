import type { OnApplicationShutdown } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client';
import { createPgAdapter, type PrismaClientConfig } from './prisma-client.factory';

/**
 * The app-role Prisma client (RLS applies). Tenant-owned tables are only reachable through
 * TenantDb.run(); direct use is for tables without tenant_id (tenants, tools, outbox...).
 * Connects lazily; disconnects at application shutdown, after the HTTP server and consumers have drained.
 */
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(config: PrismaClientConfig) {
    super({ adapter: createPgAdapter(config) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
