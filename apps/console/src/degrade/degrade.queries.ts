import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import type { DegradeState, DegradeSwitches } from './degrade.util';

export const degradeKeys = {
  all: ['degrade'] as const,
  global: ['degrade', 'global'] as const,
  tenant: (id: string) => ['degrade', 'tenant', id] as const,
};

/** Chat's automatic mode changes on its own: the page re-reads every 15 s. */
const REFRESH_MS = 15_000;

type Body = { switches: DegradeSwitches; reason: string | null };

/** GET /api/v1/admin/degrade: the platform's switches, chat's automatic ones and the degraded tenants. */
export function useGlobalDegrade() {
  const api = useApi();
  return useQuery({
    queryKey: degradeKeys.global,
    queryFn: async ({ signal }) => unwrap<DegradeState>(await api.GET('/api/v1/admin/degrade', { signal })),
    refetchInterval: REFRESH_MS,
  });
}

export function useSaveGlobalDegrade() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Body) => unwrap<DegradeState>(await api.PUT('/api/v1/admin/degrade', { body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(degradeKeys.global, answer);
      void queryClient.invalidateQueries({ queryKey: degradeKeys.all });
    },
  });
}

/** GET /api/v1/admin/tenants/:id/degrade: the tenant's own switches, the platform's and the union in effect. */
export function useTenantDegrade(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: degradeKeys.tenant(id),
    queryFn: async ({ signal }) =>
      unwrap<DegradeState>(await api.GET('/api/v1/admin/tenants/{id}/degrade', { params: { path: { id } }, signal })),
    refetchInterval: REFRESH_MS,
  });
}

export function useSaveTenantDegrade(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Body) =>
      unwrap<DegradeState>(await api.PUT('/api/v1/admin/tenants/{id}/degrade', { params: { path: { id } }, body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(degradeKeys.tenant(id), answer);
      void queryClient.invalidateQueries({ queryKey: degradeKeys.global });
    },
  });
}
