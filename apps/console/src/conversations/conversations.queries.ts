import { useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem.util';
import { useApi } from '../auth/auth.context';
import { conversationListQuery, type ConversationFilters } from './conversations.util';

export const CONVERSATIONS_PAGE_SIZE = 25;
export const TRANSCRIPT_PAGE_SIZE = 100;
export const conversationsKeys = {
  list: (filters: ConversationFilters) => ['conversations', 'list', filters] as const,
  detail: (id: string) => ['conversations', 'detail', id] as const,
};

/** GET /api/v1/conversations with filters, page after page. */
export function useConversationList(filters: ConversationFilters, enabled: boolean) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: conversationsKeys.list(filters),
    initialPageParam: null as string | null,
    enabled,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/conversations', {
          params: { query: conversationListQuery(filters, pageParam, CONVERSATIONS_PAGE_SIZE) },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** GET /api/v1/conversations/:id: the newest messages first, then older pages (`next_cursor`). */
export function useConversation(id: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: conversationsKeys.detail(id),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/conversations/{id}', {
          params: { path: { id }, query: { limit: TRANSCRIPT_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor,
  });
}
