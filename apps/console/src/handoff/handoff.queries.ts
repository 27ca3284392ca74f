import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';

/** How often the queue and an open conversation are refreshed while the page is visible. */
export const QUEUE_REFRESH_MS = 3000;
export const CONVERSATION_REFRESH_MS = 2000;
export const TRANSCRIPT_LIMIT = 100;

export const handoffKeys = {
  all: ['handoff'] as const,
  queue: ['handoff', 'queue'] as const,
  conversation: (id: string) => ['handoff', 'conversation', id] as const,
};

/** GET /api/v1/handoff/sessions: open sessions that need a person, longest waiting first. */
export function useHandoffQueue() {
  const api = useApi();
  return useQuery({
    queryKey: handoffKeys.queue,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/handoff/sessions', { params: { query: { limit: 100 } }, signal })).items,
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

/** GET /api/v1/conversations/:id: the session, its contact and its newest messages with their signals. */
export function useConversation(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: handoffKeys.conversation(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/conversations/{id}', { params: { path: { id }, query: { limit: TRANSCRIPT_LIMIT } }, signal })),
    refetchInterval: CONVERSATION_REFRESH_MS,
  });
}

/** POST /api/v1/handoff/sessions/:id/reply: a person's reply, delivered live to the visitor's widget. */
export function useStaffReply(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (content: string) =>
      unwrap(await api.POST('/api/v1/handoff/sessions/{id}/reply', { params: { path: { id } }, body: { content } })).message,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: handoffKeys.all }),
  });
}

/** POST /api/v1/handoff/sessions/:id/release: the bot answers again. */
export function useHandBack(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/handoff/sessions/{id}/release', { params: { path: { id } } })).session,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: handoffKeys.all }),
  });
}
