import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@parley/observability';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { externalChannelKindSchema } from '@parley/contracts';

export type DeliveryOutcome = 'delivered' | 'retry' | 'dead' | 'deferred';

/**
 * The notifier's metrics (names are the contract of infra/prometheus/alerts.yml):
 * parley_notifier_deliveries_total{channel,outcome}, parley_notifier_delivery_seconds{channel}
 * (one send), parley_notifier_delivery_lag_seconds{channel} (event to delivered),
 * parley_notifier_breakers_open{channel}, parley_notifier_notifications_total{kind}.
 */
@Injectable()
export class DeliveryMetrics {
  readonly deliveries: Counter<'channel' | 'outcome'>;
  readonly sendSeconds: Histogram<'channel'>;
  readonly lagSeconds: Histogram<'channel'>;
  readonly breakersOpen: Gauge<'channel'>;
  readonly notifications: Counter<'kind'>;

  constructor(@Inject(ServiceMetrics) metrics: ServiceMetrics) {
    this.deliveries = metrics.counter({
      name: 'parley_notifier_deliveries_total',
      help: 'Delivery attempts by channel kind and outcome: delivered, retry (failed, will retry), dead (gave up), deferred (circuit open).',
      labelNames: ['channel', 'outcome'],
    });
    this.sendSeconds = metrics.histogram({
      name: 'parley_notifier_delivery_seconds',
      help: 'Duration of one send to a channel, in seconds.',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.lagSeconds = metrics.histogram({
      name: 'parley_notifier_delivery_lag_seconds',
      help: 'Time from the event to its successful delivery, in seconds (includes retries, quiet hours and digests).',
      labelNames: ['channel'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300, 3600, 86400],
    });
    this.breakersOpen = metrics.gauge({
      name: 'parley_notifier_breakers_open',
      help: 'Channels whose circuit breaker is open (deliveries to them wait), by channel kind.',
      labelNames: ['channel'],
    });
    this.notifications = metrics.counter({
      name: 'parley_notifier_notifications_total',
      help: 'Notifications stored from events, by kind.',
      labelNames: ['kind'],
    });
    for (const channel of externalChannelKindSchema.options) this.breakersOpen.set({ channel }, 0);
  }
}
