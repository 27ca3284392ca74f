// Invoice preview arithmetic (docs/adr/0025-plans-quotas-invoice-preview.md): exact, in integer
// minor units (cents) computed with BigInt from the plan's decimal strings; each line is rounded
// half up to the cent once, and the totals are sums of rounded lines, so a line's amount and the
// total always add up. Amounts are in the plan's currency with 2 decimals.
import type { BilledUsage, Plan } from '@parley/contracts';

export type InvoiceLineKind = 'base_fee' | 'included_messages' | 'included_tokens' | 'overage_messages' | 'overage_tokens';

export interface InvoiceLine {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  /** What `unit_price` is per: a month, a message or 1,000 tokens. */
  unit: 'month' | 'message' | '1k_tokens';
  unitPrice: string;
  amount: string;
  amountMinor: number;
}

export interface InvoiceTotals {
  currency: string;
  lines: InvoiceLine[];
  /** The base fee: what the included amounts cost. */
  included: string;
  includedMinor: number;
  overage: string;
  overageMinor: number;
  total: string;
  totalMinor: number;
}

/** Scale of the decimal strings read into integers: 6 decimals (the price columns' scale). */
const SCALE = 6;
const SCALE_FACTOR = 10n ** BigInt(SCALE);
/** From the 6-decimal scale to cents. */
const TO_CENTS = 10n ** BigInt(SCALE - 2);

/** A non-negative decimal string (at most 6 decimals) as an integer in millionths. */
export function toMillionths(value: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(value);
  if (!match) throw new Error(`not a decimal amount: ${value}`);
  return BigInt(match[1]) * SCALE_FACTOR + BigInt((match[2] ?? '').padEnd(SCALE, '0'));
}

/** numerator / denominator rounded half up (both non-negative). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Cents as a decimal string (`1234` -> `"12.34"`). */
export function formatMinor(cents: bigint): string {
  const whole = cents / 100n;
  const fraction = cents % 100n;
  return `${whole}.${fraction.toString().padStart(2, '0')}`;
}

function line(
  kind: InvoiceLineKind,
  description: string,
  quantity: number,
  unit: InvoiceLine['unit'],
  unitPrice: string,
  cents: bigint,
): InvoiceLine {
  return { kind, description, quantity, unit, unitPrice, amount: formatMinor(cents), amountMinor: Number(cents) };
}

/**
 * The invoice of one period for `usage` on `plan`: the base fee, the included messages and
 * tokens (quantity used within the allowance, no charge), and the overage of each (quantity over
 * the allowance times its price; tokens priced per 1,000, partial thousands pro rata).
 */
export function computeInvoice(plan: Plan, usage: BilledUsage): InvoiceTotals {
  const tokens = usage.tokensIn + usage.tokensOut;
  const base = divideHalfUp(toMillionths(plan.monthlyFee), TO_CENTS);
  const overMessages = plan.includedMessages === null ? 0 : Math.max(0, usage.messages - plan.includedMessages);
  const overTokens = plan.includedTokens === null ? 0 : Math.max(0, tokens - plan.includedTokens);
  const messageCents = divideHalfUp(BigInt(overMessages) * toMillionths(plan.overagePerMessage), TO_CENTS);
  const tokenCents = divideHalfUp(BigInt(overTokens) * toMillionths(plan.overagePer1kTokens), TO_CENTS * 1000n);
  const lines: InvoiceLine[] = [
    line('base_fee', `${plan.name} plan, monthly fee`, 1, 'month', plan.monthlyFee, base),
    line(
      'included_messages',
      plan.includedMessages === null ? 'Messages (unlimited)' : `Messages included (${plan.includedMessages})`,
      usage.messages - overMessages,
      'message',
      '0',
      0n,
    ),
    line(
      'included_tokens',
      plan.includedTokens === null ? 'Tokens (unlimited)' : `Tokens included (${plan.includedTokens})`,
      tokens - overTokens,
      '1k_tokens',
      '0',
      0n,
    ),
  ];
  if (overMessages > 0)
    lines.push(line('overage_messages', 'Messages over the allowance', overMessages, 'message', plan.overagePerMessage, messageCents));
  if (overTokens > 0)
    lines.push(line('overage_tokens', 'Tokens over the allowance', overTokens, '1k_tokens', plan.overagePer1kTokens, tokenCents));
  const overage = messageCents + tokenCents;
  const total = base + overage;
  return {
    currency: plan.currency,
    lines,
    included: formatMinor(base),
    includedMinor: Number(base),
    overage: formatMinor(overage),
    overageMinor: Number(overage),
    total: formatMinor(total),
    totalMinor: Number(total),
  };
}
