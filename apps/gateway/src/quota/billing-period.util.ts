// Billing periods (docs/adr/0025-plans-quotas-invoice-preview.md): a period is the calendar
// month in the tenant's time zone (tenants.timezone), from local midnight of the 1st to local
// midnight of the next 1st, so it is an exact sum of usage_daily's local days.

export interface BillingPeriod {
  /** `YYYY-MM` of the local month: the counters' key. */
  key: string;
  /** First and last local day (`YYYY-MM-DD`, inclusive), as usage_daily's `day`. */
  from: string;
  to: string;
  /** The instants the period starts and ends (local midnight of the 1st; the end is the next period's start). */
  startsAt: Date;
  endsAt: Date;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at `instant`, in ms (east positive: +05:30 is 19_800_000). */
function offsetMs(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of the local day `year-month-day` in `timeZone`: local midnight, or, where a
 * DST change skips midnight, the first instant after the gap.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  const p = localParts(new Date(guess), timeZone);
  if (p.year === year && p.month === month && p.day === day && p.hour === 0 && p.minute === 0 && p.second === 0) return new Date(guess);
  // Midnight does not exist that day (or the guess landed on the wrong side of a change): walk
  // to the first instant whose local date is the day, a minute at a time within the hour around.
  let t = guess - 3_600_000;
  while (!sameDay(localParts(new Date(t), timeZone), year, month, day)) t += 60_000;
  return new Date(t);
}

function sameDay(p: LocalParts, year: number, month: number, day: number): boolean {
  return p.year === year && p.month === month && p.day === day;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of the local month `year-month`. */
export function periodOfMonth(year: number, month: number, timeZone: string): BillingPeriod {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    key: `${pad(year, 4)}-${pad(month)}`,
    from: `${pad(year, 4)}-${pad(month)}-01`,
    to: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    startsAt: startOfLocalDay(year, month, 1, timeZone),
    endsAt: startOfLocalDay(next.year, next.month, 1, timeZone),
  };
}

/** The period `instant` falls in, for a tenant in `timeZone`. */
export function currentPeriod(instant: Date, timeZone: string): BillingPeriod {
  const p = localParts(instant, timeZone);
  return periodOfMonth(p.year, p.month, timeZone);
}

/** The period before the one `instant` falls in. */
export function previousPeriod(instant: Date, timeZone: string): BillingPeriod {
  const p = localParts(instant, timeZone);
  return p.month === 1 ? periodOfMonth(p.year - 1, 12, timeZone) : periodOfMonth(p.year, p.month - 1, timeZone);
}

/** Whole seconds from `instant` to the period's reset (rounded up, at least 1): Retry-After and RateLimit-Reset. */
export function secondsToReset(instant: Date, period: BillingPeriod): number {
  return Math.max(1, Math.ceil((period.endsAt.getTime() - instant.getTime()) / 1000));
}
