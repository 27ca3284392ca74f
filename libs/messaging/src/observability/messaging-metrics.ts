import type { DeadLetter, ErrorCode } from '@parley/contracts';

/** Labels never include tenant ids or message ids (bounded cardinality). */
export interface ConsumerMetricLabels {
  consumer: string;
  /** Contract id, e.g. `evt.chat.turn_completed`, or `unknown`. */
  event: string;
}

/**
 * Counters and timings the lib reports; the app implements them with prom-client (this lib
 * does not depend on it). Every method is optional.
 */
export interface MessagingMetrics {
  consumerProcessed?(labels: ConsumerMetricLabels, durationMs: number): void;
  /** A handler failed and the message will be redelivered after `retryInMs`. */
  consumerFailed?(labels: ConsumerMetricLabels, retryInMs: number): void;
  consumerDeadLettered?(labels: ConsumerMetricLabels, reason: DeadLetter['reason']['kind']): void;
  /** Delivered but outside the consumer's filters (servers without multi-filter consumers). */
  consumerSkipped?(labels: ConsumerMetricLabels): void;
  outboxPublished?(count: number): void;
  outboxFailed?(count: number): void;
  rpcHandled?(labels: { subject: string; outcome: 'ok' | ErrorCode }, durationMs: number): void;
}
