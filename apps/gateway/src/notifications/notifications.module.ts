import { Module, type DynamicModule } from '@nestjs/common';
import { InboxStreamController } from './inbox-stream.controller';
import { DEFAULT_INBOX_STREAM_OPTIONS, INBOX_STREAM_OPTIONS, type InboxStreamOptions } from './inbox-stream.options';
import { InboxController } from './inbox.controller';
import { NotificationChannelsController } from './notification-channels.controller';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationRulesController } from './notification-rules.controller';

const controllers = [
  InboxController,
  InboxStreamController,
  NotificationChannelsController,
  NotificationRulesController,
  NotificationDeliveriesController,
];

/**
 * Notifications (served by the notifier over NATS): the caller's in-app inbox and its live
 * stream, channels, rules and the delivery log. Needs the app's AuthModule and GatewayHttpModule.
 */
@Module({ controllers })
export class NotificationsModule {
  /** The module with other stream settings (tests: a short heartbeat). */
  static withOptions(options: Partial<InboxStreamOptions>): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [{ provide: INBOX_STREAM_OPTIONS, useValue: { ...DEFAULT_INBOX_STREAM_OPTIONS, ...options } }],
    };
  }
}
