import type { OnApplicationBootstrap } from '@nestjs/common';
import type { ConsumerDefinition } from '@parley/contracts';
import { ensureConsumer, type NatsClient } from '@parley/messaging';
import type { Logger, ServiceMetrics } from '@parley/observability';

/**
 * Declares this service's durable JetStream consumers at start-up (idempotent: unchanged,
 * created or updated to the declared config), so events published before the service's
 * handlers run are kept for it, and exposes their backlog as `parley_consumer_lag`.
 */
export class ConsumerDeclarations implements OnApplicationBootstrap {
  constructor(
    private readonly client: NatsClient,
    private readonly definitions: readonly ConsumerDefinition[],
    metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    if (definitions.length === 0) return;
    const lag = () => this.lag();
    metrics.gauge({
      name: 'parley_consumer_lag',
      help: 'Messages in the stream not yet delivered to the durable consumer, plus delivered but unacknowledged.',
      labelNames: ['stream', 'consumer'],
      async collect() {
        for (const row of await lag()) this.set({ stream: row.stream, consumer: row.consumer }, row.pending);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const def of this.namespaced()) {
      const outcome = await ensureConsumer(this.client.jsm, def, this.client.features);
      this.logger.info({ consumer: def.durable, stream: def.stream, outcome }, 'consumer declared');
    }
  }

  /** Pending + unacknowledged per declared consumer; a consumer that cannot be read is skipped and logged. */
  async lag(): Promise<Array<{ stream: string; consumer: string; pending: number }>> {
    const out: Array<{ stream: string; consumer: string; pending: number }> = [];
    for (const [i, def] of this.namespaced().entries()) {
      try {
        const info = await this.client.jsm.consumers.info(def.stream, def.durable);
        out.push({
          stream: this.definitions[i].stream,
          consumer: this.definitions[i].durable,
          pending: info.num_pending + info.num_ack_pending,
        });
      } catch (err) {
        this.logger.warn({ err, consumer: def.durable }, 'consumer lag unavailable');
      }
    }
    return out;
  }

  private namespaced(): ConsumerDefinition[] {
    return this.definitions.map((def) => this.client.namer.consumerDefinition(def));
  }
}
