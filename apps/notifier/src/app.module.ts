import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';
import { NotifierModule } from './notifier.module';

/** The notifier: turns notification, alert and action events into deliveries to inboxes, webhooks, Slack, Discord and email. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot(config, { consumers: [CONSUMERS.notifier] }),
        NotifierModule.forRoot(config.notifier, config.shutdown.timeoutMs),
      ],
    };
  }
}
