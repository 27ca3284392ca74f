import { useState } from 'react';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useInvoicePreview, type BillingPeriodChoice } from './billing.queries';
import { InvoicePreviewView, PeriodChoice } from './invoice-preview.component';

/**
 * The tenant admin's billing page (docs/adr/0025-plans-quotas-invoice-preview.md): the invoice
 * preview of this month or the last, at the plan's prices, from the billing record (usage_daily).
 */
export function BillingPage() {
  const [period, setPeriod] = useState<BillingPeriodChoice>('current');
  const preview = useInvoicePreview(period);
  return (
    <section aria-labelledby="billing-title">
      <div className="page-head">
        <h1 id="billing-title">Billing</h1>
      </div>
      <p className="muted">
        The invoice preview of a month in your time zone. This month's figures follow the billing record, updated by the hourly usage job.
      </p>
      <PeriodChoice name="billing-period" value={period} onChange={setPeriod} />
      <ProblemAlert error={preview.error} context="Could not load the invoice preview" />
      {preview.isPending ? <p role="status">Loading the invoice preview…</p> : null}
      {preview.data ? <InvoicePreviewView preview={preview.data} /> : null}
    </section>
  );
}
