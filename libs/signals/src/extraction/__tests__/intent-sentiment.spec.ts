import { extractMessage } from '../extract-message';

const intentOf = (text: string) => extractMessage(text).intent.label;
const sentimentOf = (text: string) => extractMessage(text).sentiment;

describe('intent', () => {
  it.each([
    ['Can I book a table for 4 this Friday at 8pm?', 'booking'],
    ['can someone come tuesday?', 'booking'],
    ["I'd like to arrange a viewing", 'booking'],
    ['how much would it cost to replace a combi boiler?', 'pricing'],
    ["What's your call-out charge on a Saturday?", 'pricing'],
    ['Please cancel my order 5521', 'cancellation'],
    ['I need to give notice on my tenancy', 'cancellation'],
    ['Really not happy, I want my money back', 'complaint'],
    ['Absolutely disgusted with the workmanship', 'complaint'],
    ['my kitchen tap is leaking', 'support'],
    ["Where's my order? It hasn't arrived", 'support'],
    ['Can we move my appointment to next week?', 'support'],
    ['Do you cover the Wirral area?', 'enquiry'],
    ['What time do you close on Saturdays?', 'enquiry'],
    ['Brilliant job on the clutch, drives like new', 'other'],
    ['ok', 'other'],
  ])('%p -> %s', (text, label) => {
    expect(intentOf(text)).toBe(label);
  });

  it('cancellation outranks a booking cue, and "cancellation policy" is an enquiry', () => {
    expect(intentOf('I need to cancel my appointment on Tuesday')).toBe('cancellation');
    expect(intentOf("What's your cancellation policy?")).toBe('enquiry');
  });

  it('"I cancelled" (past) is not a cancellation request', () => {
    expect(intentOf("I've been charged for an order I cancelled. Appalling service")).toBe('complaint');
  });

  it('carries a confidence and the evidence of the cue', () => {
    const { intent } = extractMessage('Hello, how much is an MOT?');
    expect(intent.confidence).toBeGreaterThanOrEqual(0.5);
    expect(intent.evidence?.text).toBe('how much');
  });
});

describe('sentiment', () => {
  it('scores within -1..1 with a label', () => {
    for (const text of ['Absolutely fuming!!! worst ever, rubbish, disgusting', 'amazing amazing brilliant fantastic!!!', 'ok']) {
      const s = sentimentOf(text);
      expect(s.score).toBeGreaterThanOrEqual(-1);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(sentimentOf('Absolutely fuming, rubbish service').label).toBe('negative');
    expect(sentimentOf('Really pleased, the lads did an amazing job').label).toBe('positive');
    expect(sentimentOf('Do you do emergency call-outs on weekends?')).toEqual({ score: 0, label: 'neutral' });
  });

  it('negation flips a positive and softens a negative', () => {
    expect(sentimentOf('I am happy with it').label).toBe('positive');
    expect(sentimentOf('I am not happy with it').label).toBe('negative');
    expect(sentimentOf('not impressed at all').label).toBe('negative');
    expect(sentimentOf('the food was bad').score).toBeLessThan(sentimentOf('the food was not bad').score);
  });

  it('intensifiers scale the score', () => {
    expect(sentimentOf('very disappointed').score).toBeLessThan(sentimentOf('disappointed').score);
    expect(sentimentOf('a bit disappointed').score).toBeGreaterThan(sentimentOf('disappointed').score);
    expect(sentimentOf('absolutely brilliant').score).toBeGreaterThan(sentimentOf('brilliant').score);
  });

  it('reads emoji', () => {
    expect(sentimentOf('still nothing 😡').label).toBe('negative');
    expect(sentimentOf('see you Saturday 🎉').label).toBe('positive');
  });

  it('routine politeness is neutral', () => {
    expect(sentimentOf('Great, thanks').label).toBe('neutral');
    expect(sentimentOf('Good morning, please can I get a quote? Thanks').label).toBe('neutral');
    expect(sentimentOf('Best to email me, kind regards').label).toBe('neutral');
  });
});
