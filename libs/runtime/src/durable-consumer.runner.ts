import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { ConsumerDefinition } from '@parley/contracts';
import {
  routeEvents,
  startConsumer,
  type ConsumerRunner,
  type EventRoute,
  type MessagingMetrics,
  type NatsClient,
} from '@parley/messaging';
import type { Logger } from '@parley/observability';

export interface DurableConsumerRunnerOptions {
  /** The logical consumer from contracts (`CONSUMERS.tenantIntelligence`). */
  consumer: ConsumerDefinition;
  /** Typed routes, one per event the service handles: `on(ChatTurnCompletedEvent, handler)`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- routes of different contracts
  routes: ReadonlyArray<EventRoute<any>>;
  /** Handlers running at once in this replica. */
  concurrency: number;
  /** How long shutdown waits for in-flight handlers. */
  stopTimeoutMs: number;
}

/**
 * A service's durable JetStream consumer as a Nest lifecycle participant: it starts pulling once
 * the app has booted, and on shutdown stops pulling and lets in-flight handlers finish (bounded)
 * before connections close. Unacked messages are redelivered, to this or another replica.
 */
export class DurableConsumerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private runner?: ConsumerRunner;

  constructor(
    private readonly client: NatsClient,
    private readonly logger: Logger,
    private readonly metrics: MessagingMetrics | undefined,
    private readonly options: DurableConsumerRunnerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.runner = await startConsumer({
      client: this.client,
      consumer: this.options.consumer,
      ...routeEvents(this.options.routes),
      concurrency: this.options.concurrency,
      stopTimeoutMs: this.options.stopTimeoutMs,
      logger: this.logger,
      metrics: this.metrics,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}
