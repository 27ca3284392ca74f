import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@parley/persistence';
import type { ActionFailure, ActionRef, ActionStatus } from './action-outcome.rules';

/** action_outcomes of one scope, always inside its transaction (RLS). */
@Injectable()
export class ActionOutcomeRepository {
  /**
   * Stores the action's outcome once (the action id is the key); false when it was stored
   * before. A decided outcome is marked published in the same write: the caller publishes it
   * after the commit, and nobody else ever will.
   */
  async record(
    tx: TenantTx,
    ref: ActionRef,
    notificationId: string | null,
    status: ActionStatus,
    reason: ActionFailure | null,
  ): Promise<boolean> {
    const now = new Date();
    const decided = status !== 'requested';
    const created = await tx.actionOutcome.createMany({
      data: [
        {
          actionId: ref.actionId,
          tenantId: ref.tenantId,
          sessionId: ref.sessionId,
          actionType: ref.actionType,
          notificationId,
          status,
          reason,
          decidedAt: decided ? now : null,
          publishedAt: decided ? now : null,
        },
      ],
      skipDuplicates: true,
    });
    return created.count === 1;
  }

  /**
   * The undecided outcome of the notification's action, locked until the transaction ends (two
   * deliveries of one action finishing at once decide one after the other), or null when the
   * notification is no action or its outcome is already decided.
   */
  async lockUndecided(tx: TenantTx, notificationId: string): Promise<ActionRef | null> {
    const rows = await tx.$queryRaw<Array<{ action_id: string; tenant_id: string; session_id: string; action_type: string }>>`
      SELECT action_id, tenant_id, session_id, action_type FROM action_outcomes
       WHERE notification_id = ${notificationId}::uuid AND status = 'requested'
       FOR UPDATE`;
    const row = rows[0];
    return row ? { actionId: row.action_id, tenantId: row.tenant_id, sessionId: row.session_id, actionType: row.action_type } : null;
  }

  /** True when the notification has deliveries and every one of them is dead. */
  async everyDeliveryDead(tx: TenantTx, notificationId: string): Promise<boolean> {
    const all = await tx.notificationDelivery.count({ where: { notificationId } });
    const alive = await tx.notificationDelivery.count({ where: { notificationId, status: { not: 'dead' } } });
    return all > 0 && alive === 0;
  }

  /** Decides an undecided outcome (and marks it published); false when it was decided already. */
  async decide(tx: TenantTx, actionId: string, status: 'done' | 'failed', reason: ActionFailure | null): Promise<boolean> {
    const now = new Date();
    const updated = await tx.actionOutcome.updateMany({
      where: { actionId, status: 'requested' },
      data: { status, reason, decidedAt: now, publishedAt: now },
    });
    return updated.count === 1;
  }
}
