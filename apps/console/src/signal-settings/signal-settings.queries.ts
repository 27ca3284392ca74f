import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import type { SignalSettings } from './signal-settings.util';

export const signalSettingsKeys = { settings: ['signal-settings', 'settings'] as const };

/** GET /api/v1/settings/signals: the tenant's signal settings and the model's default thresholds. */
export function useSignalSettings() {
  const api = useApi();
  return useQuery({
    queryKey: signalSettingsKeys.settings,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings/signals', { signal })),
  });
}

/** PUT /api/v1/settings/signals (tenant_admin): replaces the settings; the answer is what is stored. */
export function useSaveSignalSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (settings: SignalSettings) => unwrap(await api.PUT('/api/v1/settings/signals', { body: settings })),
    onSuccess: (answer) => queryClient.setQueryData(signalSettingsKeys.settings, answer),
  });
}
