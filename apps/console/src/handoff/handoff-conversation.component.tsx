import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ProblemAlert } from '../shell/problem-alert.component';
import { fullDate } from '../shared/time.util';
import { checkReply, conversationSignals, MAX_REPLY_CHARS, modeText, ROLE_LABEL, visitorName } from './handoff.util';
import { useConversation, useHandBack, useStaffReply } from './handoff.queries';
import { SignalTags } from './signal-tags.component';

/** The route /handoff/:sessionId: a fresh conversation view (empty reply box, no old notice) per session. */
export function HandoffConversationRoute() {
  const { sessionId = '' } = useParams();
  return <HandoffConversation key={sessionId} sessionId={sessionId} />;
}

/** One session: who, its state and signals, the transcript (live), a reply box and "hand back to the bot". */
export function HandoffConversation({ sessionId }: { sessionId: string }) {
  const conversation = useConversation(sessionId);
  const reply = useStaffReply(sessionId);
  const handBack = useHandBack(sessionId);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState('');
  const [invalid, setInvalid] = useState('');
  const transcript = useRef<HTMLOListElement>(null);
  const messages = conversation.data?.messages ?? [];
  const session = conversation.data?.conversation;

  const last = messages.at(-1)?.id;
  useEffect(() => {
    const list = transcript.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [last]);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkReply(text);
    if (!checked.ok) {
      setInvalid(checked.reason);
      return;
    }
    setInvalid('');
    setNotice('');
    try {
      await reply.mutateAsync(checked.content);
      setText('');
      setNotice('Reply sent to the visitor.');
    } catch {
      // shown by ProblemAlert from reply.error
    }
  }

  async function release() {
    setNotice('');
    try {
      await handBack.mutateAsync();
      setNotice('Handed back to the bot: it answers the visitor again.');
    } catch {
      // shown by ProblemAlert from handBack.error
    }
  }

  if (conversation.isPending) return <p role="status">Loading the conversation…</p>;
  if (!session) return <ProblemAlert error={conversation.error} context="Could not load the conversation" />;
  const closed = session.status === 'closed';
  const withPerson = session.mode === 'human' || session.needsHuman;

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-head">
        <h2 id="conversation-title">{visitorName(session)}</h2>
        <p className="muted">
          {modeText(session)} · started <time dateTime={session.startedAt}>{fullDate(session.startedAt)}</time>
          {session.contact?.email && session.contact.name ? ` · ${session.contact.email}` : ''}
          {session.contact?.phone ? ` · ${session.contact.phone}` : ''}
        </p>
        <SignalTags signals={conversationSignals(messages)} label="Signals in this conversation" />
      </header>
      <ProblemAlert error={conversation.error} context="Could not refresh the conversation" />
      <ol className="transcript" ref={transcript} aria-label="Messages" aria-live="polite" aria-relevant="additions" tabIndex={0}>
        {messages.map((message) => (
          <li key={message.id} className={`message message-${message.role}`}>
            <p className="message-meta">
              <strong>{ROLE_LABEL[message.role]}</strong>{' '}
              <time dateTime={message.createdAt}>{new Date(message.createdAt).toLocaleTimeString()}</time>
              {message.interrupted ? <span className="muted"> (interrupted)</span> : null}
            </p>
            <p className="message-text">{message.content}</p>
            <SignalTags signals={message.signals} label="Signals of this message" />
          </li>
        ))}
      </ol>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ProblemAlert error={reply.error} context="The reply was not sent" />
      <ProblemAlert error={handBack.error} context="Could not hand back to the bot" />
      <form className="reply-form" onSubmit={send}>
        <label htmlFor="reply-text">Reply to the visitor</label>
        <textarea
          id="reply-text"
          rows={3}
          maxLength={MAX_REPLY_CHARS}
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={closed}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? 'reply-error' : undefined}
        />
        {invalid ? (
          <p id="reply-error" className="field-error">
            {invalid}
          </p>
        ) : null}
        <div className="reply-actions">
          <button type="submit" className="primary" disabled={closed || reply.isPending}>
            {reply.isPending ? 'Sending…' : 'Send reply'}
          </button>
          <button type="button" onClick={release} disabled={closed || !withPerson || handBack.isPending}>
            Hand back to the bot
          </button>
        </div>
        {closed ? <p className="muted">This conversation is closed.</p> : null}
      </form>
    </section>
  );
}
