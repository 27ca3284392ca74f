import { ActionRequestedEvent, InsightsAlertEvent, NotifyRequestedEvent } from '@parley/contracts';
import { on } from '@parley/messaging';
import { fromActionRequested, fromInsightsAlert, fromNotifyRequested } from './event-notification.mapper';
import type { NotificationIntakeService } from './notification-intake.service';

/** The notifier's durable consumer: every notification-bearing event becomes a stored notification. */
export function notificationIntakeRoutes(intake: NotificationIntakeService) {
  return [
    on(NotifyRequestedEvent, async (event, meta) => {
      await intake.accept(fromNotifyRequested(event), meta);
    }),
    on(InsightsAlertEvent, async (alert, meta) => {
      await intake.accept(fromInsightsAlert(alert), meta);
    }),
    on(ActionRequestedEvent, async (action, meta) => {
      const notification = fromActionRequested(action);
      if (notification) await intake.accept(notification, meta);
    }),
  ];
}
