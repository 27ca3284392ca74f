import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../shell/problem-alert.component';
import { SecretOnce } from './secret-once.component';
import { browserTimeZone, createTenantBody, slugFromName, type CreateTenantForm } from './tenant-form.util';
import { useCreateTenant } from './tenants.queries';
import type { CreatedTenant } from './tenants.types';

const EMPTY: CreateTenantForm = {
  displayName: '',
  slug: '',
  kind: '',
  timezone: browserTimeZone(),
  domain: '',
  allowedOrigins: '',
  adminEmail: '',
  adminName: '',
  adminPassword: '',
};

/** Create a tenant; its first API key is shown once, with a copy button. */
export function TenantCreate() {
  const [form, setForm] = useState<CreateTenantForm>(EMPTY);
  const [slugTouched, setSlugTouched] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedTenant | null>(null);
  const [stored, setStored] = useState(false);
  const create = useCreateTenant();
  const set = (field: keyof CreateTenantForm) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setForm((f) => ({ ...f, [field]: value, ...(field === 'displayName' && !slugTouched ? { slug: slugFromName(value) } : {}) }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = createTenantBody(form);
    setProblems(result.problems);
    if (result.body) create.mutate(result.body, { onSuccess: (answer) => setCreated(answer) });
  };

  if (created) {
    return (
      <section aria-labelledby="tenant-created-title">
        <h1 id="tenant-created-title">Tenant created: {created.tenant.displayName}</h1>
        {stored ? (
          <p className="notice">The key is no longer shown.</p>
        ) : (
          <SecretOnce title="The tenant's first API key" secret={created.apiKey.key} onDone={() => setStored(true)} />
        )}
        <p>
          <Link to={`/tenants/${created.tenant.id}`}>Open {created.tenant.displayName}</Link> to configure it, add staff and issue a site
          key for its widget.
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="tenant-create-title">
      <p>
        <Link to="/tenants">← All tenants</Link>
      </p>
      <h1 id="tenant-create-title">Create a tenant</h1>
      <form className="form-grid" onSubmit={submit} noValidate={false}>
        <div className="field">
          <label htmlFor="t-name">Business name</label>
          <input id="t-name" type="text" required maxLength={200} value={form.displayName} onChange={set('displayName')} />
        </div>
        <div className="field">
          <label htmlFor="t-slug">Slug</label>
          <input
            id="t-slug"
            type="text"
            required
            aria-describedby="t-slug-hint"
            value={form.slug}
            onChange={(e) => (setSlugTouched(true), set('slug')(e))}
          />
          <p id="t-slug-hint" className="hint">
            Lowercase letters, digits and dashes; used in the demo page address.
          </p>
        </div>
        <div className="field">
          <label htmlFor="t-kind">Kind of business</label>
          <input id="t-kind" type="text" required aria-describedby="t-kind-hint" value={form.kind} onChange={set('kind')} />
          <p id="t-kind-hint" className="hint">
            A lowercase industry name such as plumber or restaurant; benchmarks compare tenants of the same kind.
          </p>
        </div>
        <div className="field">
          <label htmlFor="t-tz">Time zone</label>
          <input id="t-tz" type="text" required value={form.timezone} onChange={set('timezone')} aria-describedby="t-tz-hint" />
          <p id="t-tz-hint" className="hint">
            An IANA name such as Europe/London; insights use its local days.
          </p>
        </div>
        <div className="field">
          <label htmlFor="t-domain">Website (optional)</label>
          <input id="t-domain" type="url" placeholder="https://shop.example" value={form.domain} onChange={set('domain')} />
        </div>
        <div className="field">
          <label htmlFor="t-origins">Allowed origins for the widget (optional, one per line)</label>
          <textarea
            id="t-origins"
            rows={3}
            value={form.allowedOrigins}
            onChange={set('allowedOrigins')}
            aria-describedby="t-origins-hint"
          />
          <p id="t-origins-hint" className="hint">
            Without any, the website above is the only allowed origin.
          </p>
        </div>
        <fieldset className="field">
          <legend>First admin (optional)</legend>
          <label htmlFor="t-admin-email">Email</label>
          <input id="t-admin-email" type="email" value={form.adminEmail} onChange={set('adminEmail')} />
          <label htmlFor="t-admin-name">Name</label>
          <input id="t-admin-name" type="text" value={form.adminName} onChange={set('adminName')} />
          <label htmlFor="t-admin-password">Password (at least 12 characters)</label>
          <input
            id="t-admin-password"
            type="password"
            autoComplete="new-password"
            value={form.adminPassword}
            onChange={set('adminPassword')}
          />
        </fieldset>
        {problems.length > 0 ? (
          <ul className="problem" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <ProblemAlert error={create.error} context="Could not create the tenant" />
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create tenant'}
        </button>
      </form>
    </section>
  );
}
