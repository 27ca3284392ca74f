import { Inject, Injectable } from '@nestjs/common';
import { ChatSessionEventMessage, type ActionOutcome, type ActionRequested } from '@parley/contracts';
import { encodeJson, NatsClient } from '@parley/messaging';

/** Visitor-facing words: never who was told or how. */
export const ACTION_DONE = 'Passed on to the team.';
export const ACTION_FAILED = 'This could not be passed on; please try again or call us.';

/**
 * Tells the session what became of an action its turn requested, on `chat.live.<sessionId>`
 * (the gateway relays it to the visitor's live stream). Core NATS: a visitor with no stream
 * open misses nothing they could act on.
 */
@Injectable()
export class ActionOutcomePublisher {
  constructor(@Inject(NatsClient) private readonly nats: NatsClient) {}

  publish(action: ActionRequested, status: ActionOutcome['status']): void {
    const outcome: ActionOutcome = {
      id: action.actionId,
      type: action.type,
      status,
      detail: status === 'done' ? ACTION_DONE : ACTION_FAILED,
    };
    this.nats.nc.publish(
      this.nats.namer.subject(ChatSessionEventMessage.subjectFor(action.sessionId)),
      encodeJson({ version: 1, tenantId: action.tenantId, type: 'action', action: outcome }),
    );
  }
}
