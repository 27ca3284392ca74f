import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { MESSAGING_OPTIONS, NatsClient, type MessagingModuleOptions } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { DurableConsumerRunner } from '@parley/runtime';
import { ActionOutcomePublisher } from './actions/action-outcome.publisher';
import { ActionOutcomeRepository } from './actions/action-outcome.repository';
import { ActionOutcomeService } from './actions/action-outcome.service';
import { ChannelAdminRpcHandlers } from './channel-admin/channel-admin.handler';
import { ChannelAdminService } from './channel-admin/channel-admin.service';
import { ChannelRepository } from './channel-admin/channel.repository';
import { ChannelsModule } from './channels/channels.module';
import { NOTIFIER_OPTIONS, type NotifierOptions } from './common/notifier.options';
import { ChannelBreakers } from './delivery/channel-breakers.registry';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher.service';
import { DeliveryWakeup } from './delivery/delivery-wakeup.signal';
import { DeliveryMetrics } from './delivery/delivery.metrics';
import { DeliveryRepository } from './delivery/delivery.repository';
import { DeliveryLogRpcHandlers } from './delivery-log/delivery-log.handler';
import { DeliveryLogRepository } from './delivery-log/delivery-log.repository';
import { DeliveryLogService } from './delivery-log/delivery-log.service';
import { DigestJob } from './digest/digest.job';
import { DigestRepository } from './digest/digest.repository';
import { FollowUpDueJob } from './follow-ups/follow-up-due.job';
import { FollowUpDueRepository } from './follow-ups/follow-up-due.repository';
import { InboxRpcHandlers } from './inbox/inbox.handler';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import { notificationIntakeRoutes } from './intake/notification-intake.handler';
import { NotificationIntakeRepository } from './intake/notification-intake.repository';
import { NotificationIntakeService } from './intake/notification-intake.service';
import { RulesRpcHandlers } from './rules/rules.handler';
import { RulesService } from './rules/rules.service';
import { RuleRepository } from './rules/rule.repository';

/**
 * The notifier's capabilities: intake (durable consumer -> notifications + planned deliveries),
 * delivery (dispatcher, breakers, retries), the inbox, channels, rules, the delivery log and
 * digests, each a folder of handler / service / repository. Needs the service runtime
 * (persistence, messaging, observability) imported by the caller.
 */
@Module({})
export class NotifierModule {
  static forRoot(options: NotifierOptions, shutdownTimeoutMs: number): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        {
          module: NotifierOptionsModule,
          global: true,
          providers: [{ provide: NOTIFIER_OPTIONS, useValue: options }],
          exports: [NOTIFIER_OPTIONS],
        },
        ChannelsModule,
      ],
      providers: [
        DeliveryWakeup,
        DeliveryMetrics,
        ChannelBreakers,
        ActionOutcomePublisher,
        ActionOutcomeRepository,
        ActionOutcomeService,
        DeliveryRepository,
        DeliveryDispatcher,
        NotificationIntakeRepository,
        NotificationIntakeService,
        {
          provide: DurableConsumerRunner,
          inject: [NatsClient, NotificationIntakeService, ActionOutcomeService, SERVICE_LOGGER, MESSAGING_OPTIONS],
          useFactory: (
            client: NatsClient,
            intake: NotificationIntakeService,
            outcomes: ActionOutcomeService,
            logger: Logger,
            messaging: MessagingModuleOptions,
          ) =>
            new DurableConsumerRunner(client, logger.child({ component: 'consumer' }), messaging.metrics, {
              consumer: CONSUMERS.notifier,
              routes: notificationIntakeRoutes(intake, outcomes, logger.child({ component: 'intake' })),
              concurrency: options.consumerConcurrency,
              stopTimeoutMs: shutdownTimeoutMs,
            }),
        },
        InboxRepository,
        InboxService,
        InboxRpcHandlers,
        ChannelRepository,
        ChannelAdminService,
        ChannelAdminRpcHandlers,
        RuleRepository,
        RulesService,
        RulesRpcHandlers,
        DeliveryLogRepository,
        DeliveryLogService,
        DeliveryLogRpcHandlers,
        DigestRepository,
        DigestJob,
        FollowUpDueRepository,
        FollowUpDueJob,
      ],
    };
  }
}

@Module({})
class NotifierOptionsModule {}
