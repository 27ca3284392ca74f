import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CONSUMERS,
  countryForTimeZone,
  IntelSessionSummarizedEvent,
  NotifyRequestedEvent,
  type ChatSessionClosed,
} from '@parley/contracts';
import { PermanentError, toOutboxMessage, type ConsumerMessageMeta } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { enqueueOutbox, markProcessed, readFieldRecords, TenantDb, type Prisma, type TenantTx } from '@parley/persistence';
import type { Extraction } from '@parley/signals';
import { ChatTablesRepository, type ChatSessionRef } from '../chat-tables/chat-tables.repository';
import { L1B_SOURCE } from '../extraction/extraction.constants';
import { readAggregate, sentimentLabel } from '../extraction/interaction-aggregate.calculator';
import { readPreferences } from '../extraction/preferences.util';
import { summarizeSession, type SessionMessage, type SessionSummaryResult } from './session-summary.builder';
import { SummaryRepository, type SummaryColumns } from './summary.repository';

const CONSUMER = CONSUMERS.tenantIntelligence.durable;
/** Chat marks a customer message the bot could not answer with this signal row. */
export const UNANSWERED_SIGNAL = { source: 'offline', kind: 'intent', label: 'unanswered_question' } as const;
/** L1a urgency findings store their severity in data; these ask for a callback. */
const URGENT_SEVERITIES = ['high', 'critical'];

/** The contact's earlier names (field history): redacted from aggregates like the current one. */
function nameHistory(attributes: unknown): string[] {
  return readFieldRecords(attributes).name?.alternates.map((a) => a.value) ?? [];
}

export interface SummaryOutcome {
  status: 'summarized' | 'duplicate';
  summary: SessionSummaryResult | null;
}

/**
 * L2 for one evt.chat.session_closed (explicit close or idle timeout): summarise the session
 * into session_summaries, emit evt.intel.session_summarized, and ask for a tenant notification
 * when there are follow-ups — one transaction, guarded by processed_events.
 */
