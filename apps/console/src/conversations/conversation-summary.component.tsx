import { fullDate } from '../shared/time.util';
import { sentimentWord, type ConversationDetail } from './conversations.util';

const OUTCOME = { resolved: 'Resolved', unresolved: 'Unresolved', needs_follow_up: 'Needs a follow-up' } as const;

/** The L2 session summary: outcome, topics, unmet needs, sentiment from start to end, follow-ups. */
export function ConversationSummary({ summary, closed }: { summary: ConversationDetail['summary']; closed: boolean }) {
  if (!summary) {
    return (
      <p className="muted">
        {closed
          ? 'The summary is being written; it appears here shortly after a conversation closes.'
          : 'A summary is written when the conversation closes.'}
      </p>
    );
  }
  const start = sentimentWord(summary.sentimentStart);
  const end = sentimentWord(summary.sentimentEnd);
  return (
    <section className="summary-card" aria-labelledby="summary-title">
      <h2 id="summary-title">Summary</h2>
      <p>{summary.summary}</p>
      <dl className="kv">
        <dt>Outcome</dt>
        <dd>{OUTCOME[summary.outcome]}</dd>
        {summary.topics.length > 0 ? (
          <>
            <dt>Topics</dt>
            <dd>{summary.topics.join(', ')}</dd>
          </>
        ) : null}
        {summary.unmetNeeds.length > 0 ? (
          <>
            <dt>Unmet needs</dt>
            <dd>{summary.unmetNeeds.join('; ')}</dd>
          </>
        ) : null}
        {start || end ? (
          <>
            <dt>Sentiment</dt>
            <dd>
              {start ?? 'unknown'} → {end ?? 'unknown'}
            </dd>
          </>
        ) : null}
        <dt>Written</dt>
        <dd>
          {fullDate(summary.createdAt)} ({summary.generatedBy === 'llm' ? 'by the language model' : 'by the deterministic summarizer'})
        </dd>
      </dl>
      {summary.followUps.length > 0 ? (
        <>
          <h3>Follow-ups</h3>
          <ul>
            {summary.followUps.map((f) => (
              <li key={`${f.action}:${f.due ?? ''}`}>
                {f.action}
                {f.due ? ` (due ${f.due})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
