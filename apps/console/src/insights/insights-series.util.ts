import { count, hourRange, percent, sentiment, signedPercent, usd } from './insights-format.util';
import { periodLabel, previousPeriodWords, shortDate, type InsightPeriod } from './insights-period.util';
import type { InsightRollup } from './insights.types';

// Rollups (one per day or week) -> the rows each chart draws and the sentence that says what
// it shows. Rates stay 0..1 here; charts and tables format them.

export interface VolumePoint {
  label: string;
  sessions: number;
  previousSessions: number;
  changePct: number | null;
}

export function volumeSeries(period: InsightPeriod, rollups: readonly InsightRollup[]): VolumePoint[] {
  return rollups.map((r) => ({
    label: periodLabel(period, r.localDate),
    sessions: r.metrics.volume.sessions,
    previousSessions: r.metrics.volume.previousSessions,
    changePct: r.metrics.volume.changePct,
  }));
}

export function volumeSummary(period: InsightPeriod, rollups: readonly InsightRollup[]): string {
  if (rollups.length === 0) return 'No periods in this range.';
  const total = rollups.reduce((n, r) => n + r.metrics.volume.sessions, 0);
  const latest = rollups[rollups.length - 1];
  const change = latest.metrics.volume.changePct;
  const changeText =
    change === null
      ? `no sessions ${previousPeriodWords(period)} to compare with`
      : `${signedPercent(change)} against ${previousPeriodWords(period)} (${count(latest.metrics.volume.previousSessions)})`;
  return `${count(total)} sessions in the range. ${periodLabel(period, latest.localDate)}: ${count(latest.metrics.volume.sessions)}, ${changeText}.`;
}

export interface SentimentPoint {
  label: string;
  date: string;
  average: number | null;
  samples: number;
}

