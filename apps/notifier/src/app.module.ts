import { Module, type DynamicModule } from '@nestjs/common';
import { ObservabilityModule } from '@parley/observability';
import { DatabaseHealth, PersistenceModule, RedisClient, RedisModule } from '@parley/persistence';
import type { AppConfig } from './config/env.schema';

/** The notifier service: its connections, logging, metrics and health. */
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
          checks: { postgres: DatabaseHealth, redis: RedisClient },
        }),
        PersistenceModule.forRoot({
          databaseUrl: config.database.url,
          applicationName: config.service,
          healthTimeoutMs: config.health.checkTimeoutMs,
        }),
        RedisModule.forRoot({ url: config.redis.url, keyPrefix: config.redis.keyPrefix }),
      ],
    };
  }
}
