import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useConversationList } from './conversations.queries';
import {
  conversationFiltersFromParams,
  conversationFiltersToParams,
  conversationState,
  filtersProblem,
  NO_CONVERSATION_FILTERS,
  SIGNAL_FILTERS,
  type ConversationFilters,
} from './conversations.util';
import { SignalList } from './signal-list.component';

const STATUS_LABEL = { open: 'Open', closed: 'Closed', handoff: 'Handoff (waiting for or with a person)' } as const;

/** Conversations newest first, filtered by status, signal, dates and contact. */
export function ConversationList() {
  const [params, setParams] = useSearchParams();
  const applied = conversationFiltersFromParams(params);
  const [draft, setDraft] = useState<ConversationFilters>(applied);
  const invalid = filtersProblem(applied);
  const list = useConversationList(applied, invalid === null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const set = <K extends keyof ConversationFilters>(key: K, value: ConversationFilters[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const draftProblem = filtersProblem(draft);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!draftProblem) setParams(conversationFiltersToParams(draft));
  };

  return (
    <section aria-labelledby="conversations-title">
      <h1 id="conversations-title">Conversations</h1>
      <form className="filters" aria-label="Filter conversations" onSubmit={apply} noValidate>
        <div className="field">
          <label htmlFor="cv-status">Status</label>
          <select id="cv-status" value={draft.status} onChange={(e) => set('status', e.target.value as ConversationFilters['status'])}>
            <option value="">Any</option>
            {(Object.keys(STATUS_LABEL) as Array<keyof typeof STATUS_LABEL>).map((status) => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cv-signal">Signal</label>
          <select id="cv-signal" value={draft.signal} onChange={(e) => set('signal', e.target.value as ConversationFilters['signal'])}>
            <option value="">Any</option>
            {SIGNAL_FILTERS.map((signal) => (
              <option key={signal} value={signal}>
                {signal}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cv-since">Started from</label>
          <input
            id="cv-since"
            type="date"
            value={draft.since}
            onChange={(e) => set('since', e.target.value)}
            aria-invalid={draftProblem ? true : undefined}
            aria-describedby={draftProblem ? 'cv-dates-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="cv-until">Started until</label>
          <input
            id="cv-until"
            type="date"
            value={draft.until}
            onChange={(e) => set('until', e.target.value)}
            aria-invalid={draftProblem ? true : undefined}
            aria-describedby={draftProblem ? 'cv-dates-error' : undefined}
          />
        </div>
        <button type="submit" className="primary" disabled={draftProblem !== null}>
          Apply
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_CONVERSATION_FILTERS);
            setParams({});
          }}
        >
          Clear
        </button>
        {draftProblem ? (
          <p id="cv-dates-error" className="field-error">
            {draftProblem}
          </p>
        ) : null}
      </form>
      {applied.contactId ? (
        <p>
          Showing one contact’s conversations. <Link to={`/contacts/${applied.contactId}`}>Open the contact</Link>
        </p>
      ) : null}
      <ProblemAlert error={list.error} context="Could not load the conversations" />
      {list.isLoading ? <p role="status">Loading conversations…</p> : null}
      {list.isSuccess && items.length === 0 ? <p>No conversation matches.</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{items.length === 1 ? '1 conversation' : `${items.length} conversations`}</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Visitor</th>
                <th scope="col">State</th>
                <th scope="col">Messages</th>
                <th scope="col">Signals</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={c.id}>
                      <time dateTime={c.startedAt}>{fullDate(c.startedAt)}</time>
                    </Link>
                  </td>
                  <td>{c.contact ? (c.contact.name ?? c.contact.email ?? c.contact.phone ?? 'Known visitor') : 'Anonymous visitor'}</td>
                  <td>{conversationState(c)}</td>
                  <td>{c.messageCount}</td>
                  <td>
                    <SignalList signals={c.latestSignals} label="Latest signals" />
                  </td>
                  <td>{c.hasSummary ? 'Yes' : 'Not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more conversations'}
        </button>
      ) : null}
    </section>
  );
}
