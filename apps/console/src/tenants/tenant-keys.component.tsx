import { useState, type FormEvent } from 'react';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { SecretOnce } from './secret-once.component';
import { GRACE_OPTIONS } from './tenant-form.util';
import { useRotateKey, useTenantKeys } from './tenants.queries';

/** The tenant's secret API keys (prefixes only) and their rotation; the new key is shown once. */
export function TenantKeys({ tenantId }: { tenantId: string }) {
  const keys = useTenantKeys(tenantId);
  const rotate = useRotateKey(tenantId);
  const [grace, setGrace] = useState(0);
  const [issued, setIssued] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rotate.mutate(grace, { onSuccess: (answer) => setIssued(answer.apiKey.key) });
  };

  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <ProblemAlert error={keys.error} context="Could not load the API keys" />
      {keys.data ? (
        <div className="table-scroll" role="region" aria-label="API keys (scrolls sideways on narrow screens)" tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">API keys, by prefix</caption>
            <thead>
              <tr>
                <th scope="col">Prefix</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Stops</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <th scope="row">
                    <code>{k.prefix}…</code>
                  </th>
                  <td>{k.status === 'active' ? 'Active' : 'Revoked'}</td>
                  <td>{fullDate(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? fullDate(k.lastUsedAt) : 'Never'}</td>
                  <td>{k.expiresAt ? fullDate(k.expiresAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {issued ? (
        <SecretOnce title="The new API key" secret={issued} onDone={() => setIssued(null)} />
      ) : (
        <form className="toolbar" onSubmit={submit}>
          <div>
            <label htmlFor="rotate-grace">Old keys</label>
            <select id="rotate-grace" value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
              {GRACE_OPTIONS.map((o) => (
                <option key={o.seconds} value={o.seconds}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={rotate.isPending}>
            Rotate API keys
          </button>
        </form>
      )}
      <ProblemAlert error={rotate.error} context="Could not rotate the keys" />
    </section>
  );
}
