import { Module, type DynamicModule } from '@nestjs/common';

import { createEmbedder } from '@parley/llm';
import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';
import { ProvisioningModule } from './provisioning.module';

/** Provisioning: tenants, keys, config, users, knowledge. Produces tenant events through the outbox. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot(config, { outboxRelay: true }),
        ProvisioningModule.forRoot(config.provisioning, createEmbedder(config.embedding)),
      ],
    };
  }
}
