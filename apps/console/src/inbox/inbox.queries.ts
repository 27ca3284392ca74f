import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../auth/auth.context';
import { unwrap } from '../api/problem.util';
import { markedRead, type InboxItem } from './inbox-frames.util';

export const INBOX_PAGE_SIZE = 50;
export const inboxKeys = {
  all: ['inbox'] as const,
  list: (unreadOnly: boolean) => ['inbox', 'list', unreadOnly] as const,
  unread: ['inbox', 'unread'] as const,
};

export interface InboxList {
  items: InboxItem[];
  next_cursor: string | null;
  unread_count: number;
}

/** The newest entries of the caller's inbox (the live stream keeps them fresh). */
export function useInboxList(unreadOnly: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: inboxKeys.list(unreadOnly),
    queryFn: async ({ signal }): Promise<InboxList> => {
      const page = unwrap(await api.GET('/api/v1/notifications', { params: { query: { unread_only: unreadOnly ? 'true' : 'false', limit: INBOX_PAGE_SIZE } }, signal }));
      queryClient.setQueryData(inboxKeys.unread, page.unread_count);
      return page;
    },
  });
}

/** The unread count: from the stream's first frame, then kept by frames, lists and mark-read answers. */
export function useUnreadCount() {
  const api = useApi();
  return useQuery({
    queryKey: inboxKeys.unread,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/notifications', { params: { query: { unread_only: 'true', limit: 1 } }, signal })).unread_count,
    staleTime: Infinity,
  });
}

/** POST /api/v1/notifications/read with `ids`, or `all` when ids is null. */
export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[] | null) =>
      unwrap(await api.POST('/api/v1/notifications/read', { body: ids === null ? { all: true } : { ids } })),
    onSuccess: (result, ids) => {
      queryClient.setQueryData(inboxKeys.unread, result.unread_count);
      const now = new Date().toISOString();
      for (const unreadOnly of [false, true]) {
        queryClient.setQueryData<InboxList>(inboxKeys.list(unreadOnly), (list) => (list ? { ...list, items: markedRead(list.items, ids, now), unread_count: result.unread_count } : list));
      }
      void queryClient.invalidateQueries({ queryKey: inboxKeys.list(true) });
    },
  });
}
