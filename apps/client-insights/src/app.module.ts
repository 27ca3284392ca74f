import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';

/** Client insights: L3 rollups, L4 owner analytics (owner-level read role), L5 alerts. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot(config, {
        analyticsDatabaseUrl: config.database.analyticsUrl,
        consumers: [CONSUMERS.clientInsights],
        outboxRelay: true,
      })],
    };
  }
}
