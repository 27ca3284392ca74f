import { useState, type FormEvent } from 'react';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { DegradeSwitchesForm } from './degrade-switches.component';
import { useGlobalDegrade, useSaveGlobalDegrade, useSaveTenantDegrade, useTenantDegrade } from './degrade.queries';
import { activeLabels, describeSignal, type DegradeState } from './degrade.util';
import '../forms/forms.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Degrade switches (docs/runbooks/degrade.md): the platform's, chat's automatic overload mode,
 * the tenants degraded on their own, and one tenant's switches.
 */
export function DegradePage() {
  const state = useGlobalDegrade();
  const save = useSaveGlobalDegrade();
  const [tenantId, setTenantId] = useState<string | null>(null);
  return (
    <section aria-labelledby="degrade-title">
      <h1 id="degrade-title">Degrade</h1>
      <p className="muted">
        Trade answer quality for capacity, for the whole platform or one tenant. A turn runs with every switch that is on for the platform,
        for its tenant or automatically (chat turns switches on by itself when models fail or turns pile up).
      </p>
      <ProblemAlert error={state.error} context="Could not load the degrade switches" />
      {state.isPending ? <p role="status">Loading degrade switches…</p> : null}
      {state.data ? (
        <>
          <section className="card" aria-labelledby="degrade-effective-title">
            <h2 id="degrade-effective-title">In effect now</h2>
            <p data-testid="degrade-effective">{activeLabels(state.data.effective)}</p>
            <Automatic state={state.data} />
          </section>
          <section className="card" aria-labelledby="degrade-platform-title">
            <h2 id="degrade-platform-title">Platform</h2>
            <Updated state={state.data} />
            <DegradeSwitchesForm
              key={JSON.stringify(state.data.configured)}
              id="degrade-platform"
              configured={state.data.configured.switches}
              reason={state.data.configured.reason}
              saving={save.isPending}
              error={save.error}
              onSave={(body) => save.mutate(body)}
            />
          </section>
          <DegradedTenants state={state.data} onPick={setTenantId} />
        </>
      ) : null}
      <TenantPicker onPick={setTenantId} />
      {tenantId ? <TenantDegrade key={tenantId} id={tenantId} /> : null}
    </section>
  );
}

function Updated({ state }: { state: DegradeState }) {
  const { updated_at: at, reason } = state.configured;
  if (!at) return <p className="muted">Never set: every switch is off.</p>;
  return (
    <p className="muted">
      Set {fullDate(at)}
      {reason ? `: ${reason}` : ''}
    </p>
  );
}

function Automatic({ state }: { state: DegradeState }) {
  const auto = state.automatic;
  if (!auto) return <p className="notice">No chat replica answered: the automatic mode is unknown.</p>;
  return (
    <>
      <p>
        Automatic on replica <code>{auto.replica}</code>:{' '}
        {auto.enabled ? activeLabels(auto.switches) : 'disabled (CHAT_DEGRADE_AUTO_ENABLED)'}
      </p>
      <table className="data-table">
        <caption>Overload signals</caption>
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Now</th>
            <th scope="col">Tripped</th>
            <th scope="col">Turns on</th>
          </tr>
        </thead>
        <tbody>
          {auto.signals.map((s) => (
            <tr key={s.name}>
              <th scope="row">{s.name === 'provider_error_rate' ? 'Provider error rate' : 'Turns in flight'}</th>
              <td>{describeSignal(s)}</td>
              <td>{s.tripped ? <span className="tag tag-warning">since {s.since ? fullDate(s.since) : '?'}</span> : 'no'}</td>
              <td>{s.switches.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function DegradedTenants({ state, onPick }: { state: DegradeState; onPick(id: string): void }) {
  const tenants = state.degraded_tenants ?? [];
  return (
    <section className="card" aria-labelledby="degrade-tenants-title">
      <h2 id="degrade-tenants-title">Tenants degraded on their own</h2>
      {tenants.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {tenants.map((t) => (
            <li key={t.tenant_id}>
              <button type="button" className="link-button" onClick={() => t.tenant_id && onPick(t.tenant_id)}>
                <code>{t.tenant_id}</code>
              </button>
              : {activeLabels(t.switches)}
              {t.reason ? ` (${t.reason})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TenantPicker({ onPick }: { onPick(id: string): void }) {
  const [value, setValue] = useState('');
  const valid = UUID.test(value.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onPick(value.trim().toLowerCase());
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="degrade-pick-title">
      <h2 id="degrade-pick-title">A tenant</h2>
      <label htmlFor="degrade-tenant-id">Tenant id</label>
      <input id="degrade-tenant-id" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={value !== '' && !valid} />
      <button type="submit" disabled={!valid}>
        Show its switches
      </button>
    </form>
  );
}

function TenantDegrade({ id }: { id: string }) {
  const state = useTenantDegrade(id);
  const save = useSaveTenantDegrade(id);
  return (
    <section className="card" aria-labelledby="degrade-tenant-title">
      <h2 id="degrade-tenant-title">
        Tenant <code>{id}</code>
      </h2>
      <ProblemAlert error={state.error} context="Could not load the tenant's switches" />
      {state.data ? (
        <>
          <p data-testid="degrade-tenant-effective">
            In effect for its turns: {activeLabels(state.data.effective)} (platform:{' '}
            {activeLabels(state.data.global?.switches ?? state.data.effective)})
          </p>
          <Updated state={state.data} />
          <DegradeSwitchesForm
            key={JSON.stringify(state.data.configured)}
            id="degrade-tenant"
            configured={state.data.configured.switches}
            reason={state.data.configured.reason}
            saving={save.isPending}
            error={save.error}
            onSave={(body) => save.mutate(body)}
          />
        </>
      ) : null}
    </section>
  );
}
