import type { Db } from '../client/prisma.types';
import type { PgTx } from '../tenant/tenant-db';

/**
 * Records that `consumer` handled `messageId`, in the caller's transaction (the same one as the
 * consumer's effect). Returns true the first time, false when it was already processed — then
 * the caller skips its effect and acks. A concurrent duplicate blocks on the unique key until
 * the first transaction ends, so exactly one of them gets true.
 */
export async function markProcessed(tx: Db, consumer: string, messageId: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO processed_events (consumer, message_id) VALUES (${consumer}, ${messageId})
    ON CONFLICT (consumer, message_id) DO NOTHING`;
  return inserted === 1;
}

/**
 * markProcessed for a batch: records that `consumer` handled these message ids in one statement
 * of the caller's transaction and returns the ids that were new. An id already recorded, or held
 * by a concurrent transaction that commits first, is not returned: that event is a duplicate.
 */
export async function markProcessedMany(tx: Db, consumer: string, messageIds: readonly string[]): Promise<Set<string>> {
  const rows = await tx.$queryRaw<Array<{ message_id: string }>>`
    INSERT INTO processed_events (consumer, message_id)
    SELECT ${consumer}, id FROM unnest(${[...messageIds]}::text[]) AS u(id)
    ON CONFLICT (consumer, message_id) DO NOTHING
    RETURNING message_id`;
  return new Set(rows.map((r) => r.message_id));
}

const MARK_PROCESSED_MANY_SQL = `
  INSERT INTO processed_events (consumer, message_id)
  SELECT $1, id FROM unnest($2::text[]) AS u(id)
  ON CONFLICT (consumer, message_id) DO NOTHING
  RETURNING message_id`;

/** markProcessedMany in a TenantDb.transaction() (node-postgres): the same statement, the same answer. */
export async function markProcessedManyPg(tx: PgTx, consumer: string, messageIds: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query<{ message_id: string }>(MARK_PROCESSED_MANY_SQL, [consumer, [...messageIds]]);
  return new Set(rows.map((r) => r.message_id));
}
