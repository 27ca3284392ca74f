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

/** A session a batch needs, with what its row gets if the batch creates it. */
export interface WantedSession {
  sessionId: string;
  contactId: string | null;
  firstHour: Date;
  startedAt: Date;
}

/** A session's row as a batch holds it (locked until commit): its state, its contact, and whether the batch created it. */
export interface ClaimedSession extends InsightSessionState {
  sessionId: string;
  contactId: string | null;
  created: boolean;
}

interface SessionRow {
  session_id: string;
  contact_id: string | null;
  first_hour: Date;
  lead: boolean;
  escalated: boolean;
  closed: boolean;
  summarized: boolean;
}

const claimed = (row: SessionRow, created: boolean): ClaimedSession => ({
  sessionId: row.session_id,
  contactId: row.contact_id,
  firstHour: row.first_hour,
  lead: row.lead,
  escalated: row.escalated,
  closed: row.closed,
  summarized: row.summarized,
  created,
});

/** What ingest reads and writes, in the tenant's transaction: hourly buckets and terms, insight_sessions, and the two facts it needs from elsewhere. */
@Injectable()
export class InsightIngestRepository {
  /** Whether the tenant exists (a raw statement: no Prisma query compilation on every batch). */
  async tenantExists(tx: TenantTx, tenantId: string): Promise<boolean> {
    const [row] = await tx.$queryRaw<
      Array<{ found: boolean }>
    >`SELECT EXISTS (SELECT 1 FROM tenants WHERE id = ${tenantId}::uuid) AS found`;
    return row?.found === true;
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

  /**
   * Creates the rows of the wanted sessions that do not exist yet and locks the others (FOR
   * UPDATE, until commit), in one statement; returns each session's state with `created` set
   * for the rows it inserted. A row another transaction inserted after this statement's snapshot
   * is neither created nor returned (the caller locks it on its own with lockSession).
   */
  async claimSessions(tx: TenantTx, tenantId: string, wanted: readonly WantedSession[]): Promise<ClaimedSession[]> {
    if (wanted.length === 0) return [];
    const rows = await tx.$queryRaw<Array<SessionRow & { created: boolean }>>`
      WITH wanted AS (
        SELECT * FROM unnest(
          ${wanted.map((w) => w.sessionId)}::uuid[],
          ${wanted.map((w) => w.contactId)}::uuid[],
          ${wanted.map((w) => w.firstHour.toISOString())}::timestamptz[],
          ${wanted.map((w) => w.startedAt.toISOString())}::timestamptz[]
        ) AS w(session_id, contact_id, first_hour, started_at)
      ), created AS (
        INSERT INTO insight_sessions (tenant_id, session_id, contact_id, first_hour, started_at)
        SELECT ${tenantId}::uuid, session_id, contact_id, first_hour, started_at FROM wanted ORDER BY session_id
        ON CONFLICT (tenant_id, session_id) DO NOTHING
        RETURNING session_id, contact_id, first_hour, lead, escalated, closed, summarized
      ), existing AS (
        SELECT session_id, contact_id, first_hour, lead, escalated, closed, summarized FROM insight_sessions
        WHERE tenant_id = ${tenantId}::uuid AND session_id IN (SELECT session_id FROM wanted)
        ORDER BY session_id FOR UPDATE
      )
      SELECT true AS created, * FROM created
      UNION ALL
      SELECT false AS created, * FROM existing WHERE session_id NOT IN (SELECT session_id FROM created)`;
    return rows.map((r) => claimed(r, r.created));
  }

  /** Writes the sessions' contact and flags (rows the caller holds locked), one statement. */
  async saveSessions(tx: TenantTx, tenantId: string, sessions: readonly ClaimedSession[]): Promise<void> {
    if (sessions.length === 0) return;
    await tx.$executeRaw`
      UPDATE insight_sessions s
      SET contact_id = u.contact_id, lead = u.lead, escalated = u.escalated, closed = u.closed, summarized = u.summarized
      FROM unnest(
        ${sessions.map((x) => x.sessionId)}::uuid[],
        ${sessions.map((x) => x.contactId)}::uuid[],
        ${sessions.map((x) => x.lead)}::boolean[],
        ${sessions.map((x) => x.escalated)}::boolean[],
        ${sessions.map((x) => x.closed)}::boolean[],
        ${sessions.map((x) => x.summarized)}::boolean[]
      ) AS u(session_id, contact_id, lead, escalated, closed, summarized)
      WHERE s.tenant_id = ${tenantId}::uuid AND s.session_id = u.session_id`;
  }

  /** Sessions of the same contact that started before this one. */
  async earlierSessionsOfContact(tx: TenantTx, tenantId: string, contactId: string, sessionId: string, startedAt: Date): Promise<number> {
    return tx.insightSession.count({ where: { tenantId, contactId, sessionId: { not: sessionId }, startedAt: { lt: startedAt } } });
  }

  /** The session's state under a row lock held until commit (null when there is no row). */
  async lockSession(tx: TenantTx, tenantId: string, sessionId: string): Promise<ClaimedSession | null> {
    const [row] = await tx.$queryRaw<SessionRow[]>`
      SELECT session_id, contact_id, first_hour, lead, escalated, closed, summarized FROM insight_sessions
      WHERE tenant_id = ${tenantId}::uuid AND session_id = ${sessionId}::uuid FOR UPDATE`;
    return row ? claimed(row, false) : null;
  }
}
