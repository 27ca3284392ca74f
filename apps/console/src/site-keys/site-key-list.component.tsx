import { useState } from 'react';
import { ConfirmDialog } from '../forms/confirm-dialog.component';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useCreateSiteKey, useRevokeSiteKey } from './site-keys.queries';
import type { SiteKey } from './site-keys.util';

type Pending = { kind: 'rotate' } | { kind: 'revoke'; key: SiteKey } | null;

/** The tenant's site keys: issue another, rotate (a new one, every other stops now), revoke one. */
export function SiteKeyList({ keys }: { keys: readonly SiteKey[] }) {
  const create = useCreateSiteKey();
  const revoke = useRevokeSiteKey();
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState('');

  const issue = (revokeOthers: boolean) =>
    create.mutate(revokeOthers, {
      onSuccess: (result) => {
        setPending(null);
        const stopped = result.revokedKeyIds.length;
        const old =
          stopped === 0
            ? ''
            : stopped === 1
              ? ' The old key stopped working: update the snippet on your pages.'
              : ` ${stopped} old keys stopped working: update the snippet on your pages.`;
        setNotice(revokeOthers ? `Rotated: ${result.siteKey.key} is the key now.${old}` : `Issued ${result.siteKey.key}.`);
      },
    });
  const confirmRevoke = (key: SiteKey) =>
    revoke.mutate(key.id, {
      onSuccess: () => {
        setPending(null);
        setNotice(`Revoked ${key.key}: widgets using it stop opening chats.`);
      },
    });

  return (
    <section className="form-card" aria-labelledby="keys-title">
      <h2 id="keys-title">Site keys</h2>
      <ProblemAlert error={create.error ?? revoke.error} context={create.error ? 'No key was issued' : 'The key was not revoked'} />
      <p role="status" className="muted">
        {notice}
      </p>
      {keys.length === 0 ? <p>No site key yet.</p> : null}
      {keys.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>
                    <code>{key.key}</code>
                  </td>
                  <td>{key.status === 'active' ? 'Active' : `Revoked ${key.revokedAt ? fullDate(key.revokedAt) : ''}`}</td>
                  <td>{fullDate(key.createdAt)}</td>
                  <td>
                    {key.status === 'active' ? (
                      <button type="button" onClick={() => setPending({ kind: 'revoke', key })} disabled={revoke.isPending}>
                        Revoke<span className="visually-hidden"> {key.key}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => setPending({ kind: 'rotate' })} disabled={create.isPending}>
          Rotate key
        </button>
        <button type="button" onClick={() => issue(false)} disabled={create.isPending}>
          {create.isPending && pending === null ? 'Issuing…' : 'Issue an additional key'}
        </button>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === 'revoke' ? `Revoke ${pending.key.key}?` : 'Rotate the site key?'}
        confirmLabel={pending?.kind === 'revoke' ? 'Revoke key' : 'Rotate now'}
        danger
        busy={create.isPending || revoke.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => (pending?.kind === 'revoke' ? confirmRevoke(pending.key) : issue(true))}
      >
        <p>
          {pending?.kind === 'revoke'
            ? 'Pages embedding this key stop opening chats at once.'
            : 'A new key is issued and every other active key stops working at once: pages must use the new snippet.'}
        </p>
      </ConfirmDialog>
    </section>
  );
}
