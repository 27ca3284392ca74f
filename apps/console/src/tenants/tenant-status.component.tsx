import { useState, type FormEvent } from 'react';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useSetTenantStatus } from './tenants.queries';
import type { TenantWithConfig } from './tenants.types';

/** Pause a tenant (its keys, site keys, sessions and staff logins stop) with a reason, or resume it. */
export function TenantStatus({ tenant }: { tenant: TenantWithConfig }) {
  const [reason, setReason] = useState('');
  const change = useSetTenantStatus(tenant.id);
  const paused = tenant.status === 'deactivated';
  const pause = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) change.mutate({ pause: true, reason: reason.trim() }, { onSuccess: () => setReason('') });
  };

  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <p role="status" data-testid="tenant-status">
        {paused ? (
          <>
            <span className="tag tag-warning">Paused</span> since{' '}
            {tenant.deactivatedAt ? fullDate(tenant.deactivatedAt) : 'an unknown time'}: its widget says the chat is unavailable, its API
            keys and staff logins are refused.
          </>
        ) : (
          <>
            <span className="tag tag-ok">Active</span>
          </>
        )}
      </p>
      <ProblemAlert error={change.error} context={paused ? 'Could not resume the tenant' : 'Could not pause the tenant'} />
      {paused ? (
        <button type="button" className="primary" onClick={() => change.mutate({ pause: false })} disabled={change.isPending}>
          Resume tenant
        </button>
      ) : (
        <form onSubmit={pause}>
          <label htmlFor="pause-reason">Reason for pausing</label>
          <textarea id="pause-reason" rows={2} maxLength={500} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="danger" disabled={change.isPending || reason.trim() === ''}>
            Pause tenant
          </button>
        </form>
      )}
    </section>
  );
}
