import { computeRollup, type HourlyBucket } from '../rollup.calculator';
import { periodContaining } from '../../shared/insight-period.util';
import { DEFAULT_MODEL_PRICES, tokenCostUsd } from '../../shared/model-prices.util';
import { TERM_KINDS } from '../../shared/term-kinds.constants';

const zero: Omit<HourlyBucket, 'hourStart'> = {
  turns: 0,
  sessionsStarted: 0,
  returningSessions: 0,
  sessionsClosed: 0,
  sentimentSum: 0,
  sentimentCount: 0,
  leadSessions: 0,
  escalations: 0,
  escalatedSessions: 0,
  summarizedSessions: 0,
  resolvedWithoutHuman: 0,
  unmetNeeds: 0,
  tokensIn: 0,
  tokensOut: 0,
};
const bucket = (hour: string, counts: Partial<HourlyBucket>): HourlyBucket => ({ ...zero, hourStart: new Date(hour), ...counts });

describe('computeRollup', () => {
  const day = periodContaining('day', '2026-07-06', 'Europe/London');

  it('is empty but well-formed for a period without activity (rates null, not 0)', () => {
    const m = computeRollup({
      timeZone: 'Europe/London',
      period: day,
      buckets: [],
      previousSessions: 0,
      terms: [],
      ratings: [],
      prices: DEFAULT_MODEL_PRICES,
    });
    expect(m.volume).toEqual({ sessions: 0, closedSessions: 0, turns: 0, previousSessions: 0, changePct: null });
    expect(m.conversion.rate).toBeNull();
    expect(m.resolution.rate).toBeNull();
    expect(m.feedback.score).toBeNull();
    expect(m.sentiment.series).toEqual([{ date: '2026-07-06', average: null, samples: 0 }]);
    expect(m.peakHours).toEqual([]);
  });

  it('ignores buckets and terms outside the period, and ranks ties alphabetically / by hour', () => {
    const m = computeRollup({
      timeZone: 'Europe/London',
      period: day,
      buckets: [
        bucket('2026-07-05T22:00:00Z', { turns: 9, sessionsStarted: 9 }),
        bucket('2026-07-06T10:00:00Z', { turns: 2, sessionsStarted: 3 }),
        bucket('2026-07-06T09:00:00Z', { turns: 2 }),
      ],
      previousSessions: 4,
      terms: [
        { hourStart: new Date('2026-07-06T10:00:00Z'), kind: TERM_KINDS.topic, key: 'zebra', count: 1, tokensIn: 0, tokensOut: 0 },
        { hourStart: new Date('2026-07-06T10:00:00Z'), kind: TERM_KINDS.topic, key: 'apple', count: 1, tokensIn: 0, tokensOut: 0 },
        { hourStart: new Date('2026-07-05T22:00:00Z'), kind: TERM_KINDS.topic, key: 'outside', count: 5, tokensIn: 0, tokensOut: 0 },
      ],
      ratings: [],
      prices: DEFAULT_MODEL_PRICES,
    });
    expect(m.volume).toEqual({ sessions: 3, closedSessions: 0, turns: 4, previousSessions: 4, changePct: -25 });
    expect(m.topTopics).toEqual([
      { topic: 'apple', count: 1 },
      { topic: 'zebra', count: 1 },
    ]);
    expect(m.peakHours).toEqual([
      { hour: 10, turns: 2 },
      { hour: 11, turns: 2 },
    ]);
  });
});

describe('tokenCostUsd', () => {
  it('prices per million tokens, provider wildcards, and 0 for unknown models', () => {
    expect(tokenCostUsd(DEFAULT_MODEL_PRICES, 'openai', 'gpt-4o', 1_000_000, 100_000)).toBe(3.5);
    expect(tokenCostUsd(DEFAULT_MODEL_PRICES, 'offline', 'retrieval', 5000, 5000)).toBe(0);
    expect(tokenCostUsd(DEFAULT_MODEL_PRICES, 'openai', 'some-new-model', 5000, 5000)).toBe(0);
    expect(tokenCostUsd({ 'gemini/*': { inputPerMTok: 1, outputPerMTok: 2 } }, 'gemini', 'x', 1, 1)).toBe(0.000003);
  });
});
