import type { SignalsSummary } from '@parley/contracts';

/** What the tenant's model read in a customer message, next to the inline (L1a) signals. */
export interface ModelRisk {
  urgent: boolean;
  safety: boolean;
}

export type SecondOpinionSignal = 'urgency' | 'safety';
/**
 * agree_flagged / agree_clear: both passes agree. model_only: the model found what the inline
 * pass missed (a late flag: stored, and staff are told). inline_only: the inline pass flagged
 * what the model did not (stored for retraining; the inline flag stands).
 */
export type SecondOpinionOutcome = 'agree_flagged' | 'agree_clear' | 'model_only' | 'inline_only';

export interface SecondOpinion {
  signal: SecondOpinionSignal;
  outcome: SecondOpinionOutcome;
}

function outcomeOf(inline: boolean, model: boolean): SecondOpinionOutcome {
  if (inline === model) return inline ? 'agree_flagged' : 'agree_clear';
  return model ? 'model_only' : 'inline_only';
}

/** Compares the model's reading of urgency and safety with the flags L1a set inline. */
export function compareWithInline(inline: SignalsSummary, model: ModelRisk): SecondOpinion[] {
  return [
    { signal: 'urgency', outcome: outcomeOf(inline.flags.includes('urgent'), model.urgent) },
    { signal: 'safety', outcome: outcomeOf(inline.flags.includes('safety'), model.safety) },
  ];
}
