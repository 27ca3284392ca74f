import type { Plan } from '@parley/contracts';
import { computeInvoice, formatMinor, toMillionths } from '../invoice.calculator';

const plan: Plan = {
  id: '00000000-0000-4000-8000-000000000001',
  key: 'starter',
  name: 'Starter',
  currency: 'EUR',
  monthlyFee: '49.00',
  includedMessages: 1000,
  includedTokens: 500_000,
  capMode: 'soft',
  overagePerMessage: '0.02',
  overagePer1kTokens: '0.0015',
  rateLimitPerMinute: null,
  userRateLimitPerMinute: null,
  tenantRateLimitPerMinute: null,
  ipRateLimitPerMinute: null,
  features: [],
  allowedProviders: null,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
};

describe('invoice preview arithmetic', () => {
  it('bills the base fee and each overage, rounded half up to the cent once per line (hand-computed)', () => {
    // 1234 messages: 234 over at 0.02 = 4.68. 812,345 tokens: 312,345 over at 0.0015 per 1k = 0.4685175 -> 0.47.
    const invoice = computeInvoice(plan, { messages: 1234, tokensIn: 600_000, tokensOut: 212_345 });
    expect(invoice.lines).toEqual([
      {
        kind: 'base_fee',
        description: 'Starter plan, monthly fee',
        quantity: 1,
        unit: 'month',
        unitPrice: '49.00',
        amount: '49.00',
        amountMinor: 4900,
      },
      {
        kind: 'included_messages',
        description: 'Messages included (1000)',
        quantity: 1000,
        unit: 'message',
        unitPrice: '0',
        amount: '0.00',
        amountMinor: 0,
      },
      {
        kind: 'included_tokens',
        description: 'Tokens included (500000)',
        quantity: 500_000,
        unit: '1k_tokens',
        unitPrice: '0',
        amount: '0.00',
        amountMinor: 0,
      },
      {
        kind: 'overage_messages',
        description: 'Messages over the allowance',
        quantity: 234,
        unit: 'message',
        unitPrice: '0.02',
        amount: '4.68',
        amountMinor: 468,
      },
      {
        kind: 'overage_tokens',
        description: 'Tokens over the allowance',
        quantity: 312_345,
        unit: '1k_tokens',
        unitPrice: '0.0015',
        amount: '0.47',
        amountMinor: 47,
      },
    ]);
    expect(invoice).toMatchObject({ currency: 'EUR', included: '49.00', overage: '5.15', total: '54.15', totalMinor: 5415 });
  });

  it('bills the base fee alone within the allowance, and counts used amounts as included', () => {
    const invoice = computeInvoice(plan, { messages: 1000, tokensIn: 250_000, tokensOut: 250_000 });
    expect(invoice.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
      ['base_fee', 1, '49.00'],
      ['included_messages', 1000, '0.00'],
      ['included_tokens', 500_000, '0.00'],
    ]);
    expect(invoice.total).toBe('49.00');
  });

  it('never bills overage on an unlimited allowance', () => {
    const unlimited = { ...plan, includedMessages: null, includedTokens: null, monthlyFee: '199.99' };
    const invoice = computeInvoice(unlimited, { messages: 10_000_000, tokensIn: 9_000_000_000, tokensOut: 1 });
    expect(invoice.lines.map((l) => [l.kind, l.description, l.quantity])).toEqual([
      ['base_fee', 'Starter plan, monthly fee', 1],
      ['included_messages', 'Messages (unlimited)', 10_000_000],
      ['included_tokens', 'Tokens (unlimited)', 9_000_000_001],
    ]);
    expect(invoice).toMatchObject({ overage: '0.00', total: '199.99' });
  });

  it('rounds half a cent up and less down, where floating point would drift', () => {
    const tiny = { ...plan, monthlyFee: '0', includedMessages: 0, includedTokens: 0 };
    // 1 message at 0.005 = 0.005 -> 0.01; 3 at 0.001665 = 0.004995 -> 0.00; 10 at 0.07 = 0.70 (0.1 + 0.2 style drift in floats).
    expect(computeInvoice({ ...tiny, overagePerMessage: '0.005' }, { messages: 1, tokensIn: 0, tokensOut: 0 }).total).toBe('0.01');
    expect(computeInvoice({ ...tiny, overagePerMessage: '0.001665' }, { messages: 3, tokensIn: 0, tokensOut: 0 }).total).toBe('0.00');
    expect(computeInvoice({ ...tiny, overagePerMessage: '0.07' }, { messages: 10, tokensIn: 0, tokensOut: 0 }).total).toBe('0.70');
    // 1,500 tokens at 0.003333 per 1k = 0.0049995 -> 0.00; 1,501 -> 0.005002833 -> 0.01.
    expect(computeInvoice({ ...tiny, overagePer1kTokens: '0.003333' }, { messages: 0, tokensIn: 1500, tokensOut: 0 }).total).toBe('0.00');
    expect(computeInvoice({ ...tiny, overagePer1kTokens: '0.003333' }, { messages: 0, tokensIn: 1501, tokensOut: 0 }).total).toBe('0.01');
  });

  it('reads and writes exact decimals', () => {
    expect(toMillionths('49.00')).toBe(49_000_000n);
    expect(toMillionths('0.0015')).toBe(1500n);
    expect(formatMinor(5n)).toBe('0.05');
    expect(formatMinor(123_456_789n)).toBe('1234567.89');
    expect(() => toMillionths('1e3')).toThrow();
  });
});
