import { CONSUMERS, type ChatSessionClosed, type ChatTurnCompleted, type IntelMessageExtracted, type IntelSessionSummarized } from '@parley/contracts';
import { PermanentError, type ConsumerMessageMeta } from '@parley/messaging';
import { markProcessed, type TenantDb, type TenantTx } from '@parley/persistence';
import { TERM_KINDS } from '../rollup/compute-rollup';
import { utcHourStart } from '../rollup/local-time';
import { bumpBucket, bumpTerm, normalizeTermKey } from './hourly-counters';
import { ensureInsightSession, updateInsightSession } from './insight-sessions';

export const CONSUMER_NAME = CONSUMERS.clientInsights.durable;
export type IngestOutcome = 'counted' | 'duplicate';
type Meta = Pick<ConsumerMessageMeta, 'msgId'>;

/**
 * Folds each event into the tenant's hourly buckets, in one tenant transaction guarded by
 * processed_events (a redelivered event changes nothing). Turn-level counts land in the UTC
 * hour of the event; session-level ones (started, returning, lead, escalated, summarized,
 * resolved, unmet needs) in the session's first hour, each at most once per session.
 */
export class InsightEventsService {
  constructor(private readonly db: TenantDb) {}

  private once(tenantId: string, key: string, fn: (tx: TenantTx) => Promise<void>): Promise<IngestOutcome> {
    return this.db.run(tenantId, async (tx) => {
      if (!(await markProcessed(tx, CONSUMER_NAME, key))) return 'duplicate';
      // An event of a tenant that does not exist can never be counted: dead-letter it at once.
      if (!(await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) {
        throw new PermanentError(`tenant ${tenantId} not found`, 'NOT_FOUND');
      }
      await fn(tx);
      return 'counted';
    });
  }

  handleTurn(turn: ChatTurnCompleted, meta: Meta): Promise<IngestOutcome> {
    return this.once(turn.tenantId, meta.msgId ?? `turn:${turn.turnId}`, async (tx) => {
      const at = new Date(turn.occurredAt);
      const hour = utcHourStart(at);
      const session = await ensureInsightSession(tx, turn.tenantId, turn.sessionId, turn.contactId, at);
      const escalated = turn.signals.flags.includes('escalation');
      const { inputTokens, outputTokens, provider, model } = turn.usage;
      await bumpBucket(tx, turn.tenantId, hour, { turns: 1, escalations: escalated ? 1 : 0, tokens_in: inputTokens, tokens_out: outputTokens });
      await bumpTerm(tx, turn.tenantId, hour, TERM_KINDS.model, `${provider}/${model}`, 1, { in: inputTokens, out: outputTokens });
      if (escalated && !session.escalated) {
        await updateInsightSession(tx, turn.tenantId, turn.sessionId, { escalated: true });
        await bumpBucket(tx, turn.tenantId, session.firstHour, { escalated_sessions: 1 });
      }
    });
  }

  handleExtracted(extracted: IntelMessageExtracted, meta: Meta): Promise<IngestOutcome> {
    return this.once(extracted.tenantId, meta.msgId ?? `extracted:${extracted.messageId}`, async (tx) => {
      const hour = utcHourStart(new Date(extracted.occurredAt));
      await bumpBucket(tx, extracted.tenantId, hour, { sentiment_sum: extracted.sentimentScore, sentiment_count: 1 });
      for (const topic of new Set(extracted.topics.map(normalizeTermKey).filter(Boolean))) {
        await bumpTerm(tx, extracted.tenantId, hour, TERM_KINDS.topic, topic, 1);
      }
    });
  }

  handleClosed(closed: ChatSessionClosed, meta: Meta): Promise<IngestOutcome> {
    return this.once(closed.tenantId, meta.msgId ?? `closed:${closed.sessionId}`, async (tx) => {
      const session = await ensureInsightSession(tx, closed.tenantId, closed.sessionId, closed.contactId, new Date(closed.startedAt));
      if (session.closed) return;
      await updateInsightSession(tx, closed.tenantId, closed.sessionId, { closed: true });
      await bumpBucket(tx, closed.tenantId, utcHourStart(new Date(closed.closedAt)), { sessions_closed: 1 });
    });
  }

  handleSummarized(summary: IntelSessionSummarized, meta: Meta): Promise<IngestOutcome> {
    return this.once(summary.tenantId, meta.msgId ?? `summarized:${summary.summaryId}`, async (tx) => {
      const chat = await tx.chatSession.findUnique({ where: { id: summary.sessionId }, select: { needsHuman: true, startedAt: true } });
      const startedAt = chat?.startedAt ?? new Date(summary.occurredAt);
      const session = await ensureInsightSession(tx, summary.tenantId, summary.sessionId, summary.contactId, startedAt);
      if (session.summarized) return;
      const lead = summary.lead && !session.lead;
      const resolved = summary.outcome === 'resolved' && !(chat?.needsHuman ?? false) && !session.escalated;
      const needs = [...new Set(summary.unmetNeeds.map(normalizeTermKey).filter(Boolean))];
      await updateInsightSession(tx, summary.tenantId, summary.sessionId, { summarized: true, lead: session.lead || summary.lead });
      await bumpBucket(tx, summary.tenantId, session.firstHour, {
        summarized_sessions: 1,
        lead_sessions: lead ? 1 : 0,
        resolved_without_human: resolved ? 1 : 0,
        unmet_needs: needs.length,
      });
      for (const need of needs) await bumpTerm(tx, summary.tenantId, session.firstHour, TERM_KINDS.unmetNeed, need, 1);
    });
  }
}
