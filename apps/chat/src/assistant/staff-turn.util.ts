// How a staff assistant turn differs from a visitor's (docs/adr/0012-staff-assistant.md).
import type { ModelToolCall } from '@parley/llm';
import type { AcceptedAction } from '../actions/model-action.validator';
import type { TurnPlan } from '../turn/turn-plan.util';
import type { PassOnRequest } from './pass-on-request.rule';

/**
 * A staff user is no customer: their words raise no urgent callback, safety or escalation
 * notification, never hand the session to a person, and add no directive to the answer. The
 * findings are still stored on the message (message_signals), as for every turn.
 */
export function staffPlan(): TurnPlan {
  return { directives: [], urgency: null, urgencyFinding: null, safetyFindings: [], escalation: false, handoff: false };
}

/** The offline rule's request as a notify_staff call, so it passes the same gate as a model's. */
export function passOnCall(request: PassOnRequest, message: string): ModelToolCall {
  return { id: null, name: 'notify_staff', args: { recipient: request.recipient, message: message.trim(), urgency: request.urgency } };
}

/** What the staff user reads after a pass-it-on request: who was told, or that nothing was sent. */
export function passOnReply(accepted: readonly AcceptedAction[], request: PassOnRequest): string {
  const sent = accepted.find((a) => a.type === 'notify_staff');
  if (sent) return `Done: ${sent.action.label ?? 'message sent'}. They will see it in their inbox.`;
  const who = request.recipient === 'manager' ? 'a manager' : `"${request.recipient}"`;
  return `I couldn't find ${who} among your colleagues (other than you), so nothing was sent. Try a colleague's name or email, or "the manager".`;
}
