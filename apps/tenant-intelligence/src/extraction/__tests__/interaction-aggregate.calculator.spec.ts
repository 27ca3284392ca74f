import { extractMessage, mergeConversation, type Extraction } from '@parley/signals';
import { EMPTY_AGGREGATE, foldExtraction, readAggregate } from '../interaction-aggregate.calculator';

function fold(messages: string[]) {
  let agg = EMPTY_AGGREGATE;
  const extractions: Extraction[] = [];
  messages.forEach((text, i) => {
    const e = extractMessage(text, { previous: extractions[extractions.length - 1] });
    extractions.push(e);
    agg = foldExtraction(agg, `m${i}`, e);
  });
  return { agg, merged: mergeConversation(extractions) };
}

describe('interaction aggregate: the session intent', () => {
  it('decides as for a whole conversation: a later cancellation outranks an earlier booking', () => {
    const { agg, merged } = fold(['I would like to book a table for Friday', 'actually please cancel that booking']);
    expect(agg.intent).toBe('cancellation');
    expect(agg.intent).toBe(merged.intent.label);
  });

  it('without a cue, the learned model decides on the summed message scores, the same as mergeConversation', () => {
    const { agg, merged } = fold(['my car has been with you since monday for the clutch', 'any news, I need it for work on thursday']);
    expect(agg.intentScored).toBe(2);
    expect(agg.intentScoreSum).toHaveLength(7);
    expect(agg.intent).toBe(merged.intent.label);
    expect(agg.intentConfidence).toBe(merged.intent.confidence);
  });

  it('a redelivered message is not folded twice', () => {
    const e = extractMessage('can I book a viewing on Saturday');
    const once = foldExtraction(EMPTY_AGGREGATE, 'm1', e);
    expect(foldExtraction(once, 'm1', e)).toBe(once);
  });

  it('reads an aggregate stored before rule intents and model scores were kept', () => {
    const old = readAggregate({ aggregate: { messageIds: ['a'], intent: 'booking', intentConfidence: 0.8, sentimentSum: 0.2 } });
    expect(old.ruleIntents).toEqual({ booking: 0.8 });
    expect(old.intentScoreSum).toBeNull();
    expect(old.intentScored).toBe(0);
    const next = foldExtraction(old, 'b', extractMessage('what time do you open on sunday'));
    expect(next.ruleIntents).toMatchObject({ booking: 0.8, enquiry: expect.any(Number) });
    expect(next.intentScored).toBe(1);
    expect(next.messageIds).toEqual(['a', 'b']);
  });

  it('drops malformed stored fields instead of trusting them', () => {
    const bad = readAggregate({
      aggregate: { messageIds: [], ruleIntents: { nonsense: 1, booking: 'x' }, intentScoreSum: [1, 2], intentScored: 5 },
    });
    expect(bad.ruleIntents).toEqual({});
    expect(bad.intentScoreSum).toBeNull();
    expect(bad.intentScored).toBe(0);
  });
});
