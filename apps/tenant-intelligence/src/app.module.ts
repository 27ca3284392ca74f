import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';

/** Tenant intelligence: L1b extraction and L2 summaries from chat events; produces intel events. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot(config, { consumers: [CONSUMERS.tenantIntelligence], outboxRelay: true })],
    };
  }
}
