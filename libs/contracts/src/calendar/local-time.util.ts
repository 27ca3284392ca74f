// Tenant-local calendar arithmetic on top of Intl (no tz library), shared by the gateway (billing
// periods, ADR 0025) and client-insights (usage_daily's local days, rollups; ADR 0017): both
// sides of insights.usage.period_totals must agree on where a tenant's local day starts. Local
// dates travel as `YYYY-MM-DD`; instants as Date. Hourly buckets are UTC hours; a bucket belongs
// to the local day (and local hour of day) that contains its START instant. In zones with a
// half-hour or 45-minute offset (Asia/Kolkata, Asia/Kathmandu, Australia/Adelaide...) one UTC
// hour straddles local midnight: its whole count goes to the day in which it starts, so up to 30
// (45) minutes of activity can land on the neighbouring local day. Hour-level precision is what
// the buckets keep; this is the documented trade-off.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface LocalParts {
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

/** True when Intl knows the IANA zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
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

function sameDay(p: LocalParts, year: number, month: number, day: number): boolean {
  return p.year === year && p.month === month && p.day === day;
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
  if (sameDay(p, year, month, day) && p.hour === 0 && p.minute === 0 && p.second === 0) return new Date(guess);
  // Midnight does not exist that day (or the guess landed on the wrong side of a change): walk
  // to the first instant whose local date is the day, a minute at a time within the hour around.
  let t = guess - HOUR_MS;
  while (!sameDay(localParts(new Date(t), timeZone), year, month, day)) t += 60_000;
  return new Date(t);
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The tenant-local calendar date of an instant. */
export function localDateOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The tenant-local hour of day (0-23) of an instant. */
export function localHourOf(instant: Date, timeZone: string): number {
  return localParts(instant, timeZone).hour;
}

/** The UTC instant at which the local date begins (first instant of that local day: startOfLocalDay). */
export function localMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return startOfLocalDay(y, m, d, timeZone);
}

/** Calendar arithmetic on local dates (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the ISO week containing the date. */
export function weekStart(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number);
  const [by, bm, bd] = b.split('-').map(Number);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / DAY_MS);
}

/** The UTC hour an instant falls in (bucket key). */
export function utcHourStart(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
}
