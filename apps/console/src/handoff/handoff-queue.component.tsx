import { NavLink } from 'react-router';
import { ProblemAlert } from '../shell/problem-alert.component';
import { elapsed, fullDate } from '../shared/time.util';
import { modeText, sessionLabel } from './handoff.util';
import { useHandoffQueue } from './handoff.queries';

const CHANNEL = { widget: 'Website widget', api: 'API', openai_compat: 'OpenAI-compatible API', assistant: 'Staff assistant' } as const;

/** The sessions waiting for a person, longest waiting first (the gateway's order), refreshed every few seconds. */
export function HandoffQueue() {
  const queue = useHandoffQueue();
  const items = queue.data ?? [];
  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">
        Waiting <span className="muted">({queue.data ? items.length : '…'})</span>
      </h2>
      <ProblemAlert error={queue.error} context="Could not load the queue" />
      {queue.isPending ? <p role="status">Loading the queue…</p> : null}
      {queue.isSuccess && items.length === 0 ? <p className="muted">Nobody is waiting for a person.</p> : null}
      <ol className="queue-list">
        {items.map((session) => (
          <li key={session.id}>
            <NavLink to={`/handoff/${session.id}`} className="queue-item">
              <span className="queue-who">{sessionLabel(session)}</span>
              <span className="queue-meta">
                {modeText(session)} · {CHANNEL[session.channel]}
              </span>
              <span className="queue-meta">
                Last message{' '}
                <time dateTime={session.lastActivityAt} title={fullDate(session.lastActivityAt)}>
                  {elapsed(session.lastActivityAt)}
                </time>{' '}
                · {session.messageCount} messages
              </span>
            </NavLink>
          </li>
        ))}
      </ol>
    </section>
  );
}
