import { Inject, Injectable } from '@nestjs/common';
import { ChatSessionEventMessage, type ActionOutcome } from '@parley/contracts';
import { encodeJson, NatsClient } from '@parley/messaging';
import type { DecidedOutcome } from './action-outcome.rules';

/** Visitor-facing words: never who was told or how. */
export const ACTION_DONE = 'Passed on to the team.';
export const ACTION_FAILED = 'This could not be passed on; please try again or call us.';

/**
 * Tells the session what became of an action its turn requested, on `chat.live.<sessionId>`
 * (the gateway relays it to the visitor's live stream). Core NATS: a visitor with no stream
 * open misses nothing they could act on. Called only by whoever decided the outcome (the
 * decision is stored first, guarded by `status = 'requested'`), so each action is told once.
 */
@Injectable()
export class ActionOutcomePublisher {
  constructor(@Inject(NatsClient) private readonly nats: NatsClient) {}

  publish(decided: DecidedOutcome): void {
    const outcome: ActionOutcome = {
      id: decided.actionId,
      type: decided.actionType,
      status: decided.status,
      detail: decided.status === 'done' ? ACTION_DONE : ACTION_FAILED,
    };
    this.nats.nc.publish(
      this.nats.namer.subject(ChatSessionEventMessage.subjectFor(decided.sessionId)),
      encodeJson({ version: 1, tenantId: decided.tenantId, type: 'action', action: outcome }),
    );
  }
}
