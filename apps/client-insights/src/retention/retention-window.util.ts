import { addDays, localDateOf } from '../shared/local-time.util';

/** A UTC calendar date `YYYY-MM-DD` as the instant of its 00:00 UTC. */
export function utcMidnight(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The UTC calendar date of an instant. */
export function utcDayOf(instant: Date): string {
  return localDateOf(instant, 'UTC');
}

/**
 * The first UTC day whose messages a tenant keeps: content created before 00:00 UTC of
 * `today - retentionDays` is deleted, so a message lives at least retentionDays and less than
 * one day more (whole days are folded and sealed before their content goes).
 */
export function retentionCutoffDay(now: Date, retentionDays: number): string {
  return addDays(utcDayOf(now), -retentionDays);
}

/** [from, to) split into consecutive spans of at most `days` days. */
export function daySpans(from: string, to: string, days: number): Array<{ from: string; to: string }> {
  const spans: Array<{ from: string; to: string }> = [];
  for (let start = from; start < to; start = addDays(start, days)) {
    const end = addDays(start, days);
    spans.push({ from: start, to: end < to ? end : to });
  }
  return spans;
}

/** Every UTC day of [from, to). */
export function daysIn(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
