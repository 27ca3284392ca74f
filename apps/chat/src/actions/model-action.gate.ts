import { Inject, Injectable } from '@nestjs/common';
import type { ModelToolCall } from '@parley/llm';
import { TenantDb } from '@parley/persistence';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';
import { TurnMetrics } from '../turn/turn.metrics';
import { validateModelActions, type AcceptedAction } from './model-action.validator';
import { loadActiveStaff } from './staff-directory.repository';

export interface TurnRef {
  tenantId: string;
  sessionId: string;
  turnId: string;
  /** The staff user of a staff assistant turn (ADR 0012): names resolve, never to the sender. */
  staffUserId?: string;
}

/**
 * Where the model's tool calls of a turn are accepted or refused. Staff are read only when a
 * call names someone. Every refusal is logged (tool, reason, field names: never values or
 * message text) and counted; accepted actions go on to the turn's outbox and action frames.
 */
@Injectable()
export class ModelActionGate {
  constructor(
    private readonly db: TenantDb,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
    private readonly metrics: TurnMetrics,
  ) {}

  async review(turn: TurnRef, calls: readonly ModelToolCall[]): Promise<AcceptedAction[]> {
    if (calls.length === 0) return [];
    const staff = calls.some((c) => c.name === 'notify_staff')
      ? await this.db.run(turn.tenantId, (tx) => loadActiveStaff(tx, turn.tenantId))
      : [];
    const sender = turn.staffUserId ? { userId: turn.staffUserId } : undefined;
    const { accepted, refused } = validateModelActions(calls, { tenantId: turn.tenantId, staff, sender });
    const ids = { tenant_id: turn.tenantId, session_id: turn.sessionId, turn_id: turn.turnId };
    for (const r of refused) {
      this.metrics.modelAction(r.tool, 'refused', r.reason);
      this.logger.warn(
        { ...ids, tool: r.tool, reason: r.reason, fields: r.fields, call_id: r.callId?.slice(0, 64) ?? null },
        'model action refused',
      );
    }
    for (const a of accepted) {
      this.metrics.modelAction(a.type, 'accepted', 'ok');
      this.logger.info({ ...ids, tool: a.type, action_id: a.action.id }, 'model action requested');
    }
    return accepted;
  }
}
