// Event payloads built with the contracts' types, for the L3 integration tests.
import { randomUUID } from 'node:crypto';
import type { ChatSessionClosed, ChatTurnCompleted, IntelMessageExtracted, IntelSessionSummarized } from '@parley/contracts';

export interface TurnOptions {
  contactId?: string | null;
  flags?: ChatTurnCompleted['signals']['flags'];
  provider?: string;
  model?: string;
}

export function turnEvent(tenantId: string, sessionId: string, occurredAt: string, o: TurnOptions = {}): ChatTurnCompleted {
  return {
    version: 1,
    tenantId,
    sessionId,
    turnId: randomUUID(),
    userMessageId: randomUUID(),
    assistantMessageId: randomUUID(),
    contactId: o.contactId ?? null,
    userText: 'Can you fix my boiler?',
    assistantText: 'Yes, we can.',
    signals: { urgency: 'none', sentiment: 'neutral', sentimentScore: 0, intents: [], flags: o.flags ?? [], entityCount: 0 },
    actionIds: [],
    usage: { inputTokens: 100, outputTokens: 40, provider: o.provider ?? 'offline', model: o.model ?? 'retrieval', latencyMs: 5 },
    occurredAt,
  };
}

export function extractedEvent(
  tenantId: string,
  sessionId: string,
  occurredAt: string,
  sentimentScore: number,
  topics: string[],
): IntelMessageExtracted {
  return {
    version: 1,
    tenantId,
    sessionId,
    turnId: randomUUID(),
    messageId: randomUUID(),
    contactId: null,
    interactionId: randomUUID(),
    intent: 'enquiry',
    sentiment: sentimentScore > 0.2 ? 'positive' : sentimentScore < -0.2 ? 'negative' : 'neutral',
    sentimentScore,
    urgency: 'none',
    topics,
    entities: [],
    leadScore: null,
    method: 'deterministic',
    occurredAt,
  };
}

export function summarizedEvent(
  tenantId: string,
  sessionId: string,
  occurredAt: string,
  o: { outcome: IntelSessionSummarized['outcome']; lead: boolean; unmetNeeds: string[] },
): IntelSessionSummarized {
  return {
    version: 1,
    tenantId,
    sessionId,
    summaryId: randomUUID(),
    contactId: null,
    outcome: o.outcome,
    sentiment: 'neutral',
    sentimentStart: null,
    sentimentEnd: null,
    topics: [],
    unmetNeeds: o.unmetNeeds,
    lead: o.lead,
    followUpRequired: false,
    messageCount: 2,
    method: 'deterministic',
    occurredAt,
  };
}

export function closedEvent(tenantId: string, sessionId: string, startedAt: string, closedAt: string): ChatSessionClosed {
  return { version: 1, tenantId, sessionId, contactId: null, reason: 'client', turnCount: 1, startedAt, closedAt, occurredAt: closedAt };
}

export const msg = () => ({ msgId: randomUUID() });
