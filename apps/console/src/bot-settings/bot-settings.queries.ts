import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import type { SettingsPatch } from './bot-settings.util';

export const botSettingsKeys = { settings: ['bot-settings', 'settings'] as const };

/** GET /api/v1/settings: the tenant and its bot configuration. */
export function useBotSettings() {
  const api = useApi();
  return useQuery({
    queryKey: botSettingsKeys.settings,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings', { signal })),
  });
}

/** PATCH /api/v1/settings (tenant_admin); the answer is the stored settings. */
export function useUpdateBotSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (patch: SettingsPatch) => unwrap(await api.PATCH('/api/v1/settings', { body: patch })),
    onSuccess: (settings) => queryClient.setQueryData(botSettingsKeys.settings, settings),
  });
}
