import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionTestResult } from '@parley/integrations';
import { createIntegrationConnectors, IntegrationExecutor, type IntegrationConnectors } from '@parley/integrations';
import type { IntegrationDefinition } from '@parley/contracts';
import { RedisClient } from '@parley/persistence';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';

/**
 * Calls a tenant's system once for the "test connection" button: the connector's cheap
 * authenticated read, behind the same SSRF guard and time limit as a tool call (never cached,
 * never rate limited). The SQL pools it opens are closed at shutdown.
 */
@Injectable()
export class IntegrationProbe implements OnApplicationShutdown {
  private readonly connectors: IntegrationConnectors;
  private readonly executor: IntegrationExecutor;

  constructor(@Inject(PROVISIONING_OPTIONS) options: ProvisioningOptions, @Inject(RedisClient) redis: RedisClient) {
    this.connectors = createIntegrationConnectors({
      allowPrivateTargets: options.integrations?.allowPrivateTargets ?? false,
      sql: { poolSize: 1 },
    });
    this.executor = new IntegrationExecutor({ connectors: this.connectors.registry, redis, keyPrefix: 'integrations:' });
  }

  test(integration: IntegrationDefinition): Promise<ConnectionTestResult> {
    return this.executor.testConnection(integration);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connectors.close();
  }
}
