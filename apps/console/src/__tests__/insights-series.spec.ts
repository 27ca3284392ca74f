import { count, hourRange, percent, sentiment, signedPercent, usd } from '../insights/insights-format.util';
import {
  conversionSummary,
  outcomeSummary,
  peakHours,
  peakHoursSummary,
  rangeRate,
  rankedSummary,
  sentimentSeries,
  sentimentSummary,
  topTopics,
  unmetNeeds,
  usageSummary,
  volumeSeries,
  volumeSummary,
} from '../insights/insights-series.util';
import type { InsightMetrics, InsightRollup } from '../insights/insights.types';

function rollup(localDate: string, patch: Partial<InsightMetrics> = {}): InsightRollup {
  const metrics: InsightMetrics = {
    timezone: 'Europe/London',
    volume: { sessions: 0, closedSessions: 0, turns: 0, previousSessions: 0, changePct: null },
    topTopics: [],
    sentiment: { average: null, samples: 0, series: [] },
    conversion: { leadSessions: 0, sessions: 0, rate: null },
    peakHours: [],
    unmetNeeds: [],
    repeatVisitors: { returningSessions: 0, sessions: 0, rate: null },
    escalation: { escalatedSessions: 0, escalatedTurns: 0, sessions: 0, rate: null },
    resolution: { resolvedWithoutHuman: 0, summarizedSessions: 0, rate: null },
    feedback: { ratings: 0, positive: 0, negative: 0, score: null },
    usage: { tokensIn: 0, tokensOut: 0, costUsd: 0, byModel: [] },
    ...patch,
  };
  return {
    period: 'day',
    localDate,
    periodStart: `${localDate}T00:00:00Z`,
    periodEnd: `${localDate}T23:59:59Z`,
    computedAt: `${localDate}T12:00:00Z`,
    metrics,
  };
}

const days = [
  rollup('2026-12-04', {
    volume: { sessions: 4, closedSessions: 4, turns: 9, previousSessions: 2, changePct: 100 },
    topTopics: [
      { topic: 'boiler', count: 2 },
      { topic: 'bookings', count: 1 },
    ],
    unmetNeeds: [{ question: 'do you fit solar panels?', count: 2 }],
    sentiment: { average: -0.5, samples: 2, series: [] },
    conversion: { leadSessions: 1, sessions: 4, rate: 0.25 },
    escalation: { escalatedSessions: 1, escalatedTurns: 1, sessions: 4, rate: 0.25 },
    resolution: { resolvedWithoutHuman: 1, summarizedSessions: 4, rate: 0.25 },
    peakHours: [
      { hour: 9, turns: 5 },
      { hour: 14, turns: 4 },
    ],
    usage: { tokensIn: 1000, tokensOut: 500, costUsd: 0.0042, byModel: [] },
  }),
  rollup('2026-12-05', {
    volume: { sessions: 5, closedSessions: 5, turns: 6, previousSessions: 4, changePct: 25 },
    topTopics: [{ topic: 'bookings', count: 3 }],
    unmetNeeds: [
      { question: 'do you fit solar panels?', count: 1 },
      { question: 'parking?', count: 1 },
    ],
    sentiment: { average: 0.5, samples: 6, series: [] },
    conversion: { leadSessions: 0, sessions: 5, rate: 0 },
    escalation: { escalatedSessions: 0, escalatedTurns: 0, sessions: 5, rate: 0 },
    resolution: { resolvedWithoutHuman: 3, summarizedSessions: 4, rate: 0.75 },
    peakHours: [
      { hour: 9, turns: 3 },
      { hour: 20, turns: 1 },
    ],
    usage: { tokensIn: 2000, tokensOut: 700, costUsd: 0.01, byModel: [] },
  }),
];

