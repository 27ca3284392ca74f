import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import type { InsightRange } from './insights-period.util';
import type { TenantInsights } from './insights.types';

export const insightsKeys = {
  all: ['insights'] as const,
  own: (range: InsightRange) => ['insights', 'own', range.period, range.from, range.to] as const,
  tenant: (tenantId: string, range: InsightRange) => ['insights', 'tenant', tenantId, range.period, range.from, range.to] as const,
};

const query = (range: InsightRange) => ({ period: range.period, from: range.from, to: range.to });

/** The signed-in staff member's tenant: GET /api/v1/insights. */
export function useOwnInsights(range: InsightRange) {
  const api = useApi();
  return useQuery({
    queryKey: insightsKeys.own(range),
    queryFn: async ({ signal }): Promise<TenantInsights> =>
      unwrap(await api.GET('/api/v1/insights', { params: { query: query(range) }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One tenant, for the owner's drill-down: GET /api/v1/admin/tenants/:id/insights (same answer). */
export function useTenantInsights(tenantId: string, range: InsightRange) {
  const api = useApi();
  return useQuery({
    queryKey: insightsKeys.tenant(tenantId, range),
    queryFn: async ({ signal }): Promise<TenantInsights> =>
      unwrap(await api.GET('/api/v1/admin/tenants/{id}/insights', { params: { path: { id: tenantId }, query: query(range) }, signal })),
    placeholderData: keepPreviousData,
  });
}
