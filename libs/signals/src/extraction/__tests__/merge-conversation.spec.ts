import { extractMessage } from '../extract-message';
import { InvalidExtractionInputError } from '../extraction.errors';
import type { ContactMention, Extraction } from '../extraction.types';
import { mergeConversation } from '../merge-conversation';

const mention = (field: ContactMention['field'], value: string, confidence: number, correction = false, start = 0): ContactMention => ({
  field,
  value,
  confidence,
  correction,
  owner: 'customer',
  evidence: { start, end: start + value.length, text: value },
});

const extraction = (contacts: ContactMention[], over: Partial<Extraction> = {}): Extraction => ({
  contacts,
  customer: {},
  refusals: [],
  intent: { label: 'other', confidence: 0.4 },
  sentiment: { score: 0, label: 'neutral' },
  products: [],
  purchaseSignals: [],
  preferences: [],
  ...over,
});

describe('mergeConversation', () => {
  it('without corrections the most confident value wins and keeps its source message index', () => {
    const merged = mergeConversation([
      extraction([mention('phone', '+447700900111', 0.8)]),
      extraction([mention('phone', '+447700900222', 0.9)]),
      extraction([]),
    ]);
    expect(merged.phone).toEqual(expect.objectContaining({ value: '+447700900222', messageIndex: 1 }));
  });

  it('on equal confidence the later value wins', () => {
    const merged = mergeConversation([extraction([mention('email', 'a@x.com', 0.95)]), extraction([mention('email', 'b@x.com', 0.95)])]);
    expect(merged.email).toEqual(expect.objectContaining({ value: 'b@x.com', messageIndex: 1 }));
  });

  it('the latest correction wins over any confidence, also over an earlier correction', () => {
    const merged = mergeConversation([
      extraction([mention('phone', '+447700900111', 0.9)]),
      extraction([mention('phone', '+447700900222', 0.8, true)]),
      extraction([mention('phone', '+447700900333', 0.95)]),
      extraction([mention('phone', '+447700900444', 0.7, true)]),
    ]);
    expect(merged.phone).toEqual(expect.objectContaining({ value: '+447700900444', messageIndex: 3, correction: true }));
  });

  it('within one message the later correction wins', () => {
    const merged = mergeConversation([
      extraction([mention('phone', '+447700900560', 0.8, true, 0), mention('phone', '+447700900506', 0.8, true, 30)]),
    ]);
    expect(merged.phone?.value).toBe('+447700900506');
  });

  it("third-party contacts never become the customer's and are kept apart", () => {
    const third: ContactMention = { ...mention('phone', '+447700900999', 0.9), owner: 'third_party', relation: 'wife' };
    const merged = mergeConversation([extraction([third])]);
    expect(merged.phone).toBeUndefined();
    expect(merged.thirdParties).toEqual([expect.objectContaining({ value: '+447700900999', relation: 'wife', messageIndex: 0 })]);
  });

  it('a longer name that extends the chosen one is taken ("Dave", then "Dave Smith")', () => {
    const merged = mergeConversation([extraction([mention('name', 'Dave', 0.85)]), extraction([mention('name', 'Dave Smith', 0.7)])]);
    expect(merged.name).toEqual(expect.objectContaining({ value: 'Dave Smith', messageIndex: 1 }));
  });

  it('intent follows precedence across messages; sentiment weights the last scored message double', () => {
    const merged = mergeConversation([
      extraction([], { intent: { label: 'enquiry', confidence: 0.6 }, sentiment: { score: -0.6, label: 'negative' } }),
      extraction([], { intent: { label: 'complaint', confidence: 0.8 }, sentiment: { score: 0, label: 'neutral' } }),
      extraction([], { intent: { label: 'booking', confidence: 0.75 }, sentiment: { score: 0.6, label: 'positive' } }),
    ]);
    expect(merged.intent).toEqual(expect.objectContaining({ label: 'complaint', messageIndex: 1 }));
    expect(merged.sentiment).toEqual({ score: 0.2, label: 'neutral', trajectory: [-0.6, 0, 0.6] });
  });

  it('an empty conversation is neutral "other" with nothing found', () => {
    expect(mergeConversation([])).toEqual({
      thirdParties: [],
      refusals: [],
      intent: { label: 'other', confidence: 0.4, messageIndex: null },
      sentiment: { score: 0, label: 'neutral', trajectory: [] },
      products: [],
      purchaseSignals: [],
      preferences: [],
    });
  });

  it('merges real extractions: the demo conversation', () => {
    const texts = [
      "Hi, I'm Dave, my boiler's leaking, call me on 07700 900123 — not before 10am please",
      'my wife Sarah is on 07700 900999 too',
    ];
    const extractions: Extraction[] = [];
    for (const t of texts) extractions.push(extractMessage(t, { previous: extractions[extractions.length - 1] }));
    const merged = mergeConversation(extractions);
    expect(merged.name?.value).toBe('Dave');
    expect(merged.phone).toEqual(expect.objectContaining({ value: '+447700900123', messageIndex: 0 }));
    expect(merged.thirdParties.map((t) => t.value)).toEqual(['Sarah', '+447700900999']);
    expect(merged.intent.label).toBe('support');
    expect(merged.preferences).toContainEqual(
      expect.objectContaining({ channel: 'phone', avoid: true, timeWindow: { to: '10:00' }, messageIndex: 0 }),
    );
  });

  it('rejects input that is not an array', () => {
    expect(() => mergeConversation('x' as unknown as Extraction[])).toThrow(InvalidExtractionInputError);
  });
});
