import type { OnModuleDestroy } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client';
import { createPgAdapter, type PrismaClientConfig } from './prisma-client.factory';

/**
 * The app-role Prisma client (RLS applies). Tenant-owned tables are only reachable through
 * TenantDb.run(); direct use is for tables without tenant_id (tenants, tools, outbox...).
 * Connects lazily; disconnects when the Nest module is destroyed.
 */
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(config: PrismaClientConfig) {
    super({ adapter: createPgAdapter(config) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
