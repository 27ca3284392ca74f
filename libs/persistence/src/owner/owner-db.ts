import type { OnApplicationShutdown } from '@nestjs/common';
import type { PrismaClient } from '../generated/prisma/client';
import type { TenantTx } from '../client/prisma.types';

/**
 * Owner-level, cross-tenant reads (L4 analytics in client-insights) through the analytics role:
 * BYPASSRLS with SELECT-only grants. run() additionally marks the transaction READ ONLY, so a
 * write fails even if a grant were widened by mistake.
 */
export class OwnerDb implements OnApplicationShutdown {
  constructor(readonly client: PrismaClient) {}

  async run<T>(fn: (tx: TenantTx) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
    return this.client.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET TRANSACTION READ ONLY`;
        return fn(tx);
      },
      { timeout: opts.timeoutMs },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.$disconnect();
  }
}
