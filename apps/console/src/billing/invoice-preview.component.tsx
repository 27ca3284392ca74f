import { fullDate } from '../shared/time.util';
import type { BillingPeriodChoice, InvoicePreview } from './billing.queries';

const UNIT_WORDS: Record<InvoicePreview['lines'][number]['unit'], string> = {
  month: 'per month',
  message: 'per message',
  '1k_tokens': 'per 1,000 tokens',
};

const count = (n: number) => n.toLocaleString('en-GB');

/** Current or last period (the calendar month in the tenant's time zone). */
export function PeriodChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: BillingPeriodChoice;
  onChange: (p: BillingPeriodChoice) => void;
}) {
  return (
    <fieldset className="segmented toolbar">
      <legend>Period</legend>
      {(['current', 'last'] as const).map((p) => (
        <label key={p} className="checkbox">
          <input type="radio" name={name} value={p} checked={value === p} onChange={() => onChange(p)} />{' '}
          {p === 'current' ? 'This month' : 'Last month'}
        </label>
      ))}
    </fieldset>
  );
}

/** An invoice preview: the period, the usage billed, the line items and the totals (exact decimal strings from the API). */
export function InvoicePreviewView({ preview }: { preview: InvoicePreview }) {
  const { period } = preview;
  return (
    <div data-testid="invoice-preview">
      <p className="muted">
        {period.key} ({period.timezone}): {fullDate(period.starts_at)} to {fullDate(period.ends_at)}
      </p>
      <p>
        {count(preview.usage.messages)} billed messages, {count(preview.usage.tokens)} tokens ({count(preview.usage.tokens_in)} in,{' '}
        {count(preview.usage.tokens_out)} out).
      </p>
      {!preview.invoiced || !preview.plan ? (
        <p data-testid="invoice-not-invoiced">No plan: usage is unlimited and not invoiced.</p>
      ) : (
        <table className="data-table">
          <caption>
            Plan {preview.plan.name} ({preview.plan.cap_mode} cap), {preview.currency}
          </caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Quantity</th>
              <th scope="col">Unit price</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {preview.lines.map((line) => (
              <tr key={line.kind} data-testid={`invoice-line-${line.kind}`}>
                <td>{line.description}</td>
                <td>{count(line.quantity)}</td>
                <td>
                  {line.unit_price} {UNIT_WORDS[line.unit]}
                </td>
                <td>{line.amount}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Included (base fee)
              </th>
              <td>{preview.included}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Overage
              </th>
              <td>{preview.overage}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td data-testid="invoice-total">
                {preview.total} {preview.currency}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
