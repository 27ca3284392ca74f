import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useContactList } from './contacts.queries';
import { contactName, filtersFromParams, filtersToParams, INTENTS, NO_FILTERS, type ContactFilters } from './contacts.util';

/** Contacts, most recently seen first: search by name, email or phone; filter by intent, lead and last seen. */
export function ContactList() {
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params);
  const [draft, setDraft] = useState<ContactFilters>(applied);
  const list = useContactList(applied);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const set = <K extends keyof ContactFilters>(key: K, value: ContactFilters[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(filtersToParams(draft));
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setParams({});
  };

  return (
    <section aria-labelledby="contacts-title">
      <h1 id="contacts-title">Contacts</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form className="filters" role="search" aria-label="Filter contacts" onSubmit={apply}>
        <div className="field">
          <label htmlFor="c-search">Name, email or phone</label>
          <input id="c-search" type="search" value={draft.search} maxLength={200} onChange={(e) => set('search', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="c-intent">Intent</label>
          <select id="c-intent" value={draft.intent} onChange={(e) => set('intent', e.target.value as ContactFilters['intent'])}>
            <option value="">Any</option>
            {INTENTS.map((intent) => (
              <option key={intent} value={intent}>
                {intent}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-lead">Lead</label>
          <select id="c-lead" value={draft.lead} onChange={(e) => set('lead', e.target.value as ContactFilters['lead'])}>
            <option value="">Any</option>
            <option value="true">Leads only</option>
            <option value="false">Not leads</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-seen">Seen since</label>
          <input id="c-seen" type="date" value={draft.seenSince} onChange={(e) => set('seenSince', e.target.value)} />
        </div>
        <button type="submit" className="primary">
          Search
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </form>
      <ProblemAlert error={list.error} context="Could not load the contacts" />
      {list.isPending ? <p role="status">Loading contacts…</p> : null}
      {list.isSuccess && contacts.length === 0 ? (
        <p>No contact matches. Contacts appear when visitors give their name, email or phone in a chat.</p>
      ) : null}
      {contacts.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              {contacts.length === 1 ? '1 contact' : `${contacts.length} contacts`}
              {list.hasNextPage ? ' (more below)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
                <th scope="col">Conversations</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <td>
                    <Link to={contact.id}>{contactName(contact)}</Link>
                  </td>
                  <td>{contact.email ?? '–'}</td>
                  <td>{contact.phone ?? '–'}</td>
                  <td>{contact.interactionCount}</td>
                  <td>
                    <time dateTime={contact.lastSeenAt}>{fullDate(contact.lastSeenAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more contacts'}
        </button>
      ) : null}
    </section>
  );
}
