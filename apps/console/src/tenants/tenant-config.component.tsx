import { useEffect, useState, type FormEvent } from 'react';
import { ProblemAlert } from '../shell/problem-alert.component';
import { configForm, configPatch, PROVIDERS, TONES, type ConfigForm } from './tenant-form.util';
import { useUpdateTenant } from './tenants.queries';
import type { LlmProvider, TenantWithConfig, Tone } from './tenants.types';

/** The owner's configuration of a tenant (PATCH /api/v1/admin/tenants/:id with only what changed). */
export function TenantConfig({ tenant }: { tenant: TenantWithConfig }) {
  const [form, setForm] = useState<ConfigForm>(() => configForm(tenant));
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const update = useUpdateTenant(tenant.id);
  useEffect(() => setForm(configForm(tenant)), [tenant]);
  const set = <K extends keyof ConfigForm>(field: K, value: ConfigForm[K]) => {
    setSaved(null);
    setForm((f) => ({ ...f, [field]: value }));
  };
  const text = (
    field:
      | 'displayName'
      | 'kind'
      | 'timezone'
      | 'persona'
      | 'allowedOrigins'
      | 'emergencyText'
      | 'retentionDays'
      | 'rateLimitPerMinute'
      | 'model',
  ) => ({
    value: form[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { patch, problems: found } = configPatch(tenant, form);
    setProblems(found);
    if (found.length > 0) return;
    if (!patch) {
      setSaved('Nothing changed.');
      return;
    }
    update.mutate(patch, { onSuccess: () => setSaved('Saved.') });
  };

  return (
    <section className="card" aria-labelledby="config-title">
      <h2 id="config-title">Configuration</h2>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="c-name">Business name</label>
          <input id="c-name" type="text" required {...text('displayName')} />
        </div>
        <div className="field">
          <label htmlFor="c-kind">Kind of business</label>
          <input id="c-kind" type="text" required {...text('kind')} />
        </div>
        <div className="field">
          <label htmlFor="c-tz">Time zone</label>
          <input id="c-tz" type="text" required {...text('timezone')} />
        </div>
        <div className="field">
          <label htmlFor="c-tone">Tone</label>
          <select id="c-tone" value={form.tone} onChange={(e) => set('tone', e.target.value as Tone)}>
            {TONES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor="c-persona">Persona</label>
          <textarea id="c-persona" rows={3} maxLength={8000} {...text('persona')} />
        </div>
        <div className="field wide">
          <label htmlFor="c-origins">Allowed origins for the widget (one per line)</label>
          <textarea id="c-origins" rows={3} {...text('allowedOrigins')} />
        </div>
        <div className="field wide">
          <label htmlFor="c-emergency">Emergency text (shown on a safety finding; empty for none)</label>
          <textarea id="c-emergency" rows={2} maxLength={2000} {...text('emergencyText')} />
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={form.handoffEnabled} onChange={(e) => set('handoffEnabled', e.target.checked)} /> Hand over to a
            person when a visitor asks
          </label>
        </div>
        <div className="field">
          <label htmlFor="c-provider">Model provider</label>
          <select id="c-provider" value={form.provider} onChange={(e) => set('provider', e.target.value as LlmProvider)}>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-model">Model</label>
          <input id="c-model" type="text" required {...text('model')} />
        </div>
        <div className="field">
          <label htmlFor="c-retention">Keep messages for (days)</label>
          <input id="c-retention" type="number" min={1} max={3650} required {...text('retentionDays')} />
        </div>
        <div className="field">
          <label htmlFor="c-rate">Rate limit per minute (empty: platform default)</label>
          <input id="c-rate" type="number" min={1} max={100000} {...text('rateLimitPerMinute')} />
        </div>
        {problems.length > 0 ? (
          <ul className="problem wide" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <div className="wide">
          <ProblemAlert error={update.error} context="Could not save the configuration" />
          <button type="submit" className="primary" disabled={update.isPending}>
            Save configuration
          </button>{' '}
          <span role="status">{saved}</span>
        </div>
      </form>
    </section>
  );
}
