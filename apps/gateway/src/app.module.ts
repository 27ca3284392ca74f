import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';
import { ApiHealthController } from './health/api-health.controller';

/** The gateway: public REST + SSE API. Consumes no events and writes no outbox rows. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot(config)],
      controllers: [ApiHealthController],
    };
  }
}
