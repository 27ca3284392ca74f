import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import { portfolioKeys } from '../portfolio/portfolio.queries';
import type {
  ApiKeyList,
  CreatedStaffUser,
  CreatedTenant,
  CreateStaffUserRequest,
  CreateTenantRequest,
  RotatedKey,
  SiteKeyList,
  TenantAnswer,
  TenantList,
  UpdateTenantRequest,
} from './tenants.types';

export const tenantsKeys = {
  all: ['tenants'] as const,
  list: (search: string, status: string) => ['tenants', 'list', search, status] as const,
  one: (id: string) => ['tenants', 'one', id] as const,
  keys: (id: string) => ['tenants', 'keys', id] as const,
  siteKeys: (id: string) => ['tenants', 'site-keys', id] as const,
};

const PAGE = 50;
const path = (id: string) => ({ path: { id } });

/** GET /api/v1/admin/tenants, newest first, `search` and `status` filters, 50 at a time. */
export function useTenantList(search: string, status: '' | 'active' | 'deactivated') {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: tenantsKeys.list(search, status),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) => {
      const query = {
        limit: PAGE,
        ...(pageParam ? { cursor: pageParam } : {}),
        ...(search ? { search } : {}),
        ...(status ? { status } : {}),
      };
      // The gateway's OpenAPI document lists no query parameters for this route (see tenants.types.ts), hence the cast.
      return unwrap<TenantList>(await api.GET('/api/v1/admin/tenants', { params: { query: query as never }, signal }));
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTenant(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: tenantsKeys.one(id),
    queryFn: async ({ signal }) => unwrap<TenantAnswer>(await api.GET('/api/v1/admin/tenants/{id}', { params: path(id), signal })).tenant,
  });
}

/** After a change to a tenant: its own entry from the answer, and every list and the portfolio re-read. */
function useTenantChanged() {
  const queryClient = useQueryClient();
  return (answer: TenantAnswer) => {
    queryClient.setQueryData(tenantsKeys.one(answer.tenant.id), answer.tenant);
    void queryClient.invalidateQueries({ queryKey: ['tenants', 'list'] });
    void queryClient.invalidateQueries({ queryKey: portfolioKeys.all });
  };
}

export function useCreateTenant() {
  const api = useApi();
  const changed = useTenantChanged();
  return useMutation({
    mutationFn: async (body: CreateTenantRequest) => unwrap<CreatedTenant>(await api.POST('/api/v1/admin/tenants', { body })),
    onSuccess: (created) => changed(created),
  });
}

export function useUpdateTenant(id: string) {
  const api = useApi();
  const changed = useTenantChanged();
  return useMutation({
    mutationFn: async (body: UpdateTenantRequest) =>
      unwrap<TenantAnswer>(await api.PATCH('/api/v1/admin/tenants/{id}', { params: path(id), body })),
    onSuccess: changed,
  });
}

/** Pause (POST .../deactivate with a reason) or resume (POST .../reactivate). */
export function useSetTenantStatus(id: string) {
  const api = useApi();
  const changed = useTenantChanged();
  return useMutation({
    mutationFn: async (change: { pause: true; reason: string } | { pause: false }) =>
      change.pause
        ? unwrap<TenantAnswer>(
            await api.POST('/api/v1/admin/tenants/{id}/deactivate', { params: path(id), body: { reason: change.reason } }),
          )
        : unwrap<TenantAnswer>(await api.POST('/api/v1/admin/tenants/{id}/reactivate', { params: path(id) })),
    onSuccess: changed,
  });
}

export function useTenantKeys(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: tenantsKeys.keys(id),
    queryFn: async ({ signal }) => unwrap<ApiKeyList>(await api.GET('/api/v1/admin/tenants/{id}/keys', { params: path(id), signal })).items,
  });
}

export function useRotateKey(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (graceSeconds: number) =>
      unwrap<RotatedKey>(await api.POST('/api/v1/admin/tenants/{id}/keys/rotate', { params: path(id), body: { graceSeconds } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tenantsKeys.keys(id) }),
  });
}

export function useAddStaff(id: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (body: CreateStaffUserRequest) =>
      unwrap<CreatedStaffUser>(await api.POST('/api/v1/admin/tenants/{id}/users', { params: path(id), body })).user,
  });
}

export function useSiteKeys(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: tenantsKeys.siteKeys(id),
    queryFn: async ({ signal }): Promise<SiteKeyList> =>
      unwrap(await api.GET('/api/v1/admin/tenants/{id}/site-keys', { params: path(id), signal })),
  });
}

export function useIssueSiteKey(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (revokeOthers: boolean) =>
      unwrap(await api.POST('/api/v1/admin/tenants/{id}/site-keys', { params: path(id), body: { revokeOthers } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tenantsKeys.siteKeys(id) }),
  });
}
