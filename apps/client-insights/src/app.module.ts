import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { ServiceRuntimeModule } from '@parley/runtime';
import { ClientInsightsModule } from './client-insights.module';
import type { AppConfig } from './config/env.schema';

/**
 * Client insights: L3 tenant rollups (hourly buckets from events, scheduled and on-demand),
 * L4 owner portfolio (cross-tenant through OwnerDb only) and L5 threshold alerts.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot(config, {
          analyticsDatabaseUrl: config.database.analyticsUrl,
          consumers: [CONSUMERS.clientInsights],
          outboxRelay: true,
        }),
        ClientInsightsModule.forRoot(config.insights, config.shutdown.timeoutMs),
      ],
    };
  }
}
