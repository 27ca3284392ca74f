import { Injectable } from '@nestjs/common';
import { markProcessedManyPg, type PgTx } from '@parley/persistence';
import { settledInOrder } from '../shared/settled-in-order.util';
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

/** Every counter column, in the order BUCKETS_SQL's arrays take them ($3 ... $16). */
const BUCKET_COUNTERS: readonly BucketCounter[] = [
  'turns',
  'sessions_started',
  'returning_sessions',
  'sessions_closed',
  'sentiment_sum',
  'sentiment_count',
  'lead_sessions',
  'escalations',
  'escalated_sessions',
  'summarized_sessions',
  'resolved_without_human',
  'unmet_needs',
  'tokens_in',
  'tokens_out',
];
const BUCKET_TYPES: Record<BucketCounter, string> = {
  turns: 'int',
  sessions_started: 'int',
  returning_sessions: 'int',
  sessions_closed: 'int',
  sentiment_sum: 'float8',
  sentiment_count: 'int',
  lead_sessions: 'int',
  escalations: 'int',
  escalated_sessions: 'int',
  summarized_sessions: 'int',
  resolved_without_human: 'int',
  unmet_needs: 'int',
  tokens_in: 'bigint',
  tokens_out: 'bigint',
};

/**
 * Adds each hour's deltas ($2: the hours; $3... one array per counter, 0 where an hour has none)
 * to the tenant's ($1) bucket of that UTC hour, creating it at zero first: one atomic INSERT ...
 * ON CONFLICT over all the batch's hours, in the order given (the order rows are locked in).
 * Column names come from BUCKET_COUNTERS, never from input; fixed text (one prepared statement).
 */
const BUCKETS_SQL = `
  INSERT INTO insight_hourly_buckets AS b (tenant_id, hour_start, ${BUCKET_COUNTERS.map((c) => `"${c}"`).join(', ')})
  SELECT $1::uuid, u.hour_start, ${BUCKET_COUNTERS.map((c) => `u."${c}"`).join(', ')}
    FROM unnest($2::timestamptz[], ${BUCKET_COUNTERS.map((c, i) => `$${i + 3}::${BUCKET_TYPES[c]}[]`).join(', ')})
         WITH ORDINALITY AS u(hour_start, ${BUCKET_COUNTERS.map((c) => `"${c}"`).join(', ')}, n)
   ORDER BY u.n
  ON CONFLICT (tenant_id, hour_start) DO UPDATE SET ${BUCKET_COUNTERS.map((c) => `"${c}" = b."${c}" + EXCLUDED."${c}"`).join(', ')},
     updated_at = now()`;

/** Adds the batch's term increments (arrays by column, in the order given) to the tenant's ($1) hourly terms. */
const TERMS_SQL = `
  INSERT INTO insight_hourly_terms AS t (tenant_id, hour_start, kind, key, count, tokens_in, tokens_out)
  SELECT $1::uuid, u.hour_start, u.kind, u.key, u.count, u.tokens_in, u.tokens_out
    FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::bigint[])
         WITH ORDINALITY AS u(hour_start, kind, key, count, tokens_in, tokens_out, n)
   ORDER BY u.n
  ON CONFLICT (tenant_id, hour_start, kind, key) DO UPDATE
    SET count = t.count + EXCLUDED.count, tokens_in = t.tokens_in + EXCLUDED.tokens_in, tokens_out = t.tokens_out + EXCLUDED.tokens_out`;

/**
 * Creates the rows of the wanted sessions ($2... arrays by column) that do not exist yet and
 * locks the others (FOR UPDATE, until commit), in one statement (see claimSessions).
 */
const CLAIM_SESSIONS_SQL = `
  WITH wanted AS (
    SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[]) AS w(session_id, contact_id, first_hour, started_at)
  ), created AS (
    INSERT INTO insight_sessions (tenant_id, session_id, contact_id, first_hour, started_at)
    SELECT $1::uuid, session_id, contact_id, first_hour, started_at FROM wanted ORDER BY session_id
    ON CONFLICT (tenant_id, session_id) DO NOTHING
    RETURNING session_id, contact_id, first_hour, lead, escalated, closed, summarized
  ), existing AS (
    SELECT session_id, contact_id, first_hour, lead, escalated, closed, summarized FROM insight_sessions
    WHERE tenant_id = $1::uuid AND session_id IN (SELECT session_id FROM wanted)
    ORDER BY session_id FOR UPDATE
  )
  SELECT true AS created, session_id::text, contact_id::text, first_hour, lead, escalated, closed, summarized FROM created
  UNION ALL
  SELECT false AS created, session_id::text, contact_id::text, first_hour, lead, escalated, closed, summarized FROM existing
   WHERE session_id NOT IN (SELECT session_id FROM created)`;

const SAVE_SESSIONS_SQL = `
  UPDATE insight_sessions s
  SET contact_id = u.contact_id, lead = u.lead, escalated = u.escalated, closed = u.closed, summarized = u.summarized
  FROM unnest($2::uuid[], $3::uuid[], $4::boolean[], $5::boolean[], $6::boolean[], $7::boolean[])
       AS u(session_id, contact_id, lead, escalated, closed, summarized)
  WHERE s.tenant_id = $1::uuid AND s.session_id = u.session_id`;

