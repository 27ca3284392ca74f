import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useTenantList } from './tenants.queries';

type StatusFilter = '' | 'active' | 'deactivated';

/** Every tenant, newest first, searchable by name or slug and filterable by status. */
export function TenantList() {
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const list = useTenantList(search, status);
  const tenants = list.data?.pages.flatMap((p) => p.items) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
  };

  return (
    <section aria-labelledby="tenants-title">
      <div className="page-head">
        <h1 id="tenants-title">Tenants</h1>
        <Link to="/tenants/new" className="button-link primary">
          Create a tenant
        </Link>
      </div>
      <form className="toolbar" role="search" onSubmit={submit} aria-label="Find tenants">
        <div>
          <label htmlFor="tenant-search">Name or slug</label>
          <input id="tenant-search" type="text" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <div>
          <label htmlFor="tenant-status">Status</label>
          <select id="tenant-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="">All</option>
            <option value="active">Active</option>
            <option value="deactivated">Paused</option>
          </select>
        </div>
        <button type="submit">Search</button>
      </form>
      <ProblemAlert error={list.error} context="Could not load the tenants" />
      {list.isPending ? <p role="status">Loading tenants…</p> : null}
      {list.isSuccess && tenants.length === 0 ? <p>No tenant matches.</p> : null}
      {tenants.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="Tenants (scrolls sideways on narrow screens)" tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">Tenants, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Tenant</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Time zone</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link to={`/tenants/${t.id}`}>{t.displayName}</Link> <span className="muted small">{t.slug}</span>
                  </th>
                  <td>{t.kind}</td>
                  <td>
                    {t.status === 'active' ? <span className="tag tag-ok">Active</span> : <span className="tag tag-warning">Paused</span>}
                  </td>
                  <td>{t.timezone}</td>
                  <td>{fullDate(t.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Show more tenants'}
        </button>
      ) : null}
    </section>
  );
}
