import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../api/schema.gen';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';

export type InvoicePreview = components['schemas']['InvoicePreview'];
export type Plan = components['schemas']['Plan'];
export type BillingPeriodChoice = 'current' | 'last';

export const billingKeys = {
  all: ['billing'] as const,
  own: (period: BillingPeriodChoice) => ['billing', 'own', period] as const,
  tenant: (id: string, period: BillingPeriodChoice) => ['billing', 'tenant', id, period] as const,
  plans: ['billing', 'plans'] as const,
};

/** GET /api/v1/billing/invoice-preview: the signed-in tenant admin's own tenant. */
export function useInvoicePreview(period: BillingPeriodChoice) {
  const api = useApi();
  return useQuery({
    queryKey: billingKeys.own(period),
    queryFn: async ({ signal }) =>
      unwrap<InvoicePreview>(await api.GET('/api/v1/billing/invoice-preview', { params: { query: { period } }, signal })),
  });
}

/** GET /api/v1/admin/tenants/:id/invoice-preview (owner). */
export function useTenantInvoicePreview(id: string, period: BillingPeriodChoice) {
  const api = useApi();
  return useQuery({
    queryKey: billingKeys.tenant(id, period),
    queryFn: async ({ signal }) =>
      unwrap<InvoicePreview>(
        await api.GET('/api/v1/admin/tenants/{id}/invoice-preview', { params: { path: { id }, query: { period } }, signal }),
      ),
  });
}

/** GET /api/v1/admin/plans (owner). */
export function usePlans() {
  const api = useApi();
  return useQuery({
    queryKey: billingKeys.plans,
    queryFn: async ({ signal }) => unwrap<{ items: Plan[] }>(await api.GET('/api/v1/admin/plans', { signal })),
  });
}

/** PUT /api/v1/admin/tenants/:id/plan (owner): `null` = no plan. */
export function useAssignPlan(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (planKey: string | null) =>
      unwrap<{ tenant_id: string; plan: Plan | null }>(
        await api.PUT('/api/v1/admin/tenants/{id}/plan', { params: { path: { id } }, body: { plan_key: planKey } }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: billingKeys.all }),
  });
}
