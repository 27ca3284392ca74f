import { ActionRequestedEvent, InsightsAlertEvent, NotifyRequestedEvent } from '@parley/contracts';
import { on } from '@parley/messaging';
import type { Logger } from '@parley/observability';
import type { ActionOutcomeService } from '../actions/action-outcome.service';
import { fromActionRequested, fromInsightsAlert, fromNotifyRequested, type RefusedAction } from './event-notification.mapper';
import type { NotificationIntakeService } from './notification-intake.service';

/** The notifier's durable consumer: every notification-bearing event becomes a stored notification. */
export function notificationIntakeRoutes(intake: NotificationIntakeService, outcomes: ActionOutcomeService, logger: Logger) {
  return [
    on(NotifyRequestedEvent, async (event, meta) => {
      await intake.accept(fromNotifyRequested(event), meta);
    }),
    on(InsightsAlertEvent, async (alert, meta) => {
      await intake.accept(fromInsightsAlert(alert), meta);
    }),
    on(ActionRequestedEvent, async (action, meta) => {
      // Refused params are logged by field name only (never values), stored as a failed outcome, and the event is acked.
      let refusal: RefusedAction | null = null;
      const notification = fromActionRequested(action, (refused) => {
        refusal = refused;
        logger.warn(refused, 'action params refused');
      });
      // A human_handoff is told by chat's own handoff notification: nothing to execute here.
      if (!notification && !refusal) return;
      const result = await intake.acceptAction(action, notification, meta);
      // Decided now (inbox target, nothing planned, refused) or later by the dispatcher; said once either way.
      outcomes.publish(result.decided);
    }),
  ];
}
