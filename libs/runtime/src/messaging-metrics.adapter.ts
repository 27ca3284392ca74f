import type { Counter, Histogram } from 'prom-client';
import type { ConsumerMetricLabels, MessagingMetrics } from '@parley/messaging';
import type { DeadLetter, ErrorCode } from '@parley/contracts';
import type { ServiceMetrics } from '@parley/observability';

/**
 * Prometheus series for the messaging lib's hooks. Names are the contract of
 * infra/prometheus/alerts.yml and the operations dashboard: keep them in sync.
 */
export class PromMessagingMetrics implements MessagingMetrics {
  private readonly processed: Histogram<'consumer' | 'event'>;
  private readonly failed: Counter<'consumer' | 'event'>;
  private readonly deadLetters: Counter<'consumer' | 'reason'>;
  private readonly skipped: Counter<'consumer'>;
  private readonly outboxPublishedTotal: Counter<never>;
  private readonly outboxFailuresTotal: Counter<never>;
  private readonly rpc: Histogram<'subject' | 'outcome'>;

  constructor(metrics: ServiceMetrics, consumers: readonly string[] = []) {
    this.processed = metrics.histogram({
      name: 'parley_events_processed_seconds',
      help: 'Time to handle one event, by consumer and event.',
      labelNames: ['consumer', 'event'],
      buckets: [0.005, 0.025, 0.1, 0.5, 1, 5, 30],
    });
    this.failed = metrics.counter({
      name: 'parley_event_failures_total',
      help: 'Event handler failures that will be retried.',
      labelNames: ['consumer', 'event'],
    });
    this.deadLetters = metrics.counter({
      name: 'parley_dead_letters_total',
      help: 'Events moved to the dead-letter subject, by consumer and reason.',
      labelNames: ['consumer', 'reason'],
    });
    this.skipped = metrics.counter({
      name: 'parley_events_skipped_total',
      help: 'Events delivered outside the consumer filters (pre-2.10 servers).',
      labelNames: ['consumer'],
    });
    this.outboxPublishedTotal = metrics.counter({ name: 'parley_outbox_published_total', help: 'Outbox rows published to JetStream.' });
    this.outboxFailuresTotal = metrics.counter({
      name: 'parley_outbox_publish_failures_total',
      help: 'Outbox rows that failed to publish (left pending).',
    });
    this.rpc = metrics.histogram({
      name: 'parley_rpc_handled_seconds',
      help: 'RPC requests served, by subject and outcome.',
      labelNames: ['subject', 'outcome'],
      buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 2],
    });
    // Start every consumer's dead-letter series at 0 so the first dead letter is an increase.
    for (const consumer of consumers) this.deadLetters.inc({ consumer, reason: 'max_deliver' }, 0);
  }

  consumerProcessed(labels: ConsumerMetricLabels, durationMs: number): void {
    this.processed.observe(labels, durationMs / 1000);
  }

  consumerFailed(labels: ConsumerMetricLabels): void {
    this.failed.inc(labels);
  }

  consumerDeadLettered(labels: ConsumerMetricLabels, reason: DeadLetter['reason']['kind']): void {
    this.deadLetters.inc({ consumer: labels.consumer, reason });
  }

  consumerSkipped(labels: ConsumerMetricLabels): void {
    this.skipped.inc({ consumer: labels.consumer });
  }

  outboxPublished(count: number): void {
    this.outboxPublishedTotal.inc(count);
  }

  outboxFailed(count: number): void {
    this.outboxFailuresTotal.inc(count);
  }

  rpcHandled(labels: { subject: string; outcome: 'ok' | ErrorCode }, durationMs: number): void {
    this.rpc.observe(labels, durationMs / 1000);
  }
}
