import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { localToday, rangeFromParams, rangeToParams, type InsightRange } from './insights-period.util';

/** The view's period and dates, kept in the address so a view can be reloaded and shared. */
export function useInsightRange(): [InsightRange, (next: InsightRange) => void] {
  const [params, setParams] = useSearchParams();
  const range = useMemo(() => rangeFromParams(params, localToday()), [params]);
  return [range, (next) => setParams(rangeToParams(next), { replace: true })];
}
