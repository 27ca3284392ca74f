import { Inject, Injectable } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import type { ConsumerMessageMeta } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { markProcessed, TenantDb } from '@parley/persistence';
import { DeliveryWakeup } from '../delivery/delivery-wakeup.signal';
import { DeliveryMetrics } from '../delivery/delivery.metrics';
import type { NewNotification } from './new-notification.types';
import { NotificationIntakeRepository } from './notification-intake.repository';
import { planDeliveries } from './delivery-routing.rules';

export interface IntakeResult {
  stored: boolean;
  deliveries: number;
}

/**
 * Stores a notification and plans its deliveries by the scope's rules, in one transaction with
 * the consumer's processed-event mark: a redelivered event changes nothing, and a notifier
 * killed before the commit leaves nothing half done (the event comes back).
 */
@Injectable()
export class NotificationIntakeService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: NotificationIntakeRepository,
    private readonly wakeup: DeliveryWakeup,
    private readonly metrics: DeliveryMetrics,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** `stored` is false when the event was seen before (or names no known tenant): nothing changed. */
  async accept(notification: NewNotification, meta: Pick<ConsumerMessageMeta, 'msgId'>): Promise<IntakeResult> {
    const result = await this.db.run(notification.scope, async (tx): Promise<IntakeResult> => {
      const nothing = { stored: false, deliveries: 0 };
      if (meta.msgId && !(await markProcessed(tx, CONSUMERS.notifier.durable, meta.msgId))) return nothing;
      const scope = await this.repo.scope(tx, notification.scope);
      if (!scope) {
        this.logger.warn({ tenantId: notification.scope, notificationId: notification.id }, 'notification for an unknown tenant dropped');
        return nothing;
      }
      if (!(await this.repo.insertNotification(tx, notification))) return nothing;
      this.metrics.notifications.inc({ kind: notification.kind });
      const [rules, users, channels] = [
        await this.repo.rules(tx, notification.scope),
        await this.repo.users(tx, notification.scope),
        await this.repo.channels(tx, notification.scope),
      ];
      const plans = planDeliveries(notification, rules, users, channels, new Date(), scope.timezone);
      return { stored: true, deliveries: await this.repo.insertDeliveries(tx, notification.scope, notification.id, plans) };
    });
    if (result.deliveries > 0) this.wakeup.wake();
    this.logger.debug(
      { tenantId: notification.scope, notificationId: notification.id, kind: notification.kind, deliveries: result.deliveries },
      'notification planned',
    );
    return result;
  }
}
