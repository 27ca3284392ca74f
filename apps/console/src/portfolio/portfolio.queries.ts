import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import type { OwnerInsights } from './portfolio.types';

export const portfolioKeys = {
  all: ['portfolio'] as const,
  period: (period: 'day' | 'week') => ['portfolio', period] as const,
};

/** GET /api/v1/admin/insights for the current UTC day or week: the portfolio and the alerts. */
export function usePortfolio(period: 'day' | 'week') {
  const api = useApi();
  return useQuery({
    queryKey: portfolioKeys.period(period),
    queryFn: async ({ signal }): Promise<OwnerInsights> =>
      unwrap(await api.GET('/api/v1/admin/insights', { params: { query: { period } }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
