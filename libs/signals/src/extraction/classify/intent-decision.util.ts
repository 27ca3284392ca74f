import { round2 } from '../evidence.util';
import type { Intent, IntentResult } from '../extraction.types';
import { addScores, createConversationModel, type ConversationModel } from './conversation-model';
import { INTENT_MODEL } from './intent-model.data';
import { CHANGE_BOOKING_CONFIDENCE, INTENT_PRECEDENCE } from './intent.rules';

export type IntentModel = ConversationModel<Intent>;

let shared: IntentModel | undefined;

/** The committed intent model (intent-model.data.ts), decoded on first use. */
export function defaultIntentModel(): IntentModel {
  shared ??= createConversationModel(INTENT_MODEL);
  return shared;
}

/** Rule findings that stand whatever the model says: an explicit cancellation or complaint cue (the top of the precedence). */
export const RULE_INTENTS_THAT_STAND: ReadonlySet<Intent> = new Set(['cancellation', 'complaint']);

/** A support finding from a change-booking cue (round 11): it stands over the model, like cancellation. */
function isChangeOfBooking(rule: IntentResult): boolean {
  return rule.label === 'support' && rule.source !== 'model' && rule.confidence >= CHANGE_BOOKING_CONFIDENCE;
}

/** Minimum confidence of a rule-found intent for it to count as the rules' finding. */
export const RULE_INTENT_MIN_CONFIDENCE = 0.5;

/** What the rules said of one message, as the model's rule feature. */
export function ruleIntentLabel(rule: IntentResult): Intent | undefined {
  return rule.source !== 'model' && rule.confidence >= RULE_INTENT_MIN_CONFIDENCE ? rule.label : undefined;
}

/** The rules' own decision over messages: the first label in precedence order, its most confident result. */
export function rulesIntent(ruleIntents: readonly IntentResult[]): IntentResult | undefined {
  let found = ruleIntents.filter((i) => ruleIntentLabel(i) !== undefined);
  // A booking being moved (a change-booking cue in any message) is support, not a new booking, even
  // when another message names the booking ("I have a cleaning booked for Thursday").
  if (found.some(isChangeOfBooking)) found = found.filter((i) => i.label !== 'booking');
  for (const label of INTENT_PRECEDENCE) {
    const hits = found.filter((i) => i.label === label);
    if (hits.length > 0) return hits.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  }
  return undefined;
}

/**
 * The intent of a message or a conversation. A cancellation or complaint cue the rules found
 * stands. Otherwise the learned model, which reads the text and what the
 * rules said of each message, decides when its top probability over the messages' summed scores
 * reaches its threshold (chosen on the dev split): when it agrees with the rules their result (and
 * evidence) stands, and when it leads the rules' own finding by less than its ruleMargin (also chosen
 * on dev) the rules' finding stands; otherwise its own label is returned with `source: 'model'`. Below the threshold
 * the rules decide by precedence (cancellation > complaint > booking > feedback > pricing > support >
 * enquiry); with neither, the intent is 'other'. `ruleIntents`: the rules' results per message;
 * `scoreSum`/`count`: the messages' summed model scores.
 */
export function decideIntent(
  ruleIntents: readonly IntentResult[],
  scoreSum: readonly number[] | undefined,
  count: number,
  model: IntentModel = defaultIntentModel(),
): IntentResult {
  const rules = rulesIntent(ruleIntents);
  if (rules !== undefined && (RULE_INTENTS_THAT_STAND.has(rules.label) || isChangeOfBooking(rules))) return rules;
  if (scoreSum !== undefined && count > 0) {
    const p = model.probabilities(scoreSum, count);
    const top = Math.max(...p);
    const label = model.labels[p.indexOf(top)];
    if (label !== undefined && top >= model.threshold) {
      if (rules?.label === label) return rules;
      // Round 15: a narrow lead does not overrule the rules' own finding (model.ruleMargin).
      if (rules !== undefined && top - (p[model.labels.indexOf(rules.label)] ?? 0) < model.ruleMargin) return rules;
      return { label, confidence: round2(top), source: 'model' };
    }
  }
  return rules ?? { label: 'other', confidence: 0.4 };
}

export { addScores as addIntentScores };
