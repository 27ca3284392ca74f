import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';
import { TenantIntelligenceModule } from './tenant-intelligence.module';

/** Tenant intelligence: L1b extraction and L2 summaries from chat events into the tenant CRM; serves the CRM. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot(config, { consumers: [CONSUMERS.tenantIntelligence], outboxRelay: true }),
        TenantIntelligenceModule.forRoot(config.intel, config.llm, config.shutdown.timeoutMs),
      ],
    };
  }
}
