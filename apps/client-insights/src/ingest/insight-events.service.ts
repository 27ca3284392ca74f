import { Inject, Injectable } from '@nestjs/common';
import {
  CONSUMERS,
  type ChatSessionClosed,
  type ChatTurnCompleted,
  type IntelMessageExtracted,
  type IntelSessionSummarized,
} from '@parley/contracts';
import { MicroBatcher, PermanentError, settleByGroup, type ConsumerMessageMeta } from '@parley/messaging';
import { TenantDb, type TenantTx } from '@parley/persistence';
import { redactPii } from '@parley/signals';
import { utcHourStart } from '@parley/contracts/calendar';
import { TERM_KINDS } from '../shared/term-kinds.constants';
import { IngestBatchAccumulator } from './ingest-batch.accumulator';
import { InsightIngestRepository, type InsightSessionState } from './insight-ingest.repository';
import { normalizeTermKey } from './term-key.util';

export const CONSUMER_NAME = CONSUMERS.clientInsights.durable;
export type IngestOutcome = 'counted' | 'duplicate';
type Meta = Pick<ConsumerMessageMeta, 'msgId'>;

/** The most events folded in one batch (see MicroBatcher). */
export const INGEST_MAX_BATCH = 64;

/** One event to fold: its tenant, its processed_events key and what it adds, in its tenant's transaction. */
interface IngestItem {
  tenantId: string;
  key: string;
  fold: (tx: TenantTx, batch: IngestBatchAccumulator) => Promise<void>;
}

/**
 * Folds each event into the tenant's hourly buckets, guarded by processed_events (a redelivered
 * event changes nothing). Turn-level counts land in the UTC hour of the event; session-level
 * ones (started, returning, lead, escalated, summarized, resolved, unmet needs) in the session's
 * first hour, each at most once per session.
 *
 * Events handled at the same time (the consumer runs many at once) are folded in batches: one
 * transaction per tenant per batch (tenant set by TenantDb.run, so RLS holds per tenant), one
 * processed_events statement for the batch's ids, bucket and term increments summed in memory
 * and written once before the commit. Each caller's promise settles with its own event's
 * outcome once the transaction committed; a tenant's transaction that fails is retried event by
 * event, so one bad event fails alone (MicroBatcher).
 */
@Injectable()
export class InsightEventsService {
  private readonly batcher: MicroBatcher<IngestItem, IngestOutcome>;

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

  private once(tenantId: string, key: string, fold: IngestItem['fold']): Promise<IngestOutcome> {
    return this.batcher.submit({ tenantId, key, fold });
  }

  private foldTenant(tenantId: string, items: IngestItem[]): Promise<IngestOutcome[]> {
    return this.db.run(tenantId, async (tx) => {
      const fresh = await this.repo.markProcessed(
        tx,
        CONSUMER_NAME,
        items.map((i) => i.key),
      );
      // An event of a tenant that does not exist can never be counted: dead-letter it at once.
      if (fresh.size > 0 && !(await this.repo.tenantExists(tx, tenantId))) {
        throw new PermanentError(`tenant ${tenantId} not found`, 'NOT_FOUND');
      }
      const batch = new IngestBatchAccumulator();
      const outcomes: IngestOutcome[] = [];
      for (const item of items) {
        // The first of two deliveries of one id in the same batch counts, the second is a duplicate.
        if (!fresh.delete(item.key)) {
          outcomes.push('duplicate');
          continue;
        }
        await item.fold(tx, batch);
        outcomes.push('counted');
      }
      await this.repo.flush(tx, tenantId, batch);
      return outcomes;
    });
  }

