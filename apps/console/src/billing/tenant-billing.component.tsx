import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useAssignPlan, usePlans, useTenantInvoicePreview, type BillingPeriodChoice } from './billing.queries';
import { InvoicePreviewView, PeriodChoice } from './invoice-preview.component';

/** The owner's view of a tenant's billing: its plan (change it) and its invoice preview. */
export function TenantBilling({ tenantId }: { tenantId: string }) {
  const [period, setPeriod] = useState<BillingPeriodChoice>('current');
  const preview = useTenantInvoicePreview(tenantId, period);
  const plans = usePlans();
  const assign = useAssignPlan(tenantId);
  const current = preview.data?.plan?.key ?? '';
  const [choice, setChoice] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = choice ?? current;
    assign.mutate(key === '' ? null : key, { onSuccess: () => setChoice(null) });
  };
  return (
    <section className="card" aria-labelledby="billing-title">
      <h2 id="billing-title">Plan and invoice</h2>
      {plans.data && preview.data ? (
        <form onSubmit={submit}>
          <label htmlFor="tenant-plan">Plan</label>
          <select id="tenant-plan" value={choice ?? current} onChange={(e) => setChoice(e.target.value)}>
            <option value="">No plan (unlimited, not invoiced)</option>
            {plans.data.items.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name} ({p.key})
              </option>
            ))}
          </select>{' '}
          <button type="submit" disabled={assign.isPending || choice === null || choice === current}>
            Change plan
          </button>
        </form>
      ) : null}
      <ProblemAlert error={plans.error ?? assign.error} context="Could not change the plan" />
      <PeriodChoice name={`tenant-billing-period-${tenantId}`} value={period} onChange={setPeriod} />
      <ProblemAlert error={preview.error} context="Could not load the invoice preview" />
      {preview.isPending ? <p role="status">Loading the invoice preview…</p> : null}
      {preview.data ? <InvoicePreviewView preview={preview.data} /> : null}
    </section>
  );
}
