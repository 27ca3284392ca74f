import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useApi } from '../auth/auth.context';
import { unwrap } from '../api/problem.util';
import { markedReadInPages, type InboxItem } from './inbox-frames.util';

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

export type InboxListData = InfiniteData<InboxList, string | null>;

/** The caller's inbox, newest first, by pages of INBOX_PAGE_SIZE (the live stream adds new entries on top). */
export function useInboxList(unreadOnly: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: inboxKeys.list(unreadOnly),
    initialPageParam: null as string | null,
    getNextPageParam: (last: InboxList) => last.next_cursor,
    queryFn: async ({ signal, pageParam }): Promise<InboxList> => {
      const query = {
        unread_only: unreadOnly ? ('true' as const) : ('false' as const),
        limit: INBOX_PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : {}),
      };
      const page = unwrap(await api.GET('/api/v1/notifications', { params: { query }, signal }));
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
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/notifications', { params: { query: { unread_only: 'true', limit: 1 } }, signal })).unread_count,
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
        queryClient.setQueryData<InboxListData>(inboxKeys.list(unreadOnly), (data) => (data ? markedReadInPages(data, ids, now) : data));
      }
      void queryClient.invalidateQueries({ queryKey: inboxKeys.list(true) });
    },
  });
}
