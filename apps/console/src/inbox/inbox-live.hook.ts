import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { openSse, type SseStatus } from '../api/sse.client';
import { useAuth } from '../auth/auth.context';
import { toInboxFrame, unreadAfter, withLiveItemInPages } from './inbox-frames.util';
import { inboxKeys, type InboxListData } from './inbox.queries';

export const INBOX_STREAM_URL = '/api/v1/notifications/stream';

/**
 * Keeps the inbox live while the console is open: reads GET /api/v1/notifications/stream and
 * puts each frame into the query cache (the unread count, new entries at the top of the
 * lists), so the badge and the inbox page update without polling.
 */
export function useInboxLive(): SseStatus {
  const { session, logout } = useAuth();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SseStatus>('connecting');
  const token = session?.token ?? null;

  useEffect(() => {
    if (!token) return undefined;
    return openSse({
      url: INBOX_STREAM_URL,
      token: () => token,
      onStatus: setStatus,
      onUnauthorized: () => logout('expired'),
      onFrame: (raw) => {
        const frame = toInboxFrame(raw);
        if (!frame) return;
        queryClient.setQueryData<number | undefined>(inboxKeys.unread, (current) => unreadAfter(current, frame));
        if (frame.type !== 'notification') return;
        const item = frame.notification;
        // A session asking for a person: refresh the handoff queue now rather than at its next poll.
        if (item.kind === 'handoff') void queryClient.invalidateQueries({ queryKey: ['handoff'] });
        queryClient.setQueryData<InboxListData>(inboxKeys.list(false), (data) => (data ? withLiveItemInPages(data, item) : data));
        if (item.read_at === null)
          queryClient.setQueryData<InboxListData>(inboxKeys.list(true), (data) => (data ? withLiveItemInPages(data, item) : data));
      },
    });
  }, [token, queryClient, logout]);

  return status;
}
