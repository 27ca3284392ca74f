import { createHash } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '../../classifier/base64.util';
import { extractMessage } from '../extract-message';
import { INTENTS, type Extraction, type Intent } from '../extraction.types';
import { mergeConversation } from '../merge-conversation';
import { addIntentScores, decideIntent } from '../classify/intent-decision.util';
import { createIntentModel, hasIntentContent } from '../classify/intent-model';
import { INTENT_MODEL } from '../classify/intent-model.data';
import type { IntentModelData } from '../classify/intent-model.types';

/** A one-feature-per-label model: every weight of `label` is 1, the others 0 (bits 4: 16 buckets). */
function tinyModel(label: Intent, threshold: number): IntentModelData {
  const buckets = 16;
  const q = new Int8Array(buckets * INTENTS.length);
  q.fill(127, INTENTS.indexOf(label) * buckets, (INTENTS.indexOf(label) + 1) * buckets);
  return {
    version: 'test',
    features: { bits: 4, minN: 2, maxN: 3, words: true },
    labels: [...INTENTS],
    scales: INTENTS.map(() => 10 / 127),
    bias: INTENTS.map(() => -2),
    threshold,
    weights: encodeBase64(new Uint8Array(q.buffer)),
    weightsSha256: '',
    trainedOn: { sets: [], split: 'test', conversations: 0, seed: 0, options: { epochs: 0, learningRate: 0, l2: 0, positiveWeight: 0 } },
  };
}

describe('the learned intent model', () => {
  it('loads the committed model, whose weights match their recorded sha256', () => {
    const bytes = decodeBase64(INTENT_MODEL.weights);
    expect(bytes.length).toBe(INTENTS.length << INTENT_MODEL.features.bits);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(INTENT_MODEL.weightsSha256);
    expect(INTENT_MODEL.labels).toEqual(INTENTS);
    expect(INTENT_MODEL.threshold).toBeGreaterThan(0);
    expect(INTENT_MODEL.threshold).toBeLessThanOrEqual(1);
  });

  it('gives normalised probabilities, and a conversation score is the mean of its messages', () => {
    const model = createIntentModel(INTENT_MODEL);
    const a = model.messageScores('the boiler you fitted is leaking again');
    const b = model.messageScores('can someone come on thursday');
    const p = model.probabilities(addIntentScores(a, b) as number[], 2);
    expect(p.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    expect(p.every((x) => x > 0 && x < 1)).toBe(true);
  });

  it('skips messages too short to carry a purpose', () => {
    expect(hasIntentContent('ok')).toBe(false);
    expect(hasIntentContent('thanks a lot')).toBe(true);
    expect(extractMessage('ok thanks').intentScores).toBeUndefined();
    expect(extractMessage('ok thanks').intent).toEqual({ label: 'other', confidence: 0.4 });
  });
});

describe('decideIntent: rules first, then the model', () => {
  const bookingModel = createIntentModel(tinyModel('booking', 0.3));
  const scores = bookingModel.messageScores('whenever suits you really');

  it('a rule cue decides, by precedence, whatever the model says', () => {
    const decided = decideIntent(
      [
        { label: 'enquiry', confidence: 0.6 },
        { label: 'cancellation', confidence: 0.85 },
      ],
      scores,
      1,
      bookingModel,
    );
    expect(decided).toEqual({ label: 'cancellation', confidence: 0.85 });
  });

  it('without a cue of confidence >= 0.5 the model decides when confident enough', () => {
    const decided = decideIntent([{ label: 'other', confidence: 0.4 }], scores, 1, bookingModel);
    expect(decided.label).toBe('booking');
    expect(decided.source).toBe('model');
    expect(decided.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it('below the threshold, or with no scores, the intent is other', () => {
    const strict = createIntentModel(tinyModel('booking', 0.99));
    expect(decideIntent([{ label: 'other', confidence: 0.4 }], scores, 1, strict)).toEqual({ label: 'other', confidence: 0.4 });
    expect(decideIntent([], undefined, 0, bookingModel)).toEqual({ label: 'other', confidence: 0.4 });
  });

  it('a model-decided message intent does not take part in the precedence of a conversation', () => {
    const decided = decideIntent([{ label: 'cancellation', confidence: 0.9, source: 'model' }], undefined, 0, bookingModel);
    expect(decided.label).toBe('other');
  });

  it('a conversation without cues gets the model’s intent and no source message', () => {
    const messages = ['hiya my car has been with you since monday for the clutch', 'any update? need it for work thursday'];
    const extractions: Extraction[] = [];
    for (const m of messages) extractions.push(extractMessage(m, { previous: extractions[extractions.length - 1] }));
    const merged = mergeConversation(extractions);
    if (merged.intent.source === 'model') expect(merged.intent.messageIndex).toBeNull();
    else expect(merged.intent.messageIndex).not.toBeNull();
    expect(INTENTS).toContain(merged.intent.label);
  });
});
