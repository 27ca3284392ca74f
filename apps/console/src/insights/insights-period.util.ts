/**
 * Period and date maths of the insights view. Dates are calendar dates (`YYYY-MM-DD`), computed
 * in UTC arithmetic so no time zone or daylight-saving change shifts a day; the gateway cuts the
 * periods in the tenant's own time zone.
 */
export type InsightPeriod = 'day' | 'week';

export interface InsightRange {
  period: InsightPeriod;
  from: string;
  to: string;
}

/** Longest range the gateway accepts per period (client-insights' MAX_RANGE_DAYS). */
export const MAX_RANGE_DAYS: Record<InsightPeriod, number> = { day: 92, week: 371 };

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(toUtc(value)) && fromUtc(toUtc(value)) === value;
}

/** The viewer's local calendar date of `now`. */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The Monday of the week containing `date`. */
export function weekStart(date: string): string {
  const weekday = new Date(toUtc(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The gateway's default range: the last 7 days, or the last 4 weeks (from a Monday), up to today. */
export function defaultRange(period: InsightPeriod, today: string): InsightRange {
  const from = period === 'day' ? addDays(today, -6) : addDays(weekStart(today), -21);
  return { period, from, to: today };
}

/** Why the gateway would refuse this range, in words for the form; null when it is fine. */
export function rangeProblem(range: InsightRange): string | null {
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) return 'Enter both dates.';
  const span = daysBetween(range.from, range.to);
  if (span < 0) return 'The first date must not be after the last date.';
  if (span >= MAX_RANGE_DAYS[range.period])
    return `A ${range.period === 'day' ? 'daily' : 'weekly'} view may span at most ${MAX_RANGE_DAYS[range.period]} days.`;
  return null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "3 Dec" */
export function shortDate(date: string): string {
  const d = new Date(toUtc(date));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** A period's label on an axis and in tables: "Wed 3 Dec" for a day, "Week of 1 Dec" for a week. */
export function periodLabel(period: InsightPeriod, localDate: string): string {
  if (period === 'week') return `Week of ${shortDate(localDate)}`;
  return `${WEEKDAYS[new Date(toUtc(localDate)).getUTCDay()]} ${shortDate(localDate)}`;
}

/** "the day before" / "the week before", for change sentences. */
export function previousPeriodWords(period: InsightPeriod): string {
  return period === 'day' ? 'the day before' : 'the week before';
}

/** The range in the page's address (`?period=week&from=…&to=…`), else the default for the period. */
export function rangeFromParams(params: URLSearchParams, today: string): InsightRange {
  const period: InsightPeriod = params.get('period') === 'week' ? 'week' : 'day';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = { period, from, to };
  return isIsoDate(from) && isIsoDate(to) && rangeProblem(range) === null ? range : defaultRange(period, today);
}

export function rangeToParams(range: InsightRange): Record<string, string> {
  return { period: range.period, from: range.from, to: range.to };
}
