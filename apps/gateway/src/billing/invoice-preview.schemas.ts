import { z } from 'zod';
import type { BilledUsage, Plan } from '@parley/contracts';
import type { BillingPeriod } from '@parley/contracts/calendar';
import type { InvoiceTotals } from './invoice.calculator';

export const invoicePreviewQuerySchema = z
  .object({ period: z.enum(['current', 'last']).default('current') })
  .strict()
  .meta({ id: 'InvoicePreviewQuery' });
export type InvoicePreviewQuery = z.output<typeof invoicePreviewQuerySchema>;

const lineSchema = z.object({
  kind: z.enum(['base_fee', 'included_messages', 'included_tokens', 'overage_messages', 'overage_tokens']),
  description: z.string(),
  quantity: z.int(),
  unit: z.enum(['month', 'message', '1k_tokens']),
  unit_price: z.string(),
  amount: z.string(),
  amount_minor: z.int(),
});

export const invoicePreviewSchema = z
  .object({
    tenant_id: z.uuid(),
    period: z.object({
      which: z.enum(['current', 'last']),
      key: z.string(),
      from: z.string(),
      to: z.string(),
      starts_at: z.string(),
      ends_at: z.string(),
      timezone: z.string(),
    }),
    /** False when the tenant is on no plan (unlimited, not invoiced): no lines, null amounts. */
    invoiced: z.boolean(),
    plan: z.object({ key: z.string(), name: z.string(), cap_mode: z.enum(['hard', 'soft']) }).nullable(),
    currency: z.string().nullable(),
    usage: z.object({ messages: z.int(), tokens_in: z.int(), tokens_out: z.int(), tokens: z.int() }),
    lines: z.array(lineSchema),
    included: z.string().nullable(),
    included_minor: z.int().nullable(),
    overage: z.string().nullable(),
    overage_minor: z.int().nullable(),
    total: z.string().nullable(),
    total_minor: z.int().nullable(),
  })
  .meta({ id: 'InvoicePreview' });
export type InvoicePreviewAnswer = z.output<typeof invoicePreviewSchema>;

export function toInvoicePreviewAnswer(input: {
  tenantId: string;
  which: 'current' | 'last';
  period: BillingPeriod;
  timezone: string;
  plan: Plan | null;
  usage: BilledUsage;
  invoice: InvoiceTotals | null;
}): InvoicePreviewAnswer {
  const { invoice, plan, usage, period } = input;
  return {
    tenant_id: input.tenantId,
    period: {
      which: input.which,
      key: period.key,
      from: period.from,
      to: period.to,
      starts_at: period.startsAt.toISOString(),
      ends_at: period.endsAt.toISOString(),
      timezone: input.timezone,
    },
    invoiced: invoice !== null,
    plan: plan ? { key: plan.key, name: plan.name, cap_mode: plan.capMode } : null,
    currency: invoice?.currency ?? null,
    usage: { messages: usage.messages, tokens_in: usage.tokensIn, tokens_out: usage.tokensOut, tokens: usage.tokensIn + usage.tokensOut },
    lines: (invoice?.lines ?? []).map((l) => ({
      kind: l.kind,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unit_price: l.unitPrice,
      amount: l.amount,
      amount_minor: l.amountMinor,
    })),
    included: invoice?.included ?? null,
    included_minor: invoice?.includedMinor ?? null,
    overage: invoice?.overage ?? null,
    overage_minor: invoice?.overageMinor ?? null,
    total: invoice?.total ?? null,
    total_minor: invoice?.totalMinor ?? null,
  };
}
