import type { Prisma, PrismaClient } from '../generated/prisma/client';
import type { TenantTx } from '../client/prisma.types';
import { assertTenantId } from './tenant-id.util';

export interface TenantTxOptions {
  /** Max time the whole transaction may take, in ms (Prisma default 5000). */
  timeoutMs?: number;
  /** Max time to wait for a pooled connection, in ms (Prisma default 2000). */
  maxWaitMs?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

/**
 * Tenant-scoped transactions: the only way services touch tenant-owned rows.
 *
 * run() opens an interactive transaction, sets `app.tenant_id` with set_config(..., true) —
 * transaction-local, so the pooled connection forgets it at COMMIT/ROLLBACK and the next user
 * of that connection starts with no tenant — then calls `fn`. RLS policies on every
 * tenant-owned table compare tenant_id to that setting.
 */
export class TenantDb {
  constructor(private readonly prisma: PrismaClient) {}

  async run<T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>, opts: TenantTxOptions = {}): Promise<T> {
    assertTenantId(tenantId);
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
        return fn(tx);
      },
      { timeout: opts.timeoutMs, maxWait: opts.maxWaitMs, isolationLevel: opts.isolationLevel },
    );
  }
}
