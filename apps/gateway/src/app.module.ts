import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, NatsClient } from '@parley/messaging';
import { ObservabilityModule, SERVICE_LOGGER, type Logger } from '@parley/observability';
import { DatabaseHealth, PersistenceModule, RedisClient, RedisModule } from '@parley/persistence';
import type { AppConfig } from './config/env.schema';

/** The gateway service: its connections, logging, metrics and health. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({
          service: config.service,
          log: config.log,
          checkTimeoutMs: config.health.checkTimeoutMs,
          checks: { postgres: DatabaseHealth, nats: NatsClient, redis: RedisClient },
        }),
        PersistenceModule.forRoot({
          databaseUrl: config.database.url,
          applicationName: config.service,
          healthTimeoutMs: config.health.checkTimeoutMs,
        }),
        MessagingModule.forRootAsync({
          inject: [SERVICE_LOGGER],
          useFactory: (logger: Logger) => ({
            url: config.nats.url,
            name: config.service,
            namespace: config.nats.namespace,
            logger: logger.child({ component: 'messaging' }),
          }),
        }),
        RedisModule.forRoot({ url: config.redis.url, keyPrefix: config.redis.keyPrefix }),
      ],
    };
  }
}
