import type { Action } from '@parley/contracts';
import type { AcceptedAction } from './model-action.validator';

/** The actions of a turn, and the params their events carry when richer than the client's view. */
export interface CombinedActions {
  actions: Action[];
  /** ActionRequested.params by action id (model actions: resolved recipients, message text). */
  eventParams: Map<string, Record<string, unknown>>;
}

/**
 * The rule-based actions (L1a: urgent callback, handoff) followed by the model's accepted ones.
 * When the signals already asked for an urgent callback and the model asks for a callback too,
 * the model's phone number and time are folded into the urgent callback: one call for staff to
 * make, not two notifications about the same visitor.
 */
export function combineActions(ruleActions: readonly Action[], accepted: readonly AcceptedAction[]): CombinedActions {
  const actions = ruleActions.map((a) => ({ ...a }));
  const eventParams = new Map<string, Record<string, unknown>>();
  const urgent = actions.find((a) => a.type === 'callback_request');
  for (const item of accepted) {
    if (urgent && item.type === 'request_callback') {
      urgent.params = { ...urgent.params, phone: item.params.phone, when: item.params.when };
      continue;
    }
    actions.push(item.action);
    eventParams.set(item.action.id, item.params);
  }
  return { actions, eventParams };
}

export const ACTION_DONE_REPLY = "Thanks, I've passed that on to the team.";
export const ACTION_REFUSED_REPLY = "Sorry, I couldn't do that. Could you tell me a little more about what you need?";

/** What the visitor reads when the model called tools but wrote nothing to them. */
export function actionOnlyReply(accepted: readonly AcceptedAction[]): string {
  return accepted.length > 0 ? ACTION_DONE_REPLY : ACTION_REFUSED_REPLY;
}
