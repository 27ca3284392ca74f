import { ownerUsage, totalsOf, usageDays } from '../usage.calculator';
import type { UsageDailyRecord } from '../usage.repository';
import { usageRange } from '../usage-range.util';

const A = '8f0b1c7e-4a8a-4f0e-9a51-1d2b3c4d5e6f';
const B = '1a2b3c4d-5e6f-4a8a-9b0c-7d8e9f0a1b2c';
const row = (tenantId: string, day: string, provider: string, model: string, n: Partial<UsageDailyRecord> = {}): UsageDailyRecord => ({
  tenantId,
  day,
  provider,
  model,
  messages: 0,
  sessions: 0,
  tokensIn: 0,
  tokensOut: 0,
  costUsd: 0,
  sealed: false,
  ...n,
});

describe('usage days', () => {
  const rows = [
    row(A, '2026-04-01', '', '', { messages: 3, sessions: 2, sealed: true }),
    row(A, '2026-04-01', 'openai', 'gpt-4o-mini', { messages: 3, tokensIn: 300, tokensOut: 90, costUsd: 0.000099, sealed: true }),
    row(A, '2026-04-02', '', '', { sessions: 1 }),
    row(A, '2026-04-02', 'offline', 'retrieval', { messages: 1, tokensIn: 10, tokensOut: 5, sealed: true }),
  ];

  it('groups rows by day with models, final only when every row is sealed; a sessions-only row is no model', () => {
    expect(usageDays(rows)).toEqual([
      {
        day: '2026-04-01',
        messages: 6,
        sessions: 2,
        tokensIn: 300,
        tokensOut: 90,
        costUsd: 0.000099,
        final: true,
        byModel: [
          { provider: '', model: '', messages: 3, tokensIn: 0, tokensOut: 0, costUsd: 0 },
          { provider: 'openai', model: 'gpt-4o-mini', messages: 3, tokensIn: 300, tokensOut: 90, costUsd: 0.000099 },
        ],
      },
      {
        day: '2026-04-02',
        messages: 1,
        sessions: 1,
        tokensIn: 10,
        tokensOut: 5,
        costUsd: 0,
        final: false,
        byModel: [{ provider: 'offline', model: 'retrieval', messages: 1, tokensIn: 10, tokensOut: 5, costUsd: 0 }],
      },
    ]);
  });

  it('sums cost to 6 decimals without float drift', () => {
    const many = Array.from({ length: 10 }, (_, i) => row(A, `2026-04-${String(i + 1).padStart(2, '0')}`, 'openai', 'x', { costUsd: 0.1 }));
    expect(totalsOf(many).costUsd).toBe(1);
  });

  it("totals the owner's view per tenant and per day, listing only tenants with usage", () => {
    const all = [...rows, row(B, '2026-04-02', 'openai', 'gpt-4o', { messages: 2, tokensIn: 1000, costUsd: 0.0025 })];
    const tenants = [
      { id: B, slug: 'b', displayName: 'B' },
      { id: A, slug: 'a', displayName: 'A' },
      { id: '00000000-0000-4000-8000-000000000001', slug: 'idle', displayName: 'Idle' },
    ];
    const view = ownerUsage(all, tenants);
    expect(view.tenants.map((t) => [t.slug, t.messages, t.sessions, t.costUsd])).toEqual([
      ['b', 2, 0, 0.0025],
      ['a', 7, 3, 0.000099],
    ]);
    expect(view.days.map((d) => [d.day, d.messages, d.tokensIn])).toEqual([
      ['2026-04-01', 6, 300],
      ['2026-04-02', 3, 1010],
    ]);
  });
});

describe('usageRange', () => {
  it('defaults to the 30 days up to today', () => {
    expect(usageRange('2026-05-01')).toEqual({ from: '2026-04-02', to: '2026-05-01' });
    expect(usageRange('2026-05-01', undefined, '2026-03-31')).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(usageRange('2026-05-01', '2026-04-30', '2026-04-30')).toEqual({ from: '2026-04-30', to: '2026-04-30' });
  });

  it('accepts 366 days and refuses 367, and from after to', () => {
    expect(usageRange('2026-05-01', '2025-05-01', '2026-05-01')).toEqual({ from: '2025-05-01', to: '2026-05-01' });
    expect(() => usageRange('2026-05-01', '2025-04-30', '2026-05-01')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => usageRange('2026-05-01', '2026-04-02', '2026-04-01')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
