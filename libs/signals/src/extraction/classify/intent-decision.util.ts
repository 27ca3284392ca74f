import { round2 } from '../evidence.util';
import type { IntentResult } from '../extraction.types';
import { createIntentModel, type IntentModel } from './intent-model';
import { INTENT_MODEL } from './intent-model.data';
import { INTENT_PRECEDENCE } from './intent.rules';

let shared: IntentModel | undefined;

/** The committed intent model (intent-model.data.ts), decoded on first use. */
export function defaultIntentModel(): IntentModel {
  shared ??= createIntentModel(INTENT_MODEL);
  return shared;
}

/** Minimum confidence of a rule-found intent for it to decide. */
export const RULE_INTENT_MIN_CONFIDENCE = 0.5;

/**
 * The intent of a message or a conversation. Intents the rules found with confidence >= 0.5
 * decide, by precedence (cancellation > complaint > booking > feedback > pricing > support >
 * enquiry), the most confident of the chosen label. Without one, the learned model decides when its
 * top probability over the messages' summed scores reaches the model's threshold (chosen on the
 * dev split); otherwise the intent is 'other'. `ruleIntents`: the rules' results per message (a
 * model-decided result is ignored here); `scoreSum`/`count`: the messages' summed intent scores.
 */
export function decideIntent(
  ruleIntents: readonly IntentResult[],
  scoreSum: readonly number[] | undefined,
  count: number,
  model: IntentModel = defaultIntentModel(),
): IntentResult {
  const found = ruleIntents.filter((i) => i.source !== 'model' && i.confidence >= RULE_INTENT_MIN_CONFIDENCE);
  for (const label of INTENT_PRECEDENCE) {
    const hits = found.filter((i) => i.label === label);
    if (hits.length > 0) return hits.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  }
  if (scoreSum !== undefined && count > 0) {
    const p = model.probabilities(scoreSum, count);
    const top = Math.max(...p);
    const label = model.labels[p.indexOf(top)];
    if (label !== undefined && top >= model.threshold) return { label, confidence: round2(top), source: 'model' };
  }
  return { label: 'other', confidence: 0.4 };
}

/** Adds one message's scores into a running sum (a new array; `sum` may be undefined). */
export function addIntentScores(sum: readonly number[] | undefined, scores: readonly number[] | undefined): number[] | undefined {
  if (scores === undefined) return sum === undefined ? undefined : [...sum];
  if (sum === undefined) return [...scores];
  return scores.map((s, i) => s + (sum[i] ?? 0));
}
