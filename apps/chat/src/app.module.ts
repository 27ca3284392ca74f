import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';

/** The chat service: the turn engine. Produces chat events through the outbox. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot(config, { outboxRelay: true })],
    };
  }
}
