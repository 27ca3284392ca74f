import type { PrismaClient } from '../generated/prisma/client';
import { PersistenceError, PersistenceErrorCode } from '../errors/persistence.error';
import { toOutboxRecords, type OutboxRow } from './outbox-row.mapper';
import type { OutboxRecord } from './outbox.types';

export interface OutboxStoreOptions {
  /** How long a claim is held before another relay may take the row again, in ms (default 30 s). */
  leaseMs?: number;
}

export const DEFAULT_OUTBOX_LEASE_MS = 30_000;

/**
 * Outbox storage for the relay (libs/messaging). claimBatch() leases pending rows in one short
 * statement: FOR UPDATE SKIP LOCKED skips rows another replica is claiming at that instant,
 * and the lease (locked_until) keeps them away from other replicas while they are published.
 * A relay that dies mid-batch loses nothing: the lease expires and the rows are claimed again
 * (JetStream de-duplicates on the outbox id within its duplicate window).
 */
export class PrismaOutboxStore {
  private readonly leaseMs: number;

  constructor(
    private readonly prisma: PrismaClient,
    options: OutboxStoreOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS;
  }

  /** Leases up to `limit` unsent rows in insertion order. */
  async claimBatch(limit: number): Promise<OutboxRecord[]> {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new PersistenceError(PersistenceErrorCode.INVALID_ARGUMENT, `claimBatch limit must be a positive integer, got ${limit}`);
    }
    const rows = await this.prisma.$queryRaw<OutboxRow[]>`
      UPDATE outbox o
         SET locked_until = now() + make_interval(secs => ${this.leaseMs / 1000}::float8),
             attempts = o.attempts + 1
       WHERE o.id IN (
         SELECT id FROM outbox
          WHERE sent_at IS NULL AND (locked_until IS NULL OR locked_until < now())
          ORDER BY seq
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING o.id::text AS id, o.seq, o.subject, o.payload, o.headers, o.created_at, o.attempts`;
    return toOutboxRecords(rows);
  }

  /** Marks published rows as sent; they are never claimed again. */
  async markSent(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.prisma.$executeRaw`
      UPDATE outbox SET sent_at = now(), locked_until = NULL, last_error = NULL
       WHERE id = ANY(${[...ids]}::uuid[]) AND sent_at IS NULL`;
  }

  /** Records a publish failure and releases the lease so the row is retried at the next claim. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE outbox SET locked_until = NULL, last_error = ${error.slice(0, 1000)}
       WHERE id = ${id}::uuid AND sent_at IS NULL`;
  }

  /** Unsent rows (for the outbox-backlog metric). */
  async countPending(): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM outbox WHERE sent_at IS NULL`;
    return Number(row?.count ?? 0);
  }

  /** Deletes rows sent before `olderThan` (housekeeping); returns how many. */
  async deleteSentBefore(olderThan: Date): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ${olderThan}`;
  }
}
