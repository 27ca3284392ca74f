import { extractMessage } from '../extract-message';
import { InvalidExtractionInputError } from '../extraction.errors';

describe('products and services', () => {
  const catalogueTerms = ['combi boiler', 'MOT', 'power flush', 'hygienist'];

  it('matches catalogue terms, whole-word and plural-tolerant, as the tenant wrote them', () => {
    const e = extractMessage('Do you fit combi boilers and do a power-flush? Also an MOT.', { catalogueTerms });
    expect(e.products.filter((p) => p.source === 'catalogue').map((p) => p.term)).toEqual(['combi boiler', 'power flush', 'MOT']);
    expect(e.products[0]?.evidence.text).toBe('combi boilers');
  });

  it('adds simple noun phrases, without relations or names', () => {
    const e = extractMessage("my boiler's leaking and I need a new kitchen worktop. My wife Sarah agrees");
    expect(e.products.map((p) => p.term)).toEqual(['boiler', 'new kitchen worktop']);
    expect(e.products.every((p) => p.source === 'noun_phrase' && p.confidence < 0.5)).toBe(true);
  });

  it('does not match a term inside another word', () => {
    expect(extractMessage('the motorway was closed', { catalogueTerms }).products.filter((p) => p.source === 'catalogue')).toEqual([]);
  });

  it('rejects a malformed catalogue with a clear error', () => {
    expect(() => extractMessage('hi', { catalogueTerms: 'MOT' as unknown as string[] })).toThrow(InvalidExtractionInputError);
    expect(() => extractMessage('hi', { catalogueTerms: [1, 2] as unknown as string[] })).toThrow('catalogueTerms');
  });
});

describe('purchase signals', () => {
  it.each([
    ['How much would it cost to fit a new boiler?', 'price_question'],
    ['what do you charge for a callout', 'price_question'],
    ['Can you send me a quote please', 'quote_request'],
    ["I'd like to book a service", 'booking_request'],
    ['Can I book a table for two', 'booking_request'],
    ['Can you come Tuesday?', 'availability_question'],
    ['is it still available?', 'availability_question'],
    ["Sounds good, let's go ahead", 'ready_to_buy'],
  ])('%p -> %s', (text, kind) => {
    expect(extractMessage(text).purchaseSignals.map((s) => s.kind)).toEqual([kind]);
  });

  it('a complaint carries no purchase signal', () => {
    expect(extractMessage('Your engineer never turned up, I want a refund').purchaseSignals).toEqual([]);
  });
});

describe('communication preferences', () => {
  it('"call me on ... - not before 10am please": phone, and not before 10:00', () => {
    const e = extractMessage("Hi, I'm Dave, my boiler's leaking, call me on 07700 900123 — not before 10am please");
    expect(e.preferences.map(({ evidence: _e, ...p }) => p)).toEqual([
      { channel: 'phone', avoid: false },
      { channel: 'phone', avoid: true, timeWindow: { to: '10:00' } },
    ]);
  });

  it.each([
    ["don't call before 10am", { channel: 'phone', avoid: true, timeWindow: { to: '10:00' } }],
    ["please don't ring after 8pm", { channel: 'phone', avoid: true, timeWindow: { from: '20:00' } }],
    ['I prefer email', { channel: 'email', avoid: false }],
    ['text me', { channel: 'sms', avoid: false }],
    ['whatsapp is best', { channel: 'whatsapp', avoid: false }],
    ["please don't call", { channel: 'phone', avoid: true }],
    ['call me after 5pm', { channel: 'phone', avoid: false, timeWindow: { from: '17:00' } }],
    ['ring me between 9 and 5', { channel: 'phone', avoid: false, timeWindow: { from: '09:00', to: '17:00' } }],
    ["I can't take calls at work", { channel: 'phone', avoid: true }],
  ])('%p', (text, expected) => {
    expect(extractMessage(text).preferences.map(({ evidence: _e, ...p }) => p)).toEqual([expected]);
  });
});

describe('input', () => {
  it('rejects a non-string, an over-long message and a bad context, naming the problem', () => {
    expect(() => extractMessage(42 as unknown as string)).toThrow('text must be a string');
    expect(() => extractMessage('a'.repeat(20_001))).toThrow(InvalidExtractionInputError);
    expect(() => extractMessage('hi', null as unknown as object)).toThrow('context must be an object');
  });

  it('a message repeating a cue thousands of times yields bounded lists', () => {
    const e = extractMessage(`${'text me, my wife Sarah, a new boiler, '.repeat(400)}I'm Dave`.slice(0, 20_000));
    expect(e.preferences.length).toBeLessThanOrEqual(10);
    expect(e.contacts.length).toBeLessThanOrEqual(30);
    expect(e.products.length).toBeLessThanOrEqual(30);
  });

  it('an empty message extracts nothing', () => {
    expect(extractMessage('')).toEqual({
      contacts: [],
      customer: {},
      refusals: [],
      intent: { label: 'other', confidence: 0.4 },
      sentiment: { score: 0, label: 'neutral' },
      products: [],
      purchaseSignals: [],
      preferences: [],
    });
  });
});
