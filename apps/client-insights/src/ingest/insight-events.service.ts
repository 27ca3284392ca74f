import { Inject, Injectable } from '@nestjs/common';
import {
  CONSUMERS,
  type ChatSessionClosed,
  type ChatTurnCompleted,
  type IntelMessageExtracted,
  type IntelSessionSummarized,
} from '@parley/contracts';
import { MicroBatcher, PermanentError, settleByGroup, type ConsumerMessageMeta } from '@parley/messaging';
import { TenantDb, type PgTx } from '@parley/persistence';
import { utcHourStart } from '@parley/contracts/calendar';
import { settledInOrder } from '../shared/settled-in-order.util';
import { TERM_KINDS } from '../shared/term-kinds.constants';
import { IngestBatchAccumulator } from './ingest-batch.accumulator';
import { IngestBatchSessions } from './ingest-batch.sessions';
import { InsightIngestRepository, type ClaimedSession, type WantedSession } from './insight-ingest.repository';
import { TermKeys } from './term-key.util';

export const CONSUMER_NAME = CONSUMERS.clientInsights.durable;
export type IngestOutcome = 'counted' | 'duplicate';
type Meta = Pick<ConsumerMessageMeta, 'msgId'>;

/** The most events folded in one batch (see MicroBatcher). */
export const INGEST_MAX_BATCH = 64;

/** What a batch's fold works with: the tenant's transaction, its summed increments and its sessions. */
interface FoldContext {
  tx: PgTx;
  batch: IngestBatchAccumulator;
  sessions: IngestBatchSessions;
}

/**
 * One event to fold: its tenant, its processed_events key, its session, and what it adds. `claim`
 * (the session's contact and start as the event knows them) lets the batch create or lock the
 * session with the batch's others before folding; an event without it (a summary: its start comes
 * from the chat session) claims its session when it folds.
 */
interface IngestItem {
  tenantId: string;
  key: string;
  /** The session the event changes (none: it touches no insight_sessions row). */
  sessionId?: string;
  claim?: { contactId: string | null; startedAt: Date };
  fold: (ctx: FoldContext) => Promise<void>;
}

/**
 * Folds each event into the tenant's hourly buckets, guarded by processed_events (a redelivered
 * event changes nothing). Turn-level counts land in the UTC hour of the event; session-level
 * ones (started, returning, lead, escalated, summarized, resolved, unmet needs) in the session's
 * first hour, each at most once per session.
 *
 * Events handled at the same time (the consumer runs many at once) are folded in batches: one
 * transaction per tenant per batch (node-postgres, tenant set by TenantDb.transaction, so RLS holds per tenant), one
 * processed_events statement for the batch's ids, bucket and term increments summed in memory
 * and written once before the commit. Each caller's promise settles with its own event's
 * outcome once the transaction committed; a tenant's transaction that fails is retried event by
 * event, so one bad event fails alone (MicroBatcher).
 */