const LOCK_SESSION_SQL = `
  SELECT session_id::text, contact_id::text, first_hour, lead, escalated, closed, summarized FROM insight_sessions
  WHERE tenant_id = $1::uuid AND session_id = $2::uuid FOR UPDATE`;

/**
 * What ingest reads and writes, in the tenant's transaction (TenantDb.transaction(): node-postgres,
 * fixed SQL text, rows mapped here): hourly buckets and terms, insight_sessions, and the two facts
 * it needs from elsewhere.
 */
@Injectable()
export class InsightIngestRepository {
  /** Whether the tenant exists. */
  async tenantExists(tx: PgTx, tenantId: string): Promise<boolean> {
    const [row] = await tx.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM tenants WHERE id = $1::uuid) AS found`, [tenantId]);
    return row?.found === true;
  }

  /** The chat session's start and whether it asked for a person (null when chat has no such session). */
  async chatSession(tx: PgTx, sessionId: string): Promise<{ needsHuman: boolean; startedAt: Date } | null> {
    const [row] = await tx.query<{ needs_human: boolean; started_at: Date }>(
      `SELECT needs_human, started_at FROM chat_sessions WHERE id = $1::uuid`,
      [sessionId],
    );
    return row ? { needsHuman: row.needs_human, startedAt: row.started_at } : null;
  }

  /**
   * Records `consumer` handled these message ids (processed_events, in the caller's transaction,
   * one statement) and returns the ids that were new. An id already there, or held by a
   * concurrent transaction that commits, is not returned: that event is a duplicate.
   */
  markProcessed(tx: PgTx, consumer: string, messageIds: string[]): Promise<Set<string>> {
    return markProcessedManyPg(tx, consumer, messageIds);
  }

  /**
   * Writes a batch's summed bucket and term increments of the tenant (hours and terms in a fixed
   * order): one atomic upsert for the buckets of all its hours, one for its terms, so concurrent
   * batches of the same hour never lose an update.
   */
  async flush(tx: PgTx, tenantId: string, batch: IngestBatchAccumulator): Promise<void> {
    const buckets = batch.bucketWrites();
    const terms = batch.termWrites();
    // Both sent at once (the connection pipelines them; the buckets' upsert runs first).
    const writes: Array<Promise<unknown>> = [];
    if (buckets.length > 0)
      writes.push(
        tx.query(BUCKETS_SQL, [
          tenantId,
          buckets.map((b) => b.hourStart.toISOString()),
          ...BUCKET_COUNTERS.map((c) => buckets.map((b) => b.deltas[c] ?? 0)),
        ]),
      );
    if (terms.length > 0)
      writes.push(
        tx.query(TERMS_SQL, [
          tenantId,
          terms.map((t) => t.hourStart.toISOString()),
          terms.map((t) => t.kind),
          terms.map((t) => t.key),
          terms.map((t) => t.count),
          terms.map((t) => t.tokensIn),
          terms.map((t) => t.tokensOut),
        ]),
      );
    await settledInOrder(writes);
  }

  /**
   * Creates the rows of the wanted sessions that do not exist yet and locks the others (FOR
   * UPDATE, until commit), in one statement; returns each session's state with `created` set
   * for the rows it inserted. A row another transaction inserted after this statement's snapshot
   * is neither created nor returned (the caller locks it on its own with lockSession).
   */
  async claimSessions(tx: PgTx, tenantId: string, wanted: readonly WantedSession[]): Promise<ClaimedSession[]> {
    if (wanted.length === 0) return [];
    const rows = await tx.query<SessionRow & { created: boolean }>(CLAIM_SESSIONS_SQL, [
      tenantId,
      wanted.map((w) => w.sessionId),
      wanted.map((w) => w.contactId),
      wanted.map((w) => w.firstHour.toISOString()),
      wanted.map((w) => w.startedAt.toISOString()),
    ]);
    return rows.map((r) => claimed(r, r.created));
  }

  /** Writes the sessions' contact and flags (rows the caller holds locked), one statement. */
  async saveSessions(tx: PgTx, tenantId: string, sessions: readonly ClaimedSession[]): Promise<void> {
    if (sessions.length === 0) return;
    await tx.query(SAVE_SESSIONS_SQL, [
      tenantId,
      sessions.map((x) => x.sessionId),
      sessions.map((x) => x.contactId),
      sessions.map((x) => x.lead),
      sessions.map((x) => x.escalated),
      sessions.map((x) => x.closed),
      sessions.map((x) => x.summarized),
    ]);
  }

  /** Sessions of the same contact that started before this one. */
  async earlierSessionsOfContact(tx: PgTx, tenantId: string, contactId: string, sessionId: string, startedAt: Date): Promise<number> {
    const [row] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM insight_sessions
        WHERE tenant_id = $1::uuid AND contact_id = $2::uuid AND session_id <> $3::uuid AND started_at < $4::timestamptz`,
      [tenantId, contactId, sessionId, startedAt.toISOString()],
    );
    return row?.n ?? 0;
  }

  /** The session's state under a row lock held until commit (null when there is no row). */
  async lockSession(tx: PgTx, tenantId: string, sessionId: string): Promise<ClaimedSession | null> {
    const [row] = await tx.query<SessionRow>(LOCK_SESSION_SQL, [tenantId, sessionId]);
    return row ? claimed(row, false) : null;
  }
}
