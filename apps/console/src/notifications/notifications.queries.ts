import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import type { CreateChannelRequest, UpdateChannelRequest } from './channel-form.util';
import { inFlight, type DeliveryFilters } from './delivery-log.util';
import type { RuleRequest } from './rule-form.util';

export const DELIVERY_POLL_MS = 2_000;
export const notificationsKeys = {
  channels: ['notifications', 'channels'] as const,
  rules: ['notifications', 'rules'] as const,
  users: ['notifications', 'users'] as const,
  deliveries: (filters: DeliveryFilters) => ['notifications', 'deliveries', filters] as const,
  allDeliveries: ['notifications', 'deliveries'] as const,
};

export function useChannels() {
  const api = useApi();
  return useQuery({
    queryKey: notificationsKeys.channels,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/notification-channels', { signal })).items,
  });
}

export function useCreateChannel() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateChannelRequest) => unwrap(await api.POST('/api/v1/notification-channels', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.channels }),
  });
}

export function useUpdateChannel() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateChannelRequest }) =>
      unwrap(await api.PATCH('/api/v1/notification-channels/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.channels }),
  });
}

export function useDeleteChannel() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/v1/notification-channels/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notificationsKeys.channels });
      void queryClient.invalidateQueries({ queryKey: notificationsKeys.rules });
    },
  });
}

/** POST …/rotate-secret: the new secret is in the answer and nowhere else. */
export function useRotateSecret() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST('/api/v1/notification-channels/{id}/rotate-secret', { params: { path: { id } }, body: { grace_seconds: 86_400 } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.channels }),
  });
}

/** POST …/test: sends now and answers with how the delivery went. */
export function useTestChannel() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/notification-channels/{id}/test', { params: { path: { id } } })).delivery,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.allDeliveries }),
  });
}

export function useRules() {
  const api = useApi();
  return useQuery({
    queryKey: notificationsKeys.rules,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/notification-rules', { signal })),
  });
}

/** POST a new rule, or PUT (replace) the rule with `id`. */
export function useSaveRule() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string | null; body: RuleRequest }) =>
      id === null
        ? unwrap(await api.POST('/api/v1/notification-rules', { body }))
        : unwrap(await api.PUT('/api/v1/notification-rules/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.rules }),
  });
}

export function useDeleteRule() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/v1/notification-rules/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.rules }),
  });
}

/** GET /api/v1/users: the tenant's staff, to pick whose inbox a rule fills. */
export function useStaffUsers() {
  const api = useApi();
  return useQuery({
    queryKey: notificationsKeys.users,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/users', { signal })).items,
  });
}

export function useDeliveries(filters: DeliveryFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: notificationsKeys.deliveries(filters),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/notification-deliveries', {
          params: {
            query: {
              limit: 50,
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.channelId ? { channel_id: filters.channelId } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor,
    // While a delivery is on its way (a redrive, a retry) the log refreshes itself until it lands.
    refetchInterval: (query) => (inFlight(query.state.data?.pages.flatMap((page) => page.items) ?? []) ? DELIVERY_POLL_MS : false),
  });
}

/** POST /api/v1/notification-deliveries/redrive: the listed dead deliveries, or every dead one of a channel. */
export function useRedrive() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { delivery_ids: string[] } | { channel_id: string }) =>
      unwrap(await api.POST('/api/v1/notification-deliveries/redrive', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.allDeliveries }),
  });
}
