import { useState } from 'react';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useIssueSiteKey, useSiteKeys } from './tenants.queries';

/** The tenant's publishable site keys (public by design, so listed in full) and their allowed origins. */
export function TenantSiteKeys({ tenantId }: { tenantId: string }) {
  const list = useSiteKeys(tenantId);
  const issue = useIssueSiteKey(tenantId);
  const [rotate, setRotate] = useState(false);
  const active = list.data?.items.filter((k) => k.status === 'active') ?? [];

  return (
    <section className="card" aria-labelledby="site-keys-title">
      <h2 id="site-keys-title">Site keys (widget)</h2>
      <ProblemAlert error={list.error} context="Could not load the site keys" />
      {list.data ? (
        <>
          <p>
            Allowed origins:{' '}
            {list.data.allowedOrigins.length === 0 ? (
              <em>none yet: the widget works on no website</em>
            ) : (
              list.data.allowedOrigins.map((o) => <code key={o}>{o} </code>)
            )}
          </p>
          {list.data.items.length === 0 ? (
            <p>No site key yet.</p>
          ) : (
            <ul className="key-list">
              {list.data.items.map((k) => (
                <li key={k.id}>
                  <code>{k.key}</code>{' '}
                  {k.status === 'active' ? (
                    <span className="tag tag-ok">Active</span>
                  ) : (
                    <span className="tag">Revoked {k.revokedAt ? fullDate(k.revokedAt) : ''}</span>
                  )}{' '}
                  <span className="muted small">created {fullDate(k.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <div className="toolbar">
        {active.length > 0 ? (
          <label className="checkbox">
            <input type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} /> Revoke the other keys (rotation)
          </label>
        ) : null}
        <button type="button" onClick={() => issue.mutate(rotate && active.length > 0)} disabled={issue.isPending}>
          Issue a site key
        </button>
      </div>
      <ProblemAlert error={issue.error} context="Could not issue a site key" />
    </section>
  );
}
