import type { InboxItem, InboxNotification } from '@parley/contracts';
import type { InboxItemHttp } from './inbox.schemas';

/** An inbox entry as the HTTP API shows it. */
export function toInboxItemHttp(item: InboxItem): InboxItemHttp {
  return {
    id: item.id,
    notification_id: item.notificationId,
    kind: item.kind,
    severity: item.severity,
    title: item.title,
    body: item.body,
    link: item.link,
    created_at: item.createdAt,
    read_at: item.readAt,
  };
}

/** A live inbox frame from the notifier, in the same shape as a listed entry (unread, since it is new). */
export function liveInboxItemHttp(frame: InboxNotification): InboxItemHttp {
  return toInboxItemHttp({ ...frame, readAt: null });
}
