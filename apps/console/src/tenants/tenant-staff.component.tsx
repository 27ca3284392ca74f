import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useAddStaff } from './tenants.queries';

const EMPTY = { email: '', displayName: '', role: 'tenant_agent' as 'tenant_admin' | 'tenant_agent', password: '' };

/** Add a staff user (tenant admin or agent) to the tenant. */
export function TenantStaff({ tenantId }: { tenantId: string }) {
  const [form, setForm] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const add = useAddStaff(tenantId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    add.mutate(
      {
        email: form.email.trim(),
        password: form.password,
        role: form.role,
        ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}),
      },
      {
        onSuccess: (user) => {
          setAdded(
            `${user.email} was added as ${user.role === 'tenant_admin' ? 'an admin' : 'an agent'}. They sign in at this console with the password you set.`,
          );
          setForm(EMPTY);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">Add staff</h2>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="s-email">Email</label>
          <input
            id="s-email"
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="s-name">Name (optional)</label>
          <input id="s-name" type="text" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="s-role">Role</label>
          <select id="s-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}>
            <option value="tenant_agent">Agent (handoff, inbox, contacts, insights)</option>
            <option value="tenant_admin">Admin (also settings, knowledge, staff)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-password">Password (at least 12 characters)</label>
          <input
            id="s-password"
            type="password"
            required
            minLength={12}
            maxLength={72}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </div>
        <div className="wide">
          <ProblemAlert error={add.error} context="Could not add the staff user" />
          <button type="submit" className="primary" disabled={add.isPending}>
            Add staff user
          </button>
          <p role="status" className={added ? 'notice' : undefined}>
            {added}
          </p>
        </div>
      </form>
    </section>
  );
}
