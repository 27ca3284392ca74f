import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { OutboxRelay, type MessagingMetrics, type NatsClient } from '@parley/messaging';
import type { Logger, ServiceMetrics } from '@parley/observability';
import type { PrismaOutboxStore } from '@parley/persistence';

export interface OutboxRelayRunnerOptions {
  intervalMs?: number;
  batchSize?: number;
}

/**
 * Runs the transactional-outbox relay of a producing service: starts after the app has
 * booted, stops (finishing its current batch) before connections close, and exposes the
 * backlog as `parley_outbox_pending`. Several replicas may run it: claims are leased with
 * SKIP LOCKED and JetStream de-duplicates on the outbox id.
 */
export class OutboxRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    client: NatsClient,
    store: PrismaOutboxStore,
    metrics: ServiceMetrics,
    messagingMetrics: MessagingMetrics,
    logger: Logger,
    options: OutboxRelayRunnerOptions = {},
  ) {
    this.relay = new OutboxRelay({
      client,
      store,
      metrics: messagingMetrics,
      logger,
      intervalMs: options.intervalMs,
      batchSize: options.batchSize,
    });
    metrics.gauge({
      name: 'parley_outbox_pending',
      help: 'Outbox rows written but not yet published.',
      async collect() {
        try {
          this.set(await store.countPending());
        } catch (err) {
          logger.warn({ err }, 'outbox backlog unavailable');
        }
      },
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
