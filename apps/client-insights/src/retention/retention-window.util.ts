import { addDays, localDateOf, localMidnight } from '@parley/contracts/calendar';

/**
 * A calendar date `YYYY-MM-DD` as the instant of its 00:00 UTC: how a DATE column's value
 * (usage_daily.day) is written and compared through Prisma.
 */
export function utcMidnight(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The UTC calendar date of an instant; of a DATE column's value, that date. */
export function utcDayOf(instant: Date): string {
  return localDateOf(instant, 'UTC');
}

/**
 * The first local day (in the tenant's time zone) whose messages a tenant keeps: content
 * created before local midnight of `today - retentionDays` is deleted, so a message lives at
 * least retentionDays and less than one day more (whole days are folded and sealed before
 * their content goes).
 */
export function retentionCutoffDay(now: Date, retentionDays: number, timeZone: string): string {
  return addDays(localDateOf(now, timeZone), -retentionDays);
}

/**
 * The first local day content at or after a seal may be counted on: the seal's own local day
 * when the seal is that day's midnight (always, unless the tenant's time zone changed since),
 * else the next day (the partly sealed day keeps its sealed rows; the rest of it counts on the
 * next day, so nothing is lost or counted twice).
 */
export function floorDayAfter(sealedThrough: Date, timeZone: string): string {
  const day = localDateOf(sealedThrough, timeZone);
  return localMidnight(day, timeZone).getTime() === sealedThrough.getTime() ? day : addDays(day, 1);
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

/** Every day of [from, to). */
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
