import { Link, useParams } from 'react-router';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { ConversationSummary } from './conversation-summary.component';
import { useConversation } from './conversations.queries';
import { conversationState } from './conversations.util';
import { SignalList } from './signal-list.component';

const ROLE_LABEL = { user: 'Visitor', assistant: 'Bot', staff: 'Staff' } as const;

/** One conversation: who, its state, the L2 summary, and the transcript with each message's signals. */
export function ConversationTranscript() {
  const { id = '' } = useParams();
  const query = useConversation(id);
  const first = query.data?.pages[0];
  const conversation = first?.conversation;
  // Pages go back in time; each page is oldest first.
  const messages = query.data ? [...query.data.pages].reverse().flatMap((page) => page.messages) : [];
  const who = conversation?.contact
    ? (conversation.contact.name ?? conversation.contact.email ?? conversation.contact.phone ?? 'Known visitor')
    : 'Anonymous visitor';

  return (
    <section aria-labelledby="conversation-title">
      <p>
        <Link to="..">← All conversations</Link>
      </p>
      <h1 id="conversation-title">{conversation ? `Conversation with ${who}` : 'Conversation'}</h1>
      <ProblemAlert error={query.error} context="Could not load the conversation" />
      {query.isPending ? <p role="status">Loading the conversation…</p> : null}
      {conversation ? (
        <>
          <dl className="kv">
            <dt>State</dt>
            <dd>{conversationState(conversation)}</dd>
            <dt>Started</dt>
            <dd>{fullDate(conversation.startedAt)}</dd>
            <dt>Last activity</dt>
            <dd>{fullDate(conversation.lastActivityAt)}</dd>
            {conversation.closedAt ? (
              <>
                <dt>Closed</dt>
                <dd>
                  {fullDate(conversation.closedAt)}
                  {conversation.closeReason ? ` (${conversation.closeReason})` : ''}
                </dd>
              </>
            ) : null}
            <dt>Channel</dt>
            <dd>{conversation.channel}</dd>
            {conversation.contact ? (
              <>
                <dt>Contact</dt>
                <dd>
                  <Link to={`/contacts/${conversation.contact.id}`}>{who}</Link>
                </dd>
              </>
            ) : null}
          </dl>
          <ConversationSummary summary={first?.summary ?? null} closed={conversation.status === 'closed'} />
          <h2>Transcript</h2>
          {query.hasNextPage ? (
            <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? 'Loading…' : 'Load older messages'}
            </button>
          ) : null}
          {messages.length === 0 ? <p>No message in this conversation.</p> : null}
          <ol className="transcript-list" aria-label="Messages, oldest first">
            {messages.map((message) => (
              <li key={message.id} id={`m-${message.id}`} className={`turn turn-${message.role}`}>
                <p className="turn-meta">
                  <strong>{ROLE_LABEL[message.role]}</strong> · <time dateTime={message.createdAt}>{fullDate(message.createdAt)}</time>
                  {message.interrupted ? ' · interrupted' : ''}
                </p>
                <p className="turn-text">{message.content}</p>
                <SignalList signals={message.signals} label="Signals of this message" />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
