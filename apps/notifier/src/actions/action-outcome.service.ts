import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@parley/persistence';
import { ActionOutcomePublisher } from './action-outcome.publisher';
import { ActionOutcomeRepository } from './action-outcome.repository';
import type { DecidedOutcome } from './action-outcome.rules';

/**
 * Decides an action's outcome from its notification's deliveries, inside the transaction that
 * records a delivery's result: `done` on the first delivered one, `failed` when the last live
 * one dies. The caller publishes what this returns after the commit.
 */
@Injectable()
export class ActionOutcomeService {
  constructor(
    private readonly repo: ActionOutcomeRepository,
    private readonly publisher: ActionOutcomePublisher,
  ) {}

  async afterDelivered(tx: TenantTx, notificationId: string): Promise<DecidedOutcome | null> {
    const ref = await this.repo.lockUndecided(tx, notificationId);
    if (!ref || !(await this.repo.decide(tx, ref.actionId, 'done', null))) return null;
    return { ...ref, status: 'done' };
  }

  async afterDead(tx: TenantTx, notificationId: string): Promise<DecidedOutcome | null> {
    const ref = await this.repo.lockUndecided(tx, notificationId);
    if (!ref || !(await this.repo.everyDeliveryDead(tx, notificationId))) return null;
    if (!(await this.repo.decide(tx, ref.actionId, 'failed', 'all_deliveries_dead'))) return null;
    return { ...ref, status: 'failed' };
  }

  /** Says a decided outcome on the session's live stream (after the decision committed). */
  publish(decided: DecidedOutcome | null): void {
    if (decided) this.publisher.publish(decided);
  }
}
