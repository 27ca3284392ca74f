import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/auth.context';
import { PAGES } from '../pages.registry';
import { pageAt, pagesFor } from '../shell/nav.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { elapsed, fullDate } from '../shared/time.util';
import { consolePathFor } from './inbox-link.util';
import { useInboxList, useMarkRead, useUnreadCount } from './inbox.queries';

const SEVERITY_LABEL = { info: 'Info', warning: 'Warning', critical: 'Critical' } as const;
const KIND_LABEL: Record<string, string> = {
  urgent_callback: 'Urgent callback',
  safety: 'Safety',
  handoff: 'Handoff',
  follow_up: 'Follow-up',
  insight_alert: 'Insight alert',
  action: 'Action',
  staff_message: 'Staff message',
  lead: 'Lead',
  system: 'System',
};

/** The signed-in user's notifications, newest first, live; mark one or all read. */
export function InboxPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInboxList(unreadOnly);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const allowed = pagesFor(useSession().role, PAGES);
  const canOpen = (path: string) => pageAt(path, allowed) !== undefined;

  return (
    <section aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">Inbox</h1>
        <p className="muted" aria-live="polite">
          {unread.data === undefined ? '' : unread.data === 0 ? 'Everything is read.' : `${unread.data} unread`}
        </p>
      </div>
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
        </label>
        <button type="button" onClick={() => markRead.mutate(null)} disabled={markRead.isPending || !unread.data}>
          Mark all read
        </button>
      </div>
      <ProblemAlert error={list.error ?? markRead.error} context={list.error ? 'Could not load the inbox' : 'Could not mark as read'} />
      {list.isPending ? <p role="status">Loading notifications…</p> : null}
      {list.isSuccess && items.length === 0 ? (
        <p>{unreadOnly ? 'No unread notifications.' : 'No notifications yet. New ones appear here as they arrive.'}</p>
      ) : null}
      <ul className="inbox-list" aria-label="Notifications">
        {items.map((item) => (
          <li key={item.id} className={`inbox-item severity-${item.severity}${item.read_at === null ? ' unread' : ''}`}>
            <article aria-labelledby={`n-${item.id}`}>
              <header className="inbox-item-head">
                <h2 id={`n-${item.id}`} className="inbox-title">
                  {item.read_at === null ? <span className="visually-hidden">Unread: </span> : null}
                  {item.title}
                </h2>
                <span className={`tag tag-${item.severity}`}>{SEVERITY_LABEL[item.severity]}</span>
                <span className="tag">{KIND_LABEL[item.kind] ?? item.kind}</span>
                <time dateTime={item.created_at} title={fullDate(item.created_at)}>
                  {elapsed(item.created_at)}
                </time>
              </header>
              {item.body ? <p className="inbox-body">{item.body}</p> : null}
              {consolePathFor(item, canOpen) ? (
                <Link className="inbox-open" to={consolePathFor(item, canOpen) as string}>
                  Open<span className="visually-hidden">: {item.title}</span>
                </Link>
              ) : null}
              {item.read_at === null ? (
                <button type="button" className="link-button" onClick={() => markRead.mutate([item.id])} disabled={markRead.isPending}>
                  Mark read<span className="visually-hidden">: {item.title}</span>
                </button>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <p>
          <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading older notifications…' : 'Show older notifications'}
          </button>
        </p>
      ) : null}
    </section>
  );
}
