import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import type { WidgetThemePatch } from './site-keys.util';

export const siteKeysKeys = {
  list: ['site-keys', 'list'] as const,
  settings: ['site-keys', 'settings'] as const,
};

/** GET /api/v1/site-keys: keys newest first, the allowed origins and the widget theme. */
export function useSiteKeys() {
  const api = useApi();
  return useQuery({ queryKey: siteKeysKeys.list, queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/site-keys', { signal })) });
}

/** POST /api/v1/site-keys: a new key; `revokeOthers` rotates (every other active key stops now). */
export function useCreateSiteKey() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (revokeOthers: boolean) => unwrap(await api.POST('/api/v1/site-keys', { body: { revokeOthers } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: siteKeysKeys.list }),
  });
}

/** POST /api/v1/site-keys/:id/revoke. */
export function useRevokeSiteKey() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/v1/site-keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: siteKeysKeys.list }),
  });
}

/** PUT /api/v1/site-keys/theme (fields given replace, the others stay). */
export function useUpdateTheme() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (patch: WidgetThemePatch) => unwrap(await api.PUT('/api/v1/site-keys/theme', { body: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: siteKeysKeys.list }),
  });
}

/** GET /api/v1/settings: the allowed origins are part of the tenant's settings. */
export function useOriginSettings() {
  const api = useApi();
  return useQuery({
    queryKey: siteKeysKeys.settings,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings', { signal })),
  });
}

/** PATCH /api/v1/settings with the whole allowed-origins list. */
export function useUpdateOrigins() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (allowedOrigins: string[]) => unwrap(await api.PATCH('/api/v1/settings', { body: { config: { allowedOrigins } } })),
    onSuccess: (settings) => {
      queryClient.setQueryData(siteKeysKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: siteKeysKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['bot-settings'] });
    },
  });
}
