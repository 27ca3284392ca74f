import { USAGE_MAX_RANGE_DAYS } from '@parley/contracts';
import { InsightsError } from '../shared/insights.error';
import { addDays, daysBetween } from '@parley/contracts/calendar';

/** Days a range covers when only `to` (or nothing) is given. */
export const DEFAULT_RANGE_DAYS = 30;

/** The UTC date range [from, to] of a usage request, defaults filled in; VALIDATION when from is after to or the range is too long. */
export function usageRange(today: string, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? today;
  const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  const span = daysBetween(start, end);
  if (span < 0) throw new InsightsError('VALIDATION', `from (${start}) is after to (${end})`);
  if (span + 1 > USAGE_MAX_RANGE_DAYS) throw new InsightsError('VALIDATION', `a usage range may span at most ${USAGE_MAX_RANGE_DAYS} days`);
  return { from: start, to: end };
}
