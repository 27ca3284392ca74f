import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client';
import { poolOf } from '../client/prisma-client.factory';
import { PersistenceError, PersistenceErrorCode } from '../errors/persistence.error';
import { toOutboxRecords, type OutboxRow } from './outbox-row.mapper';
import type { OutboxRecord } from './outbox.types';

export interface OutboxStoreOptions {
  /** How long a claim is held before another relay may take the row again, in ms (default 30 s). */
  leaseMs?: number;
}

export const DEFAULT_OUTBOX_LEASE_MS = 30_000;

/**
 * The relay's statements: fixed text with $n placeholders (named prepared statements on
 * node-postgres, parsed and planned once per connection), the same text on Prisma. Results cast
 * what the drivers would parse differently (seq and counts as text or int).
 */
export const OUTBOX_SQL = {
  claim: {
    name: 'parley_outbox_claim',
    text: `UPDATE outbox o
         SET locked_until = now() + make_interval(secs => $1::float8),
             attempts = o.attempts + 1
       WHERE o.id IN (
         SELECT id FROM outbox
          WHERE sent_at IS NULL AND (locked_until IS NULL OR locked_until < now())
          ORDER BY seq
          LIMIT $2::int
          FOR UPDATE SKIP LOCKED)
      RETURNING o.id::text AS id, o.seq::text AS seq, o.subject, o.payload, o.headers, o.created_at, o.attempts`,
  },
  markSent: {
    name: 'parley_outbox_mark_sent',
    text: `WITH sent AS (
        UPDATE outbox SET sent_at = now(), locked_until = NULL, last_error = NULL
         WHERE id = ANY($1::uuid[]) AND sent_at IS NULL
        RETURNING 1)
      SELECT count(*)::int AS count FROM sent`,
  },
  markFailed: {
    name: 'parley_outbox_mark_failed',
    text: `UPDATE outbox SET locked_until = NULL, last_error = $2::text
       WHERE id = $1::uuid AND sent_at IS NULL`,
  },
  countPending: {
    name: 'parley_outbox_count_pending',
    text: `SELECT count(*)::int AS count FROM outbox WHERE sent_at IS NULL`,
  },
  deleteSentBefore: {
    name: 'parley_outbox_delete_sent',
    text: `WITH gone AS (DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1::timestamptz RETURNING 1)
      SELECT count(*)::int AS count FROM gone`,
  },
} as const;

type OutboxStatement = (typeof OUTBOX_SQL)[keyof typeof OUTBOX_SQL];

/**
 * Outbox storage for the relay (libs/messaging). claimBatch() leases pending rows in one short
 * statement: FOR UPDATE SKIP LOCKED skips rows another replica is claiming at that instant,
 * and the lease (locked_until) keeps them away from other replicas while they are published.
 * A relay that dies mid-batch loses nothing: the lease expires and the rows are claimed again
 * (JetStream de-duplicates on the outbox id within its duplicate window).
 *
 * Each method is one autocommitted statement. On a client from createPrismaClient() or
 * PrismaService they go straight through node-postgres (the writes' companion pool, as a named
 * prepared statement: one round trip, no Prisma query engine on the relay's per-turn path), as
 * the client's own role; on any other Prisma client through $queryRawUnsafe with the same text.
 */
export class PrismaOutboxStore {
  private readonly leaseMs: number;
  private readonly pool: pg.Pool | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    options: OutboxStoreOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS;
    this.pool = poolOf(prisma)?.writes;
  }

  /** Leases up to `limit` unsent rows in insertion order. */
  async claimBatch(limit: number): Promise<OutboxRecord[]> {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new PersistenceError(PersistenceErrorCode.INVALID_ARGUMENT, `claimBatch limit must be a positive integer, got ${limit}`);
    }
    return toOutboxRecords(await this.query<OutboxRow>(OUTBOX_SQL.claim, [this.leaseMs / 1000, limit]));
  }

  /** Marks published rows as sent; they are never claimed again. */
  async markSent(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.count(OUTBOX_SQL.markSent, [[...ids]]);
  }

  /** Records a publish failure and releases the lease so the row is retried at the next claim. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.query(OUTBOX_SQL.markFailed, [id, error.slice(0, 1000)]);
  }

  /** Unsent rows (for the outbox-backlog metric). */
  async countPending(): Promise<number> {
    return this.count(OUTBOX_SQL.countPending, []);
  }

  /** Deletes rows sent before `olderThan` (housekeeping); returns how many. */
  async deleteSentBefore(olderThan: Date): Promise<number> {
    return this.count(OUTBOX_SQL.deleteSentBefore, [olderThan]);
  }

  private async count(statement: OutboxStatement, values: unknown[]): Promise<number> {
    const [row] = await this.query<{ count: number }>(statement, values);
    return Number(row?.count ?? 0);
  }

  private async query<R>(statement: OutboxStatement, values: unknown[]): Promise<R[]> {
    if (!this.pool) return this.prisma.$queryRawUnsafe<R[]>(statement.text, ...values);
    return (await this.pool.query<R & pg.QueryResultRow>({ name: statement.name, text: statement.text, values })).rows;
  }
}