/** Daily sentiment: each day rollup's average, or the daily series inside each week rollup. */
export function sentimentSeries(period: InsightPeriod, rollups: readonly InsightRollup[]): SentimentPoint[] {
  if (period === 'day') {
    return rollups.map((r) => ({
      label: shortDate(r.localDate),
      date: r.localDate,
      average: r.metrics.sentiment.average,
      samples: r.metrics.sentiment.samples,
    }));
  }
  const byDate = new Map<string, SentimentPoint>();
  for (const r of rollups)
    for (const p of r.metrics.sentiment.series)
      byDate.set(p.date, { label: shortDate(p.date), date: p.date, average: p.average, samples: p.samples });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function sentimentSummary(rollups: readonly InsightRollup[]): string {
  const samples = rollups.reduce((n, r) => n + r.metrics.sentiment.samples, 0);
  if (samples === 0) return 'No rated visitor messages in this range.';
  const weighted = rollups.reduce((s, r) => s + (r.metrics.sentiment.average ?? 0) * r.metrics.sentiment.samples, 0) / samples;
  const mood = weighted > 0.15 ? 'positive' : weighted < -0.15 ? 'negative' : 'neutral';
  return `Average sentiment ${sentiment(weighted)} (${mood}; scale −1 to +1) over ${count(samples)} visitor messages.`;
}

export interface Ranked {
  label: string;
  count: number;
}

function ranked(entries: Iterable<[string, number]>, limit: number): Ranked[] {
  return [...entries]
    .map(([label, n]) => ({ label, count: n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, limit);
}

function summed<T>(
  rollups: readonly InsightRollup[],
  pick: (r: InsightRollup) => readonly T[],
  key: (t: T) => string,
  value: (t: T) => number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rollups) for (const t of pick(r)) totals.set(key(t), (totals.get(key(t)) ?? 0) + value(t));
  return totals;
}

/** The range's topics, summed over its periods, most mentioned first. */
export function topTopics(rollups: readonly InsightRollup[], limit = 10): Ranked[] {
  return ranked(
    summed(
      rollups,
      (r) => r.metrics.topTopics,
      (t) => t.topic,
      (t) => t.count,
    ),
    limit,
  );
}

/** Questions the bot could not answer, summed over the range, most asked first. */
export function unmetNeeds(rollups: readonly InsightRollup[], limit = 10): Ranked[] {
  return ranked(
    summed(
      rollups,
      (r) => r.metrics.unmetNeeds,
      (t) => t.question,
      (t) => t.count,
    ),
    limit,
  );
}

export function rankedSummary(items: readonly Ranked[], noun: string, empty: string): string {
  if (items.length === 0) return empty;
  const top = items.slice(0, 3).map((t) => `${t.label} (${count(t.count)})`);
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}; most mentioned: ${top.join(', ')}.`;
}

export interface HourPoint {
  hour: number;
  label: string;
  turns: number;
}

/** Busiest local hours: each period names its top three; the turns are summed per hour, in hour order. */
export function peakHours(rollups: readonly InsightRollup[]): HourPoint[] {
  const totals = summed(
    rollups,
    (r) => r.metrics.peakHours,
    (p) => String(p.hour),
    (p) => p.turns,
  );
  return [...totals.entries()]
    .map(([hour, turns]) => ({ hour: Number(hour), label: hourRange(Number(hour)), turns }))
    .sort((a, b) => a.hour - b.hour);
}

export function peakHoursSummary(points: readonly HourPoint[], timezone: string): string {
  if (points.length === 0) return 'No conversations in this range.';
  const busiest = [...points].sort((a, b) => b.turns - a.turns || a.hour - b.hour)[0];
  return `Busiest hour: ${busiest.label} (${timezone}), ${count(busiest.turns)} messages.`;
}

export interface RatePoint {
  label: string;
  conversion: number | null;
  escalation: number | null;
  resolution: number | null;
}

export function rateSeries(period: InsightPeriod, rollups: readonly InsightRollup[]): RatePoint[] {
  return rollups.map((r) => ({
    label: periodLabel(period, r.localDate),
    conversion: r.metrics.conversion.rate,
    escalation: r.metrics.escalation.rate,
    resolution: r.metrics.resolution.rate,
  }));
}

/** A rate over the whole range from its parts (not an average of the periods' rates). */
export function rangeRate(parts: Array<[number, number]>): number | null {
  const [num, den] = parts.reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
  return den === 0 ? null : num / den;
}

export function conversionSummary(rollups: readonly InsightRollup[]): string {
  const leads = rollups.reduce((n, r) => n + r.metrics.conversion.leadSessions, 0);
  const sessions = rollups.reduce((n, r) => n + r.metrics.conversion.sessions, 0);
  if (sessions === 0) return 'No sessions in this range.';
  return `${count(leads)} of ${count(sessions)} sessions became leads: ${percent(leads / sessions)}.`;
}

export function outcomeSummary(rollups: readonly InsightRollup[]): string {
  const escalation = rangeRate(rollups.map((r) => [r.metrics.escalation.escalatedSessions, r.metrics.escalation.sessions]));
  const resolution = rangeRate(rollups.map((r) => [r.metrics.resolution.resolvedWithoutHuman, r.metrics.resolution.summarizedSessions]));
  return `Escalated to a person: ${percent(escalation)} of sessions. Resolved without a person: ${percent(resolution)} of summarized sessions.`;
}

export interface UsagePoint {
  label: string;
  costUsd: number;
  tokensIn: number;
  tokensOut: number;
}

export function usageSeries(period: InsightPeriod, rollups: readonly InsightRollup[]): UsagePoint[] {
  return rollups.map((r) => ({
    label: periodLabel(period, r.localDate),
    costUsd: r.metrics.usage.costUsd,
    tokensIn: r.metrics.usage.tokensIn,
    tokensOut: r.metrics.usage.tokensOut,
  }));
}

export function usageSummary(rollups: readonly InsightRollup[]): string {
  const cost = rollups.reduce((s, r) => s + r.metrics.usage.costUsd, 0);
  const tokensIn = rollups.reduce((n, r) => n + r.metrics.usage.tokensIn, 0);
  const tokensOut = rollups.reduce((n, r) => n + r.metrics.usage.tokensOut, 0);
  return `Model cost ${usd(cost)}: ${count(tokensIn)} tokens in, ${count(tokensOut)} tokens out.`;
}
