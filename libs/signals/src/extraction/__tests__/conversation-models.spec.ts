import { createHash } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '../../classifier/base64.util';
import { extractMessage } from '../extract-message';
import { INTENTS, SENTIMENT_LABELS, type Extraction, type Intent } from '../extraction.types';
import { mergeConversation } from '../merge-conversation';
import { addIntentScores, decideIntent } from '../classify/intent-decision.util';
import { bucketsOf, createConversationModel, hasEnoughWords } from '../classify/conversation-model';
import type { ConversationModelData } from '../classify/conversation-model.types';
import { INTENT_MODEL } from '../classify/intent-model.data';
import { SENTIMENT_MODEL } from '../classify/sentiment-model.data';
import { fillSentiment } from '../classify/sentiment-fill.util';

/** A model that always leans to `label`: its weights are 10, the others' 0 (bits 4: 16 + 7 buckets). */
function tinyModel(label: Intent, threshold: number): ConversationModelData<Intent> {
  const buckets = 16 + INTENTS.length;
  const q = new Int8Array(buckets * INTENTS.length);
  q.fill(127, INTENTS.indexOf(label) * buckets, (INTENTS.indexOf(label) + 1) * buckets);
  return {
    version: 'test',
    features: { bits: 4, minN: 2, maxN: 3, words: true },
    labels: [...INTENTS],
    ruleFeatureWeight: 0.5,
    scales: INTENTS.map(() => 10 / 127),
    bias: INTENTS.map(() => -2),
    threshold,
    weights: encodeBase64(new Uint8Array(q.buffer)),
    weightsSha256: '',
    trainedOn: { sets: [], split: 'test', conversations: 0, seed: 0, options: { epochs: 0, learningRate: 0, l2: 0, positiveWeight: 0 } },
  };
}