  handleTurn(turn: ChatTurnCompleted, meta: Meta): Promise<IngestOutcome> {
    return this.once(turn.tenantId, meta.msgId ?? `turn:${turn.turnId}`, async (tx, batch) => {
      const at = new Date(turn.occurredAt);
      const hour = utcHourStart(at);
      const session = await this.ensureSession(tx, batch, turn.tenantId, turn.sessionId, turn.contactId, at);
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
        await this.repo.updateSession(tx, turn.tenantId, turn.sessionId, { escalated: true });
        batch.bumpBucket(session.firstHour, { escalated_sessions: 1 });
      }
    });
  }

  handleExtracted(extracted: IntelMessageExtracted, meta: Meta): Promise<IngestOutcome> {
    return this.once(extracted.tenantId, meta.msgId ?? `extracted:${extracted.messageId}`, async (_tx, batch) => {
      const hour = utcHourStart(new Date(extracted.occurredAt));
      batch.bumpBucket(hour, { sentiment_sum: extracted.sentimentScore, sentiment_count: 1 });
      for (const topic of new Set(extracted.topics.map((t) => normalizeTermKey(redactPii(t))).filter(Boolean))) {
        batch.bumpTerm(hour, TERM_KINDS.topic, topic, 1);
      }
    });
  }

  handleClosed(closed: ChatSessionClosed, meta: Meta): Promise<IngestOutcome> {
    return this.once(closed.tenantId, meta.msgId ?? `closed:${closed.sessionId}`, async (tx, batch) => {
      const session = await this.ensureSession(tx, batch, closed.tenantId, closed.sessionId, closed.contactId, new Date(closed.startedAt));
      if (session.closed) return;
      await this.repo.updateSession(tx, closed.tenantId, closed.sessionId, { closed: true });
      batch.bumpBucket(utcHourStart(new Date(closed.closedAt)), { sessions_closed: 1 });
    });
  }

  handleSummarized(summary: IntelSessionSummarized, meta: Meta): Promise<IngestOutcome> {
    return this.once(summary.tenantId, meta.msgId ?? `summarized:${summary.summaryId}`, async (tx, batch) => {
      const chat = await this.repo.chatSession(tx, summary.sessionId);
      const startedAt = chat?.startedAt ?? new Date(summary.occurredAt);
      const session = await this.ensureSession(tx, batch, summary.tenantId, summary.sessionId, summary.contactId, startedAt);
      if (session.summarized) return;
      const lead = summary.lead && !session.lead;
      const resolved = summary.outcome === 'resolved' && !(chat?.needsHuman ?? false) && !session.escalated;
      // Redacted again here (emails, phones, postcodes, cards, names the extractor finds): an
      // aggregate outlives the contact (issue 15 point 5). L2 already keeps only real questions.
      const needs = [...new Set(summary.unmetNeeds.map((n) => normalizeTermKey(redactPii(n))).filter(Boolean))];
      await this.repo.updateSession(tx, summary.tenantId, summary.sessionId, { summarized: true, lead: session.lead || summary.lead });
      batch.bumpBucket(session.firstHour, {
        summarized_sessions: 1,
        lead_sessions: lead ? 1 : 0,
        resolved_without_human: resolved ? 1 : 0,
        unmet_needs: needs.length,
      });
      for (const need of needs) batch.bumpTerm(session.firstHour, TERM_KINDS.unmetNeed, need, 1);
    });
  }

  /**
   * The session's L3 state, created on the first event seen for it (normally its first turn):
   * creation counts the session as started in its first UTC hour, and as returning when the
   * same contact already had an earlier session. Later events read it under a row lock, so two
   * events of one session folded at once (the consumer runs several in parallel) never both
   * see `lead = false` and both count the lead.
   */
  private async ensureSession(
    tx: TenantTx,
    batch: IngestBatchAccumulator,
    tenantId: string,
    sessionId: string,
    contactId: string | null,
    startedAt: Date,
  ): Promise<InsightSessionState> {
    const firstHour = utcHourStart(startedAt);
    if (await this.repo.insertSession(tx, tenantId, sessionId, contactId, firstHour, startedAt)) {
      const earlier = contactId ? await this.repo.earlierSessionsOfContact(tx, tenantId, contactId, sessionId, startedAt) : 0;
      batch.bumpBucket(firstHour, { sessions_started: 1, returning_sessions: earlier > 0 ? 1 : 0 });
      return { firstHour, lead: false, escalated: false, closed: false, summarized: false };
    }
    const row = await this.repo.lockSession(tx, tenantId, sessionId);
    if (!row) throw new Error(`insight session ${sessionId} vanished`);
    if (contactId && !row.contactId) await this.repo.updateSession(tx, tenantId, sessionId, { contactId });
    return { firstHour: row.firstHour, lead: row.lead, escalated: row.escalated, closed: row.closed, summarized: row.summarized };
  }
}
