import type { InsightPeriod } from '@parley/contracts';
import { addDays, localMidnight, weekStart } from '@parley/contracts/calendar';

/** One tenant-local period: its first local day and the UTC instants it spans (end exclusive). */
export interface LocalPeriod {
  period: InsightPeriod;
  localDate: string;
  days: string[];
  start: Date;
  end: Date;
}

/** The period of kind `period` that contains the local date (weeks start on Monday). */
export function periodContaining(period: InsightPeriod, date: string, timeZone: string): LocalPeriod {
  const first = period === 'week' ? weekStart(date) : date;
  const length = period === 'week' ? 7 : 1;
  const days = Array.from({ length }, (_, i) => addDays(first, i));
  return { period, localDate: first, days, start: localMidnight(first, timeZone), end: localMidnight(addDays(first, length), timeZone) };
}

/** The period just before this one. */
export function previousPeriod(p: LocalPeriod, timeZone: string): LocalPeriod {
  return periodContaining(p.period, addDays(p.localDate, -1), timeZone);
}
