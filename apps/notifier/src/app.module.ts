import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';

/** The notifier: dispatches notification, alert and action events. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot(config, { consumers: [CONSUMERS.notifier] })],
    };
  }
}
