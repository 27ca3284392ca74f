import { ActionRequestedEvent, InsightsAlertEvent, NotifyRequestedEvent } from '@parley/contracts';
import { on } from '@parley/messaging';
import type { Logger } from '@parley/observability';
import { fromActionRequested, fromInsightsAlert, fromNotifyRequested } from './event-notification.mapper';
import type { NotificationIntakeService } from './notification-intake.service';

/** The notifier's durable consumer: every notification-bearing event becomes a stored notification. */
export function notificationIntakeRoutes(intake: NotificationIntakeService, logger: Logger) {
  return [
    on(NotifyRequestedEvent, async (event, meta) => {
      await intake.accept(fromNotifyRequested(event), meta);
    }),
    on(InsightsAlertEvent, async (alert, meta) => {
      await intake.accept(fromInsightsAlert(alert), meta);
    }),
    on(ActionRequestedEvent, async (action, meta) => {
      // Refused params are logged by field name only (never values) and the event is acked.
      const notification = fromActionRequested(action, (refusal) => logger.warn(refusal, 'action params refused'));
      if (notification) await intake.accept(notification, meta);
    }),
  ];
}