describe('rollups to chart series', () => {
  it('volume: sessions per period with the period before and the change', () => {
    expect(volumeSeries('day', days)).toEqual([
      { label: 'Fri 4 Dec', sessions: 4, previousSessions: 2, changePct: 100 },
      { label: 'Sat 5 Dec', sessions: 5, previousSessions: 4, changePct: 25 },
    ]);
    expect(volumeSummary('day', days)).toBe('9 sessions in the range. Sat 5 Dec: 5, +25% against the day before (4).');
    expect(volumeSummary('week', [rollup('2026-11-30')])).toBe(
      '0 sessions in the range. Week of 30 Nov: 0, no sessions the week before to compare with.',
    );
    expect(volumeSummary('day', [])).toBe('No periods in this range.');
  });

  it('sentiment: one point a day; weeks contribute their daily series; the summary weighs by messages', () => {
    expect(sentimentSeries('day', days).map((p) => [p.label, p.average])).toEqual([
      ['4 Dec', -0.5],
      ['5 Dec', 0.5],
    ]);
    const week = rollup('2026-11-30', {
      sentiment: {
        average: 0.2,
        samples: 3,
        series: [
          { date: '2026-12-01', average: 0.2, samples: 3 },
          { date: '2026-11-30', average: null, samples: 0 },
        ],
      },
    });
    expect(sentimentSeries('week', [week]).map((p) => p.date)).toEqual(['2026-11-30', '2026-12-01']);
    expect(sentimentSummary(days)).toBe('Average sentiment +0.25 (positive; scale −1 to +1) over 8 visitor messages.');
    expect(sentimentSummary([rollup('2026-12-01')])).toBe('No rated visitor messages in this range.');
  });

  it('topics and unmet needs are summed over the range, most first, ties by name', () => {
    expect(topTopics(days)).toEqual([
      { label: 'bookings', count: 4 },
      { label: 'boiler', count: 2 },
    ]);
    expect(unmetNeeds(days)).toEqual([
      { label: 'do you fit solar panels?', count: 3 },
      { label: 'parking?', count: 1 },
    ]);
    expect(topTopics(days, 1)).toHaveLength(1);
    expect(rankedSummary(topTopics(days), 'topic', 'none')).toBe('2 topics; most mentioned: bookings (4), boiler (2).');
    expect(rankedSummary([], 'topic', 'none')).toBe('none');
  });

  it('peak hours are summed per hour and kept in hour order', () => {
    const hours = peakHours(days);
    expect(hours.map((h) => [h.hour, h.turns])).toEqual([
      [9, 8],
      [14, 4],
      [20, 1],
    ]);
    expect(peakHoursSummary(hours, 'Europe/London')).toBe('Busiest hour: 09:00–10:00 (Europe/London), 8 messages.');
  });

  it('range rates come from the parts, not an average of the periods', () => {
    expect(
      rangeRate([
        [1, 4],
        [0, 5],
      ]),
    ).toBeCloseTo(1 / 9);
    expect(rangeRate([[0, 0]])).toBeNull();
    expect(conversionSummary(days)).toBe('1 of 9 sessions became leads: 11%.');
    expect(outcomeSummary(days)).toBe('Escalated to a person: 11% of sessions. Resolved without a person: 50% of summarized sessions.');
    expect(usageSummary(days)).toBe('Model cost $0.01: 3,000 tokens in, 1,200 tokens out.');
  });
});

describe('formats', () => {
  it.each([
    [percent(0.253), '25%'],
    [percent(null), 'no data'],
    [signedPercent(12.5), '+13%'],
    [signedPercent(-4), '−4%'],
    [signedPercent(0.2), 'no change'],
    [signedPercent(null), 'no earlier data'],
    [usd(0), '$0.00'],
    [usd(0.0042), '$0.0042'],
    [usd(12.5), '$12.50'],
    [count(12345), '12,345'],
    [sentiment(0.25), '+0.25'],
    [sentiment(-0.001), '0.00'],
    [hourRange(23), '23:00–00:00'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
