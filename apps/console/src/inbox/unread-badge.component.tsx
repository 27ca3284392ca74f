import { useInboxLive } from './inbox-live.hook';
import { useUnreadCount } from './inbox.queries';

/**
 * The unread count after "Inbox" in the navigation. It is rendered once, in the shell, so it
 * also holds the inbox's live stream for the whole signed-in session.
 */
export function UnreadBadge() {
  useInboxLive();
  const { data } = useUnreadCount();
  if (!data) return null;
  return (
    <span className="badge" data-testid="unread-count">
      {data}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}
