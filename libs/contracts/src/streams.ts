import { EVENT_NAMES, EVENT_SUBJECTS_ALL, DLQ_SUBJECTS_ALL, dlqSubject, eventSubjectPattern } from './subjects';

// JetStream topology as plain data (no nats types here: the messaging lib maps these to
// StreamConfig / ConsumerConfig). Durations are milliseconds.

export interface StreamDefinition {
  name: string;
  description: string;
  subjects: string[];
  storage: 'file' | 'memory';
  retention: 'limits';
  maxAgeMs: number;
  /** Window in which a repeated Nats-Msg-Id is dropped: the only publish-side dedupe. */
  duplicateWindowMs: number;
  maxMsgSizeBytes: number;
}

export const EVENTS_STREAM: StreamDefinition = {
  name: 'EVENTS',
  description: 'Durable domain events evt.<domain>.<name>.<tenantId>',
  subjects: [EVENT_SUBJECTS_ALL],
  storage: 'file',
  retention: 'limits',
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  duplicateWindowMs: 2 * 60 * 1000,
  maxMsgSizeBytes: 1024 * 1024,
};

export const DLQ_STREAM: StreamDefinition = {
  name: 'DLQ',
  description: 'Dead letters dlq.<consumer>: messages a consumer gave up on, with the reason',
  subjects: [DLQ_SUBJECTS_ALL],
  storage: 'file',
  retention: 'limits',
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
  duplicateWindowMs: 2 * 60 * 1000,
  maxMsgSizeBytes: 2 * 1024 * 1024,
};

export const STREAMS: readonly StreamDefinition[] = [EVENTS_STREAM, DLQ_STREAM];

/** JetStream's default is unbounded redelivery; ours is bounded, then dead-lettered. */
export const DEFAULT_MAX_DELIVER = 5;

/**
 * Redelivery delays by attempt (1st retry, 2nd, ...; the last repeats). JetStream uses
 * backoff[0] as the ack wait of a first delivery, so it must exceed a handler's normal
 * duration; the consumer runner also sends in-progress acks while a handler runs.
 * JetStream requires max_deliver > backoff.length.
 */
export const DEFAULT_BACKOFF_MS: readonly number[] = [15_000, 60_000, 300_000, 900_000];

export const DEFAULT_MAX_ACK_PENDING = 256;

export interface ConsumerDefinition {
  /** Durable name; also the dead-letter subject token (`dlq.<durable>`). */
  durable: string;
  stream: string;
  description: string;
  filterSubjects: string[];
  maxDeliver: number;
  backoffMs: readonly number[];
  maxAckPending: number;
  deadLetterSubject: string;
}

function consumer(durable: string, description: string, filterSubjects: string[]): ConsumerDefinition {
  return {
    durable,
    stream: EVENTS_STREAM.name,
    description,
    filterSubjects,
    maxDeliver: DEFAULT_MAX_DELIVER,
    backoffMs: DEFAULT_BACKOFF_MS,
    maxAckPending: DEFAULT_MAX_ACK_PENDING,
    deadLetterSubject: dlqSubject(durable),
  };
}

export const CONSUMERS = {
  tenantIntelligence: consumer('tenant-intelligence', 'L1b extraction per turn, L2 summary per closed session', [
    eventSubjectPattern(EVENT_NAMES.chatTurnCompleted),
    eventSubjectPattern(EVENT_NAMES.chatSessionClosed),
  ]),
  clientInsights: consumer('client-insights', 'L3/L4 rollup inputs and L5 threshold checks', [
    eventSubjectPattern(EVENT_NAMES.chatTurnCompleted),
    eventSubjectPattern(EVENT_NAMES.chatSessionClosed),
    eventSubjectPattern(EVENT_NAMES.intelMessageExtracted),
    eventSubjectPattern(EVENT_NAMES.intelSessionSummarized),
  ]),
  notifier: consumer('notifier', 'Notification dispatch: inbox, webhook, Slack, Discord, email', [
    eventSubjectPattern(EVENT_NAMES.notifyRequested),
    eventSubjectPattern(EVENT_NAMES.insightsAlert),
    eventSubjectPattern(EVENT_NAMES.actionRequested),
  ]),
} as const satisfies Record<string, ConsumerDefinition>;
