/** What became of an action: `requested` until its notification's deliveries decide it. */
export type ActionStatus = 'requested' | 'done' | 'failed';

/** Why an action failed, stored with it (never shown to the visitor). */
export type ActionFailure = 'refused' | 'no_target' | 'all_deliveries_dead';

export interface ActionRef {
  actionId: string;
  tenantId: string;
  sessionId: string;
  actionType: string;
}

/** An outcome decided just now by the caller, who publishes it (once). */
export interface DecidedOutcome extends ActionRef {
  status: 'done' | 'failed';
}

/**
 * The outcome when the action's deliveries are planned: an inbox entry is delivered the moment
 * it is stored (the user's inbox lists it), so any inbox target makes it `done`; nothing
 * planned is `failed`; channels only (webhook, Slack, Discord, email) wait for their first
 * successful send.
 */
export function outcomeAtIntake(plans: ReadonlyArray<{ channelKind: string }>): { status: ActionStatus; reason: ActionFailure | null } {
  if (plans.length === 0) return { status: 'failed', reason: 'no_target' };
  if (plans.some((p) => p.channelKind === 'inbox')) return { status: 'done', reason: null };
  return { status: 'requested', reason: null };
}
