import { Injectable } from '@nestjs/common';
import { markProcessedMany, Prisma, type TenantTx } from '@parley/persistence';
import type { IngestBatchAccumulator } from './ingest-batch.accumulator';

/** Counter columns of insight_hourly_buckets that events increment. */
export type BucketCounter =
  | 'turns'
  | 'sessions_started'
  | 'returning_sessions'
  | 'sessions_closed'
  | 'sentiment_sum'
  | 'sentiment_count'
  | 'lead_sessions'
  | 'escalations'
  | 'escalated_sessions'
  | 'summarized_sessions'
  | 'resolved_without_human'
  | 'unmet_needs'
  | 'tokens_in'
  | 'tokens_out';

/** A session's L3 state (insight_sessions): its first UTC hour and what has been counted for it once. */
export interface InsightSessionState {
  firstHour: Date;
  lead: boolean;
  escalated: boolean;
  closed: boolean;
  summarized: boolean;
}

export type InsightSessionFlags = Partial<Pick<InsightSessionState, 'lead' | 'escalated' | 'closed' | 'summarized'>>;

/** What ingest reads and writes, in the tenant's transaction: hourly buckets and terms, insight_sessions, and the two facts it needs from elsewhere. */
@Injectable()
export class InsightIngestRepository {
  async tenantExists(tx: TenantTx, tenantId: string): Promise<boolean> {
    return (await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } })) !== null;
  }

  /** The chat session's start and whether it asked for a person (null when chat has no such session). */
  async chatSession(tx: TenantTx, sessionId: string): Promise<{ needsHuman: boolean; startedAt: Date } | null> {
    return tx.chatSession.findUnique({ where: { id: sessionId }, select: { needsHuman: true, startedAt: true } });
  }

  /**
   * Adds the deltas to the tenant's bucket of that UTC hour, creating it at zero first: one
   * atomic INSERT ... ON CONFLICT, so concurrent events of the same hour never lose an update.
   * Column names come from the BucketCounter union, never from input.
   */
  async bumpBucket(tx: TenantTx, tenantId: string, hourStart: Date, deltas: Partial<Record<BucketCounter, number>>): Promise<void> {
    const entries = Object.entries(deltas).filter(([, v]) => v !== undefined && v !== 0) as Array<[BucketCounter, number]>;
    if (entries.length === 0) return;
    const columns = entries.map(([c]) => Prisma.raw(`"${c}"`));
    const values = entries.map(([, v]) => Prisma.sql`${v}`);
    const updates = entries.map(([c]) => Prisma.raw(`"${c}" = b."${c}" + EXCLUDED."${c}"`));
    await tx.$executeRaw`
      INSERT INTO insight_hourly_buckets AS b (tenant_id, hour_start, ${Prisma.join(columns)})
      VALUES (${tenantId}::uuid, ${hourStart}, ${Prisma.join(values)})
      ON CONFLICT (tenant_id, hour_start) DO UPDATE SET ${Prisma.join(updates)}, updated_at = now()`;
  }

  /**
   * Records `consumer` handled these message ids (processed_events, in the caller's transaction,
   * one statement) and returns the ids that were new. An id already there, or held by a
   * concurrent transaction that commits, is not returned: that event is a duplicate.
   */
  markProcessed(tx: TenantTx, consumer: string, messageIds: string[]): Promise<Set<string>> {
    return markProcessedMany(tx, consumer, messageIds);
  }

  /** Writes a batch's summed bucket and term increments of the tenant (hours and terms in a fixed order). */
  async flush(tx: TenantTx, tenantId: string, batch: IngestBatchAccumulator): Promise<void> {
    for (const { hourStart, deltas } of batch.bucketWrites()) await this.bumpBucket(tx, tenantId, hourStart, deltas);
    const terms = batch.termWrites();
    if (terms.length === 0) return;
    const rows = terms.map(
      (t) => Prisma.sql`(${tenantId}::uuid, ${t.hourStart}, ${t.kind}, ${t.key}, ${t.count}, ${t.tokensIn}, ${t.tokensOut})`,
    );
    await tx.$executeRaw`
      INSERT INTO insight_hourly_terms AS t (tenant_id, hour_start, kind, key, count, tokens_in, tokens_out)
      VALUES ${Prisma.join(rows)}
      ON CONFLICT (tenant_id, hour_start, kind, key) DO UPDATE
        SET count = t.count + EXCLUDED.count, tokens_in = t.tokens_in + EXCLUDED.tokens_in, tokens_out = t.tokens_out + EXCLUDED.tokens_out`;
  }

  /** Inserts the session's state row; false when it already existed. */
  async insertSession(
    tx: TenantTx,
    tenantId: string,
    sessionId: string,
    contactId: string | null,
    firstHour: Date,
    startedAt: Date,
  ): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO insight_sessions (tenant_id, session_id, contact_id, first_hour, started_at)
      VALUES (${tenantId}::uuid, ${sessionId}::uuid, ${contactId}::uuid, ${firstHour}, ${startedAt})
      ON CONFLICT (tenant_id, session_id) DO NOTHING`;
    return inserted === 1;
  }

  /** Sessions of the same contact that started before this one. */
  async earlierSessionsOfContact(tx: TenantTx, tenantId: string, contactId: string, sessionId: string, startedAt: Date): Promise<number> {
    return tx.insightSession.count({ where: { tenantId, contactId, sessionId: { not: sessionId }, startedAt: { lt: startedAt } } });
  }

  /** The session's state under a row lock held until commit (null when there is no row). */
  async lockSession(
    tx: TenantTx,
    tenantId: string,
    sessionId: string,
  ): Promise<(InsightSessionState & { contactId: string | null }) | null> {
    const [row] = await tx.$queryRaw<
      Array<{ first_hour: Date; contact_id: string | null; lead: boolean; escalated: boolean; closed: boolean; summarized: boolean }>
    >`
      SELECT first_hour, contact_id, lead, escalated, closed, summarized FROM insight_sessions
      WHERE tenant_id = ${tenantId}::uuid AND session_id = ${sessionId}::uuid FOR UPDATE`;
    if (!row) return null;
    return {
      firstHour: row.first_hour,
      contactId: row.contact_id,
      lead: row.lead,
      escalated: row.escalated,
      closed: row.closed,
      summarized: row.summarized,
    };
  }

  async updateSession(
    tx: TenantTx,
    tenantId: string,
    sessionId: string,
    data: InsightSessionFlags & { contactId?: string },
  ): Promise<void> {
    await tx.insightSession.update({ where: { tenantId_sessionId: { tenantId, sessionId } }, data });
  }
}