@Injectable()
export class InsightEventsService {
  private readonly batcher: MicroBatcher<IngestItem, IngestOutcome>;
  private readonly terms = new TermKeys();

  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: InsightIngestRepository,
  ) {
    this.batcher = new MicroBatcher({
      maxBatch: INGEST_MAX_BATCH,
      run: (items) =>
        settleByGroup(
          items,
          (i) => i.tenantId,
          (group, tenantId) => this.foldTenant(tenantId, group),
        ),
    });
  }

  private once(item: IngestItem): Promise<IngestOutcome> {
    return this.batcher.submit(item);
  }

  private foldTenant(tenantId: string, items: IngestItem[]): Promise<IngestOutcome[]> {
    return this.db.transaction(tenantId, async (tx) => {
      // Sent together (the connection pipelines them: one round trip), run in this order.
      const [fresh, exists] = await settledInOrder([
        this.repo.markProcessed(
          tx,
          CONSUMER_NAME,
          items.map((i) => i.key),
        ),
        this.repo.tenantExists(tx, tenantId),
      ]);
      // An event of a tenant that does not exist can never be counted: dead-letter it at once.
      if (fresh.size > 0 && !exists) {
        throw new PermanentError(`tenant ${tenantId} not found`, 'NOT_FOUND');
      }
      const ctx: FoldContext = { tx, batch: new IngestBatchAccumulator(), sessions: new IngestBatchSessions() };
      // The first of two deliveries of one id in the same batch counts, the second is a duplicate.
      const counted = items.map((item) => fresh.delete(item.key));
      await this.claimSessions(ctx, tenantId, claimsInOrder(items.filter((_, i) => counted[i])));
      const outcomes: IngestOutcome[] = [];
      for (const [i, item] of items.entries()) {
        if (!counted[i]) {
          outcomes.push('duplicate');
          continue;
        }
        await item.fold(ctx);
        outcomes.push('counted');
      }
      // The batch's writes, pipelined too (sessions, then buckets, then terms, as before).
      await settledInOrder([this.repo.saveSessions(tx, tenantId, ctx.sessions.writes()), this.repo.flush(tx, tenantId, ctx.batch)]);
      return outcomes;
    });
  }

  handleTurn(turn: ChatTurnCompleted, meta: Meta): Promise<IngestOutcome> {
    const at = new Date(turn.occurredAt);
    return this.once({
      tenantId: turn.tenantId,
      key: meta.msgId ?? `turn:${turn.turnId}`,
      sessionId: turn.sessionId,
      claim: { contactId: turn.contactId, startedAt: at },
      fold: (ctx) => this.foldTurn(ctx, turn, at),
    });
  }

  private async foldTurn(ctx: FoldContext, turn: ChatTurnCompleted, at: Date): Promise<void> {
    const { batch } = ctx;
    const hour = utcHourStart(at);
    const session = await this.ensureSession(ctx, turn.tenantId, turn.sessionId, turn.contactId, at);
    const escalated = turn.signals.flags.includes('escalation');
    const { inputTokens, outputTokens, provider, model } = turn.usage;
    batch.bumpBucket(hour, {
      turns: 1,
      escalations: escalated ? 1 : 0,
      tokens_in: inputTokens,
      tokens_out: outputTokens,
    });
    batch.bumpTerm(hour, TERM_KINDS.model, `${provider}/${model}`, 1, {
      in: inputTokens,
      out: outputTokens,
    });
    if (escalated && !session.escalated) {
      ctx.sessions.update(turn.sessionId, { escalated: true });
      batch.bumpBucket(session.firstHour, { escalated_sessions: 1 });
    }
  }

  handleExtracted(extracted: IntelMessageExtracted, meta: Meta): Promise<IngestOutcome> {
    return this.once({
      tenantId: extracted.tenantId,
      key: meta.msgId ?? `extracted:${extracted.messageId}`,
      fold: async ({ batch }) => this.foldExtracted(batch, extracted),
    });
  }

  private foldExtracted(batch: IngestBatchAccumulator, extracted: IntelMessageExtracted): void {
    const hour = utcHourStart(new Date(extracted.occurredAt));
    batch.bumpBucket(hour, { sentiment_sum: extracted.sentimentScore, sentiment_count: 1 });
    for (const topic of new Set(extracted.topics.map((t) => this.terms.key(t)).filter(Boolean))) {
      batch.bumpTerm(hour, TERM_KINDS.topic, topic, 1);
    }
  }

  handleClosed(closed: ChatSessionClosed, meta: Meta): Promise<IngestOutcome> {
    const startedAt = new Date(closed.startedAt);
    return this.once({
      tenantId: closed.tenantId,
      key: meta.msgId ?? `closed:${closed.sessionId}`,
      sessionId: closed.sessionId,
      claim: { contactId: closed.contactId, startedAt },
      fold: async (ctx) => {
        const session = await this.ensureSession(ctx, closed.tenantId, closed.sessionId, closed.contactId, startedAt);
        if (session.closed) return;
        ctx.sessions.update(closed.sessionId, { closed: true });
        ctx.batch.bumpBucket(utcHourStart(new Date(closed.closedAt)), { sessions_closed: 1 });
      },
    });
  }

  handleSummarized(summary: IntelSessionSummarized, meta: Meta): Promise<IngestOutcome> {
    return this.once({
      tenantId: summary.tenantId,
      key: meta.msgId ?? `summarized:${summary.summaryId}`,
      sessionId: summary.sessionId,
      fold: (ctx) => this.foldSummarized(ctx, summary),
    });
  }

  private async foldSummarized({ tx, batch, sessions }: FoldContext, summary: IntelSessionSummarized): Promise<void> {
    const chat = await this.repo.chatSession(tx, summary.sessionId);
    const startedAt = chat?.startedAt ?? new Date(summary.occurredAt);
    const session = await this.ensureSession({ tx, batch, sessions }, summary.tenantId, summary.sessionId, summary.contactId, startedAt);
    if (session.summarized) return;
    const lead = summary.lead && !session.lead;
    const resolved = summary.outcome === 'resolved' && !(chat?.needsHuman ?? false) && !session.escalated;
    // Redacted again here (emails, phones, postcodes, cards, names the extractor finds): an
    // aggregate outlives the contact (issue 15 point 5). L2 already keeps only real questions.
    const needs = [...new Set(summary.unmetNeeds.map((n) => this.terms.key(n)).filter(Boolean))];
    sessions.update(summary.sessionId, { summarized: true, lead: session.lead || summary.lead });
    batch.bumpBucket(session.firstHour, {
      summarized_sessions: 1,
      lead_sessions: lead ? 1 : 0,
      resolved_without_human: resolved ? 1 : 0,
      unmet_needs: needs.length,
    });
    for (const need of needs) batch.bumpTerm(session.firstHour, TERM_KINDS.unmetNeed, need, 1);
  }

  /**
   * The session's L3 state, created on the first event seen for it (normally its first turn):
   * creation counts the session as started in its first UTC hour, and as returning when the
   * same contact already had an earlier session. The batch claims its sessions before folding
   * (claimSessions); a session not claimed yet is claimed here. A claimed row stays locked until
   * commit, so two events of one session folded at once (the consumer runs several in parallel,
   * on several replicas) never both see `lead = false` and both count the lead.
   */
  private async ensureSession(
    ctx: FoldContext,
    tenantId: string,
    sessionId: string,
    contactId: string | null,
    startedAt: Date,
  ): Promise<ClaimedSession> {
    if (!ctx.sessions.has(sessionId)) await this.claimSessions(ctx, tenantId, [{ sessionId, contactId, startedAt }]);
    const session = ctx.sessions.get(sessionId) as ClaimedSession;
    if (contactId && !session.contactId) ctx.sessions.update(sessionId, { contactId });
    return session;
  }

  /**
   * Creates or locks the sessions in one statement and adds them to the batch; counts each
   * session created. A row that another transaction created meanwhile (not visible to that
   * statement) is locked on its own.
   */
  private async claimSessions(
    { tx, batch, sessions }: FoldContext,
    tenantId: string,
    claims: Array<{ sessionId: string; contactId: string | null; startedAt: Date }>,
  ): Promise<void> {
    const wanted: WantedSession[] = claims.map((c) => ({ ...c, firstHour: utcHourStart(c.startedAt) }));
    const rows = await this.repo.claimSessions(tx, tenantId, wanted);
    for (const row of rows) sessions.add(row);
    for (const w of wanted) {
      if (sessions.has(w.sessionId)) continue;
      const row = await this.repo.lockSession(tx, tenantId, w.sessionId);
      if (!row) throw new Error(`insight session ${w.sessionId} vanished`);
      sessions.add(row);
    }
    for (const row of rows.filter((r) => r.created)) {
      const w = wanted.find((x) => x.sessionId === row.sessionId) as WantedSession;
      const earlier = row.contactId ? await this.repo.earlierSessionsOfContact(tx, tenantId, row.contactId, row.sessionId, w.startedAt) : 0;
      batch.bumpBucket(row.firstHour, { sessions_started: 1, returning_sessions: earlier > 0 ? 1 : 0 });
    }
  }
}

/**
 * The sessions to claim before folding: per session, the first event's claim, unless the
 * session's first event in the batch has none (a summary claims its session itself when it
 * folds, with the chat session's start, as it would alone).
 */
function claimsInOrder(items: readonly IngestItem[]): Array<{ sessionId: string; contactId: string | null; startedAt: Date }> {
  const first = new Map<string, IngestItem>();
  for (const item of items) if (item.sessionId !== undefined && !first.has(item.sessionId)) first.set(item.sessionId, item);
  return [...first.entries()].flatMap(([sessionId, i]) => (i.claim ? [{ sessionId, ...i.claim }] : []));
}
