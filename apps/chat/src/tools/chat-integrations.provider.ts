import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createIntegrationConnectors, IntegrationExecutor, IntegrationMetrics, type IntegrationConnectors } from '@parley/integrations';
import { ServiceMetrics } from '@parley/observability';
import { RedisClient } from '@parley/persistence';
import { CHAT_OPTIONS, type ChatOptions } from '../common/chat.options';

/**
 * The integrations' executor of this replica: every connector over the guarded transport, the
 * Redis cache (5 min) and per-integration rate limit, the per-integration circuit breakers and
 * the metrics (parley_integration_*). The SQL sources' pools close at shutdown.
 */
@Injectable()
export class ChatIntegrations implements OnApplicationShutdown {
  readonly executor: IntegrationExecutor;
  private readonly connectors: IntegrationConnectors;

  constructor(@Inject(CHAT_OPTIONS) options: ChatOptions, @Inject(RedisClient) redis: RedisClient, metrics: ServiceMetrics) {
    this.connectors = createIntegrationConnectors({ allowPrivateTargets: options.integrations?.allowPrivateTargets ?? false });
    this.executor = new IntegrationExecutor({
      connectors: this.connectors.registry,
      redis,
      keyPrefix: 'tools:',
      observer: new IntegrationMetrics(metrics),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connectors.close();
  }
}