describe('the learned intent and sentiment models', () => {
  it.each([
    ['intent', INTENT_MODEL, INTENTS],
    ['sentiment', SENTIMENT_MODEL, SENTIMENT_LABELS],
  ] as const)('loads the committed %s model, whose weights match their recorded sha256', (_, model, labels) => {
    const bytes = decodeBase64(model.weights);
    expect(bytes.length).toBe(labels.length * bucketsOf(model));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(model.weightsSha256);
    expect(model.labels).toEqual(labels);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThanOrEqual(1);
  });

  it('gives normalised probabilities, and a conversation score is the mean of its messages', () => {
    const model = createConversationModel(INTENT_MODEL);
    const a = model.messageScores('the boiler you fitted is leaking again', undefined);
    const b = model.messageScores('can someone come on thursday', 'booking');
    const p = model.probabilities(addIntentScores(a, b) as number[], 2);
    expect(p.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    expect(p.every((x) => x > 0 && x < 1)).toBe(true);
  });

  it('skips messages too short to carry a purpose', () => {
    expect(hasEnoughWords('ok')).toBe(false);
    expect(hasEnoughWords('thanks a lot')).toBe(true);
    expect(extractMessage('ok thanks').intentScores).toBeUndefined();
    expect(extractMessage('ok thanks').intent).toEqual({ label: 'other', confidence: 0.4 });
  });
});

describe('decideIntent: the model when confident, else the rules', () => {
  const bookingModel = createConversationModel(tinyModel('booking', 0.3));
  const scores = bookingModel.messageScores('whenever suits you really', undefined);

  it('below its threshold the rules decide by precedence', () => {
    const strict = createConversationModel(tinyModel('booking', 0.99));
    const decided = decideIntent(
      [
        { label: 'enquiry', confidence: 0.6 },
        { label: 'cancellation', confidence: 0.85 },
      ],
      scores,
      1,
      strict,
    );
    expect(decided).toEqual({ label: 'cancellation', confidence: 0.85 });
  });

  it('a confident model that agrees with the rules keeps the rules result and its evidence', () => {
    const rule = { label: 'booking' as const, confidence: 0.8, evidence: { start: 0, end: 4, text: 'book' } };
    expect(decideIntent([rule], scores, 1, bookingModel)).toBe(rule);
  });

  it('an explicit cancellation or complaint cue stands against a confident model', () => {
    expect(decideIntent([{ label: 'complaint', confidence: 0.8 }], scores, 1, bookingModel)).toEqual({
      label: 'complaint',
      confidence: 0.8,
    });
  });

  it('a confident model overrides the rules, marked as the model’s', () => {
    const decided = decideIntent([{ label: 'pricing', confidence: 0.7 }], scores, 1, bookingModel);
    expect(decided).toMatchObject({ label: 'booking', source: 'model' });
  });

  it('without a cue of confidence >= 0.5 the model decides when confident enough', () => {
    const decided = decideIntent([{ label: 'other', confidence: 0.4 }], scores, 1, bookingModel);
    expect(decided.label).toBe('booking');
    expect(decided.source).toBe('model');
    expect(decided.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it('below the threshold, or with no scores, the intent is other', () => {
    const strict = createConversationModel(tinyModel('booking', 0.99));
    expect(decideIntent([{ label: 'other', confidence: 0.4 }], scores, 1, strict)).toEqual({ label: 'other', confidence: 0.4 });
    expect(decideIntent([], undefined, 0, bookingModel)).toEqual({ label: 'other', confidence: 0.4 });
  });

  it('a model-decided message intent does not take part in the rules’ precedence', () => {
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

describe('fillSentiment: the lexicon first, the model where it scores nothing', () => {
  const positive: ConversationModelData<(typeof SENTIMENT_LABELS)[number]> = {
    ...SENTIMENT_MODEL,
    ruleFeatureWeight: 0,
    bias: SENTIMENT_MODEL.labels.map((l) => (l === 'positive' ? 5 : -5)),
    threshold: 0.6,
  };
  const leaning = createConversationModel(positive);

  it('keeps a lexicon score, and a short message stays neutral', () => {
    const lexicon = { score: -0.5, label: 'negative' as const };
    expect(fillSentiment('this is really not good enough', lexicon, leaning)).toBe(lexicon);
    const neutral = { score: 0, label: 'neutral' as const };
    expect(fillSentiment('ok thanks', neutral, leaning)).toBe(neutral);
  });

  it('a confident model gives an unscored message P(positive) - P(negative)', () => {
    const filled = fillSentiment('you lot are absolute legends honestly', { score: 0, label: 'neutral' }, leaning);
    expect(filled.label).toBe('positive');
    expect(filled.score).toBeGreaterThan(0.25);
    expect(filled.score).toBeLessThanOrEqual(1);
  });

  it('an unconfident model leaves the message neutral', () => {
    const unsure = createConversationModel({ ...positive, threshold: 1 });
    expect(fillSentiment('you lot are absolute legends honestly', { score: 0, label: 'neutral' }, unsure)).toEqual({
      score: 0,
      label: 'neutral',
    });
  });
});

describe('decideIntent: round 15 rule margin', () => {
  const withMargin = (ruleMargin: number) => createConversationModel({ ...tinyModel('booking', 0.2), ruleMargin });
  const scores = withMargin(0).messageScores('whenever suits you really', undefined);
  const p = withMargin(0).probabilities(scores, 1);
  const lead = (p[INTENTS.indexOf('booking')] as number) - (p[INTENTS.indexOf('pricing')] as number);
  const pricing = { label: 'pricing' as const, confidence: 0.75 };

  it('the committed intent model carries the margin chosen on dev', () => {
    expect(INTENT_MODEL.ruleMargin).toBeGreaterThanOrEqual(0);
    expect(createConversationModel(SENTIMENT_MODEL).ruleMargin).toBe(0);
  });

  it('a model leading the rules’ own finding by less than the margin leaves the rules’ finding', () => {
    expect(lead).toBeGreaterThan(0.02);
    expect(decideIntent([pricing], scores, 1, withMargin(lead + 0.01))).toBe(pricing);
  });

  it('a model leading by the margin or more still decides', () => {
    expect(decideIntent([pricing], scores, 1, withMargin(lead - 0.01))).toMatchObject({ label: 'booking', source: 'model' });
  });

  it('with no finding of the rules the margin does not apply', () => {
    expect(decideIntent([{ label: 'other', confidence: 0.4 }], scores, 1, withMargin(0.99))).toMatchObject({
      label: 'booking',
      source: 'model',
    });
  });
});
