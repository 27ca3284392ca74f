import { Inject, Injectable } from '@nestjs/common';
import { CONSUMERS, type ActionRequested } from '@parley/contracts';
import type { ConsumerMessageMeta } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { markProcessed, TenantDb, type TenantTx } from '@parley/persistence';
import { ActionOutcomeRepository } from '../actions/action-outcome.repository';
import { outcomeAtIntake, type ActionRef, type DecidedOutcome } from '../actions/action-outcome.rules';
import { DeliveryWakeup } from '../delivery/delivery-wakeup.signal';
import { DeliveryMetrics } from '../delivery/delivery.metrics';
import type { NewNotification } from './new-notification.types';
import { NotificationIntakeRepository } from './notification-intake.repository';
import { planDeliveries, type DeliveryPlan } from './delivery-routing.rules';

export interface IntakeResult {
  stored: boolean;
  deliveries: number;
}

export interface ActionIntakeResult extends IntakeResult {
  /** The outcome decided by this intake (inbox target, nothing planned, refused), to publish once. */
  decided: DecidedOutcome | null;
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
    private readonly outcomes: ActionOutcomeRepository,
    private readonly wakeup: DeliveryWakeup,
    private readonly metrics: DeliveryMetrics,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** `stored` is false when the event was seen before (or names no known tenant): nothing changed. */
  async accept(notification: NewNotification, meta: Pick<ConsumerMessageMeta, 'msgId'>): Promise<IntakeResult> {
    const result = await this.db.run(notification.scope, async (tx): Promise<IntakeResult> => {
      if (!(await this.firstTime(tx, notification.scope, notification.id, meta))) return { stored: false, deliveries: 0 };
      const plans = await this.store(tx, notification);
      return plans ? { stored: true, deliveries: plans.inserted } : { stored: false, deliveries: 0 };
    });
    this.planned(notification, result.deliveries);
    return result;
  }

  /**
   * An action's notification (null: its parameters were refused) stored like any other, with the
   * action's outcome in the same transaction: `done` at once when an inbox is among its targets,
   * `failed` when it was refused or nothing could be planned, otherwise `requested` until the
   * dispatcher records the first delivered (done) or the last dead (failed) delivery.
   */
  async acceptAction(
    action: ActionRequested,
    notification: NewNotification | null,
    meta: Pick<ConsumerMessageMeta, 'msgId'>,
  ): Promise<ActionIntakeResult> {
    const ref: ActionRef = { actionId: action.actionId, tenantId: action.tenantId, sessionId: action.sessionId, actionType: action.type };
    const nothing: ActionIntakeResult = { stored: false, deliveries: 0, decided: null };
    const result = await this.db.run(action.tenantId, async (tx): Promise<ActionIntakeResult> => {
      if (!(await this.firstTime(tx, action.tenantId, action.actionId, meta))) return nothing;
      if (!notification) {
        const recorded = await this.outcomes.record(tx, ref, null, 'failed', 'refused');
        return { ...nothing, decided: recorded ? { ...ref, status: 'failed' } : null };
      }
      const plans = await this.store(tx, notification);
      if (!plans) return nothing;
      const { status, reason } = outcomeAtIntake(plans.all);
      const recorded = await this.outcomes.record(tx, ref, notification.id, status, reason);
      const decided = recorded && status !== 'requested' ? { ...ref, status } : null;
      return { stored: true, deliveries: plans.inserted, decided };
    });
    if (notification) this.planned(notification, result.deliveries);
    return result;
  }

  /**
   * Stores a notification the notifier raises itself (a follow-up that fell due) in one
   * transaction with `claim`, its idempotency guard: nothing is stored when the claim says no.
   */
  async acceptClaimed(notification: NewNotification, claim: (tx: TenantTx) => Promise<boolean>): Promise<IntakeResult> {
    const result = await this.db.run(notification.scope, async (tx): Promise<IntakeResult> => {
      if (!(await claim(tx))) return { stored: false, deliveries: 0 };
      const plans = await this.store(tx, notification);
      return plans ? { stored: true, deliveries: plans.inserted } : { stored: false, deliveries: 0 };
    });
    this.planned(notification, result.deliveries);
    return result;
  }

  /** Marks the event processed; false when it was seen before or names no known tenant. */
  private async firstTime(tx: TenantTx, scope: string, id: string, meta: Pick<ConsumerMessageMeta, 'msgId'>): Promise<boolean> {
    if (meta.msgId && !(await markProcessed(tx, CONSUMERS.notifier.durable, meta.msgId))) return false;
    if (await this.repo.scope(tx, scope)) return true;
    this.logger.warn({ tenantId: scope, notificationId: id }, 'notification for an unknown tenant dropped');
    return false;
  }

  /** Stores the notification and its planned deliveries; null when the notification existed. */
  private async store(tx: TenantTx, notification: NewNotification): Promise<{ all: DeliveryPlan[]; inserted: number } | null> {
    const scope = await this.repo.scope(tx, notification.scope);
    if (!scope || !(await this.repo.insertNotification(tx, notification))) return null;
    this.metrics.notifications.inc({ kind: notification.kind });
    const [rules, users, channels] = [
      await this.repo.rules(tx, notification.scope),
      await this.repo.users(tx, notification.scope),
      await this.repo.channels(tx, notification.scope),
    ];
    const plans = planDeliveries(notification, rules, users, channels, new Date(), scope.timezone);
    return { all: plans, inserted: await this.repo.insertDeliveries(tx, notification.scope, notification.id, plans) };
  }

  private planned(notification: NewNotification, deliveries: number): void {
    if (deliveries > 0) this.wakeup.wake();
    this.logger.debug(
      { tenantId: notification.scope, notificationId: notification.id, kind: notification.kind, deliveries },
      'notification planned',
    );
  }
}
