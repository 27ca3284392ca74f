import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { ConsumerDefinition } from '@parley/contracts';
import { MESSAGING_OPTIONS, MessagingModule, NatsClient, type MessagingModuleOptions } from '@parley/messaging';
import { ObservabilityModule, SERVICE_LOGGER, ServiceMetrics, type Logger, type ServiceConfig } from '@parley/observability';
import { DatabaseHealth, PersistenceModule, PrismaOutboxStore, RedisClient, RedisModule } from '@parley/persistence';
import { ConsumerDeclarations } from './consumer-declarations';
import { PromMessagingMetrics } from './messaging-metrics.adapter';
import { OutboxRelayRunner, type OutboxRelayRunnerOptions } from './outbox-relay.runner';

export interface ServiceRuntimeOptions {
  /** Owner-level read role (client-insights only). */
  analyticsDatabaseUrl?: string;
  /** Durable JetStream consumers this service owns; declared at start-up. */
  consumers?: readonly ConsumerDefinition[];
  /** Longest wait for a free database connection in ms (default 5000; see PersistenceModuleOptions). */
  databaseConnectionTimeoutMs?: number;
  /** Run the outbox relay (services that produce events). */
  outboxRelay?: boolean | OutboxRelayRunnerOptions;
}

/**
 * The runtime every Parley service shares: JSON logs, metrics and health
 * (/health/live, /health/ready over Postgres, NATS and Redis, /metrics); the app-role
 * database pool; the NATS connection with the EVENTS and DLQ streams declared; Redis; the
 * service's durable consumers; and, for producers, the outbox relay. Shutdown order (Nest
 * lifecycle): HTTP stops, RPC servers and the relay stop, then NATS drains and pools close.
 */
@Module({})
export class ServiceRuntimeModule {
  static forRoot(config: ServiceConfig, options: ServiceRuntimeOptions = {}): DynamicModule {
    const consumers = options.consumers ?? [];
    const exported: Array<typeof ConsumerDeclarations | typeof OutboxRelayRunner> = [ConsumerDeclarations];
    const providers: Provider[] = [
      {
        provide: ConsumerDeclarations,
        inject: [NatsClient, ServiceMetrics, SERVICE_LOGGER],
        useFactory: (client: NatsClient, metrics: ServiceMetrics, logger: Logger) =>
          new ConsumerDeclarations(client, consumers, metrics, logger.child({ component: 'consumers' })),
      },
    ];
    if (options.outboxRelay) {
      const relayOptions = options.outboxRelay === true ? {} : options.outboxRelay;
      providers.push({
        provide: OutboxRelayRunner,
        inject: [NatsClient, PrismaOutboxStore, ServiceMetrics, MESSAGING_OPTIONS, SERVICE_LOGGER],
        useFactory: (
          client: NatsClient,
          store: PrismaOutboxStore,
          metrics: ServiceMetrics,
          messaging: MessagingModuleOptions,
          logger: Logger,
        ) =>
          new OutboxRelayRunner(client, store, metrics, messaging.metrics ?? {}, logger.child({ component: 'outbox-relay' }), relayOptions),
      });
      exported.push(OutboxRelayRunner);
    }
    return {
      module: ServiceRuntimeModule,
      imports: [
        ObservabilityModule.forRoot({
          service: config.service,
          log: config.log,
          checkTimeoutMs: config.health.checkTimeoutMs,
          checks: { postgres: DatabaseHealth, nats: NatsClient, redis: RedisClient },
        }),
        PersistenceModule.forRoot({
          databaseUrl: config.database.url,
          analyticsDatabaseUrl: options.analyticsDatabaseUrl,
          applicationName: config.service,
          connectionTimeoutMs: options.databaseConnectionTimeoutMs,
          healthTimeoutMs: config.health.checkTimeoutMs,
        }),
        MessagingModule.forRootAsync({
          inject: [SERVICE_LOGGER, ServiceMetrics],
          useFactory: (logger: Logger, metrics: ServiceMetrics) => ({
            url: config.nats.url,
            name: config.service,
            namespace: config.nats.namespace,
            streams: true,
            logger: logger.child({ component: 'messaging' }),
            metrics: new PromMessagingMetrics(
              metrics,
              consumers.map((c) => c.durable),
            ),
          }),
        }),
        RedisModule.forRoot({ url: config.redis.url, keyPrefix: config.redis.keyPrefix }),
      ],
      providers,
      exports: exported,
    };
  }
}
