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

  /**
   * A fixed list of statements in one transaction, tenant set first: Prisma's batch
   * transaction (BEGIN, set_config, the statements, COMMIT on one connection), without the
   * interactive transaction's per-statement round trips through the client. For hot paths whose
   * statements do not depend on each other's results. `build` receives the base client: the
   * statements it returns must be unawaited queries of that client.
   */
  async batch<T extends readonly unknown[]>(
    tenantId: string,
    build: (db: PrismaClient) => { [K in keyof T]: Prisma.PrismaPromise<T[K]> },
    opts: TenantTxOptions = {},
  ): Promise<T> {
    assertTenantId(tenantId);
    const statements = build(this.prisma) as unknown as Prisma.PrismaPromise<unknown>[];
    const results = await this.prisma.$transaction(
      [this.prisma.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`, ...statements],
      { timeout: opts.timeoutMs, maxWait: opts.maxWaitMs, isolationLevel: opts.isolationLevel },
    );
    return results.slice(1) as unknown as T;
  }
}
