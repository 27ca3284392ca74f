import { Link } from 'react-router';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useContactTimeline } from './contacts.queries';

/** The contact's conversations (one interaction per session), newest first, with what each was about. */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const timeline = useContactTimeline(contactId);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h2>Timeline</h2>
      <ProblemAlert error={timeline.error} context="Could not load the timeline" />
      {timeline.isPending ? <p role="status">Loading the timeline…</p> : null}
      {timeline.isSuccess && items.length === 0 ? <p>No conversation recorded yet.</p> : null}
      <ol className="plain-list" aria-label="Interactions, newest first">
        {items.map((item) => (
          <li key={item.id} className="chunk">
            <p>
              <time dateTime={item.occurredAt}>{fullDate(item.occurredAt)}</time>
              {item.intent ? <span className="tag"> {item.intent}</span> : null}
              {item.lead ? <span className="tag tag-warning"> lead</span> : null}
              {item.sentiment ? <span className="tag"> {item.sentiment}</span> : null}
            </p>
            {item.products.length > 0 ? <p>Products: {item.products.join(', ')}</p> : null}
            {item.entities.length > 0 ? <p>Mentioned: {item.entities.map((e) => `${e.type} ${e.value}`).join(', ')}</p> : null}
            {item.sessionId ? <Link to={`/conversations/${item.sessionId}`}>Open the conversation</Link> : null}
          </li>
        ))}
      </ol>
      {timeline.hasNextPage ? (
        <button type="button" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
          {timeline.isFetchingNextPage ? 'Loading…' : 'Older conversations'}
        </button>
      ) : null}
    </>
  );
}