@Injectable()
export class SessionSummaryService {
  private readonly logger: Logger;

  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: SummaryRepository,
    private readonly chat: ChatTablesRepository,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'l2' });
  }

  async handle(closed: ChatSessionClosed, meta: Pick<ConsumerMessageMeta, 'msgId'>): Promise<SummaryOutcome> {
    const messageKey = meta.msgId ?? `session-closed:${closed.sessionId}`;
    return this.db.run(closed.tenantId, async (tx) => {
      if (!(await markProcessed(tx, CONSUMER, messageKey))) return { status: 'duplicate', summary: null };
      const session = await this.chat.session(tx, closed.sessionId);
      if (!session) throw new PermanentError(`session ${closed.sessionId} not found for tenant ${closed.tenantId}`, 'NOT_FOUND');
      const result = await this.summarize(tx, closed.tenantId, session);
      const contactId = session.contactId;
      const stored = await this.repo.upsertSummary(tx, closed.tenantId, session.id, contactId, this.columns(result));
      const interaction = await this.repo.conversationInteraction(tx, session.id);
      if (interaction) await this.repo.setInteractionSummary(tx, interaction.id, result.summary.slice(0, 2000));
      const now = new Date().toISOString();
      await enqueueOutbox(
        tx,
        toOutboxMessage(
          IntelSessionSummarizedEvent,
          {
            version: 1,
            tenantId: closed.tenantId,
            sessionId: session.id,
            summaryId: stored.id,
            contactId,
            outcome: result.outcome,
            sentiment: sentimentLabel(result.sentimentEnd ?? 0),
            sentimentStart: result.sentimentStart,
            sentimentEnd: result.sentimentEnd,
            topics: result.topics.map((t) => t.slice(0, 100)),
            unmetNeeds: result.unmetNeeds.slice(0, 20),
            lead: interaction?.lead ?? false,
            followUpRequired: result.followUps.length > 0,
            messageCount: closed.turnCount,
            method: 'deterministic',
            occurredAt: now,
          },
          closed.tenantId,
        ),
      );
      if (result.followUps.length > 0) {
        await enqueueOutbox(
          tx,
          toOutboxMessage(
            NotifyRequestedEvent,
            {
              version: 1,
              tenantId: closed.tenantId,
              notificationId: randomUUID(),
              audience: 'tenant',
              category: 'follow_up',
              kind: 'follow_up',
              severity: 'info',
              title: `Follow up: ${result.followUps[0].action}`.slice(0, 200),
              body: result.followUps
                .map((f) => `- ${f.action}${f.due ? ` (${f.due})` : ''}`)
                .join('\n')
                .slice(0, 4000),
              link: contactId ? `/contacts/${contactId}` : `/sessions/${session.id}/summary`,
              channels: [],
              occurredAt: now,
            },
            closed.tenantId,
          ),
        );
      }
      this.logger.debug({ tenantId: closed.tenantId, sessionId: session.id, outcome: result.outcome }, 'session summarized');
      return { status: 'summarized', summary: result };
    });
  }

  private columns(result: SessionSummaryResult): SummaryColumns {
    return {
      summary: result.summary,
      outcome: result.outcome,
      sentiment: sentimentLabel(result.sentimentEnd ?? 0),
      topics: result.topics,
      unmetNeeds: result.unmetNeeds,
      sentimentStart: result.sentimentStart,
      sentimentEnd: result.sentimentEnd,
      actionItems: result.followUps as unknown as Prisma.InputJsonValue,
      generatedBy: 'deterministic',
    };
  }

  private async summarize(tx: TenantTx, tenantId: string, session: ChatSessionRef): Promise<SessionSummaryResult> {
    // One after the other: queries issued together on one transaction's connection queue inside
    // pg and trigger its "already executing" deprecation (an error from pg 9).
    const messages = await this.chat.sessionMessages(tx, session.id);
    const signals = await this.chat.sessionSignals(tx, session.id, [
      { source: L1B_SOURCE, kind: 'extraction' },
      { ...UNANSWERED_SIGNAL },
      { source: 'l1a', kind: 'urgency' },
      { source: 'l1a', kind: 'escalation' },
    ]);
    const contact = session.contactId ? await this.repo.contactProfile(tx, session.contactId) : null;
    const interaction = await this.repo.conversationInteraction(tx, session.id);
    const aggregate = readAggregate(interaction?.data);
    const locale = await this.repo.tenantLocale(tx, tenantId);
    const country = locale?.country ?? countryForTimeZone(locale?.timezone) ?? undefined;
    return summarizeSession({
      messages: messages as SessionMessage[],
      extractions: new Map(
        signals
          .filter((s) => s.source === L1B_SOURCE && s.kind === 'extraction')
          .map((s) => [s.messageId, s.data as unknown as Extraction]),
      ),
      unansweredQuestionIds: new Set(
        signals.filter((s) => s.label === UNANSWERED_SIGNAL.label && s.source === UNANSWERED_SIGNAL.source).map((s) => s.messageId),
      ),
      urgentMessageIds: new Set(
        signals
          .filter((s) => s.kind === 'urgency' && URGENT_SEVERITIES.includes(String((s.data as { severity?: unknown } | null)?.severity)))
          .map((s) => s.messageId),
      ),
      needsHuman: session.needsHuman,
      askedForPerson: signals.some((s) => s.source === 'l1a' && s.kind === 'escalation'),
      contact: contact
        ? { name: contact.name, email: contact.email, phone: contact.phone, preferences: readPreferences(contact.attributes) }
        : null,
      knownNames: contact ? [contact.name, ...nameHistory(contact.attributes)].filter((n): n is string => !!n) : [],
      ...(country ? { country } : {}),
      intent: aggregate.intent,
      products: aggregate.products,
      lead: interaction?.lead ?? false,
    });
  }
}
