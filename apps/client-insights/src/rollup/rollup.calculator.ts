import type { InsightMetrics } from '@parley/contracts';
import type { LocalPeriod } from '../shared/insight-period.util';
import { localDateOf, localHourOf } from '@parley/contracts/calendar';
import { tokenCostUsd, type ModelPriceTable } from '../shared/model-prices.util';
import { ratio, round } from '../shared/numbers.util';
import { TERM_KINDS } from '../shared/term-kinds.constants';

/** One insight_hourly_buckets row, as numbers. */
export interface HourlyBucket {
  hourStart: Date;
  turns: number;
  sessionsStarted: number;
  returningSessions: number;
  sessionsClosed: number;
  sentimentSum: number;
  sentimentCount: number;
  leadSessions: number;
  escalations: number;
  escalatedSessions: number;
  summarizedSessions: number;
  resolvedWithoutHuman: number;
  unmetNeeds: number;
  tokensIn: number;
  tokensOut: number;
}

/** One insight_hourly_terms row. */
export interface HourlyTerm {
  hourStart: Date;
  kind: string;
  key: string;
  count: number;
  tokensIn: number;
  tokensOut: number;
}

export interface RollupInput {
  timeZone: string;
  period: LocalPeriod;
  /** Buckets whose hour starts inside the period (others are ignored). */
  buckets: HourlyBucket[];
  /** Sessions started in the previous period of the same kind. */
  previousSessions: number;
  /** Terms whose hour starts inside the period. */
  terms: HourlyTerm[];
  /** message_feedback ratings (+1 / -1) created inside the period. */
  ratings: number[];
  prices: ModelPriceTable;
}

const TOP_TOPICS = 10;
const TOP_UNMET = 10;
const TOP_HOURS = 3;

function sum(rows: HourlyBucket[], pick: (b: HourlyBucket) => number): number {
  return rows.reduce((total, b) => total + pick(b), 0);
}

/** Highest count first, then key alphabetically (a stable order for ties). */
function topKeys(terms: HourlyTerm[], kind: string, limit: number): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const t of terms) if (t.kind === kind) counts.set(t.key, (counts.get(t.key) ?? 0) + t.count);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/**
 * L3 metrics of one tenant-local period from its hourly buckets, terms and feedback. Pure: no
 * I/O, no clock. Each bucket counts in the local day (and local hour) containing its start.
 */
export function computeRollup(input: RollupInput): InsightMetrics {
  const { timeZone, period } = input;
  const inPeriod = (hour: Date) => hour >= period.start && hour < period.end;
  const buckets = input.buckets.filter((b) => inPeriod(b.hourStart));
  const terms = input.terms.filter((t) => inPeriod(t.hourStart));

  const sessions = sum(buckets, (b) => b.sessionsStarted);
  const turns = sum(buckets, (b) => b.turns);
  const sentimentSum = sum(buckets, (b) => b.sentimentSum);
  const sentimentCount = sum(buckets, (b) => b.sentimentCount);

  const perDay = new Map(period.days.map((d) => [d, { sum: 0, count: 0 }]));
  const perHour = new Map<number, number>();
  for (const b of buckets) {
    const day = perDay.get(localDateOf(b.hourStart, timeZone));
    if (day) {
      day.sum += b.sentimentSum;
      day.count += b.sentimentCount;
    }
    if (b.turns > 0) {
      const hour = localHourOf(b.hourStart, timeZone);
      perHour.set(hour, (perHour.get(hour) ?? 0) + b.turns);
    }
  }

  const byModel = terms
    .filter((t) => t.kind === TERM_KINDS.model)
    .reduce((acc, t) => {
      const row = acc.get(t.key) ?? { tokensIn: 0, tokensOut: 0 };
      row.tokensIn += t.tokensIn;
      row.tokensOut += t.tokensOut;
      return acc.set(t.key, row);
    }, new Map<string, { tokensIn: number; tokensOut: number }>());
  const models = [...byModel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => {
      const slash = key.indexOf('/');
      const provider = key.slice(0, slash);
      const model = key.slice(slash + 1);
      return {
        provider,
        model,
        tokensIn: t.tokensIn,
        tokensOut: t.tokensOut,
        costUsd: tokenCostUsd(input.prices, provider, model, t.tokensIn, t.tokensOut),
      };
    });

  const positive = input.ratings.filter((r) => r > 0).length;
  const negative = input.ratings.filter((r) => r < 0).length;
  const escalatedSessions = sum(buckets, (b) => b.escalatedSessions);
  const leadSessions = sum(buckets, (b) => b.leadSessions);
  const returningSessions = sum(buckets, (b) => b.returningSessions);
  const summarizedSessions = sum(buckets, (b) => b.summarizedSessions);
  const resolvedWithoutHuman = sum(buckets, (b) => b.resolvedWithoutHuman);

  return {
    timezone: timeZone,
    volume: {
      sessions,
      closedSessions: sum(buckets, (b) => b.sessionsClosed),
      turns,
      previousSessions: input.previousSessions,
      changePct: input.previousSessions === 0 ? null : round(((sessions - input.previousSessions) / input.previousSessions) * 100, 1),
    },
    topTopics: topKeys(terms, TERM_KINDS.topic, TOP_TOPICS).map(({ key, count }) => ({ topic: key, count })),
    sentiment: {
      average: sentimentCount === 0 ? null : round(sentimentSum / sentimentCount, 4),
      samples: sentimentCount,
      series: period.days.map((date) => {
        const d = perDay.get(date) ?? { sum: 0, count: 0 };
        return { date, average: d.count === 0 ? null : round(d.sum / d.count, 4), samples: d.count };
      }),
    },
    conversion: { leadSessions, sessions, rate: ratio(leadSessions, sessions) },
    peakHours: [...perHour.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, TOP_HOURS)
      .map(([hour, t]) => ({ hour, turns: t })),
    unmetNeeds: topKeys(terms, TERM_KINDS.unmetNeed, TOP_UNMET).map(({ key, count }) => ({ question: key, count })),
    repeatVisitors: { returningSessions, sessions, rate: ratio(returningSessions, sessions) },
    escalation: {
      escalatedSessions,
      escalatedTurns: sum(buckets, (b) => b.escalations),
      sessions,
      rate: ratio(escalatedSessions, sessions),
    },
    resolution: { resolvedWithoutHuman, summarizedSessions, rate: ratio(resolvedWithoutHuman, summarizedSessions) },
    feedback: {
      ratings: input.ratings.length,
      positive,
      negative,
      score: input.ratings.length === 0 ? null : round((positive - negative) / input.ratings.length, 4),
    },
    usage: {
      tokensIn: sum(buckets, (b) => b.tokensIn),
      tokensOut: sum(buckets, (b) => b.tokensOut),
      costUsd: round(
        models.reduce((total, m) => total + m.costUsd, 0),
        6,
      ),
      byModel: models,
    },
  };
}
