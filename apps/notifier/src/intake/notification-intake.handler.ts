import { ActionRequestedEvent, InsightsAlertEvent, NotifyRequestedEvent } from '@parley/contracts';
import { on } from '@parley/messaging';
import type { Logger } from '@parley/observability';
import type { ActionOutcomePublisher } from './action-outcome.publisher';
import { fromActionRequested, fromInsightsAlert, fromNotifyRequested } from './event-notification.mapper';
import type { NotificationIntakeService } from './notification-intake.service';

/** The notifier's durable consumer: every notification-bearing event becomes a stored notification. */
export function notificationIntakeRoutes(intake: NotificationIntakeService, outcomes: ActionOutcomePublisher, logger: Logger) {
  return [
    on(NotifyRequestedEvent, async (event, meta) => {
      await intake.accept(fromNotifyRequested(event), meta);
    }),
    on(InsightsAlertEvent, async (alert, meta) => {
      await intake.accept(fromInsightsAlert(alert), meta);
    }),
    on(ActionRequestedEvent, async (action, meta) => {
      // Refused params are logged by field name only (never values) and the event is acked.
      let refused = false;
      const notification = fromActionRequested(action, (refusal) => {
        refused = true;
        logger.warn(refusal, 'action params refused');
      });
      if (!notification) {
        if (refused) outcomes.publish(action, 'failed');
        return;
      }
      const result = await intake.accept(notification, meta);
      // Told once, when first stored: done when someone will hear about it, failed when nobody can.
      if (result.stored) outcomes.publish(action, result.deliveries > 0 ? 'done' : 'failed');
    }),
  ];
}
