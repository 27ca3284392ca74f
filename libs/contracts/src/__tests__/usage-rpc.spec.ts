import { randomUUID } from 'node:crypto';
import { RPC_SUBJECTS, UsageOwnerGetRpc, UsageTenantGetRpc, parseContract } from '../index';

const totals = { messages: 12, sessions: 3, tokensIn: 900, tokensOut: 450, costUsd: 0.0063 };

describe('usage RPCs', () => {
  it('serve on their own client-insights subjects', () => {
    expect(UsageTenantGetRpc.subject).toBe(RPC_SUBJECTS.usageTenantGet);
    expect(UsageOwnerGetRpc.subject).toBe(RPC_SUBJECTS.usageOwnerGet);
  });

  it("accept a tenant's day range and its per-day answer", () => {
    const tenantId = randomUUID();
    expect(parseContract(UsageTenantGetRpc.request, { version: 1, tenantId, from: '2026-11-01', to: '2026-11-30' }).ok).toBe(true);
    const day = {
      ...totals,
      day: '2026-11-02',
      final: true,
      byModel: [{ provider: 'openai', model: 'gpt-4o-mini', messages: 6, tokensIn: 900, tokensOut: 450, costUsd: 0.0063 }],
    };
    const reply = { version: 1, tenantId, from: '2026-11-01', to: '2026-11-30', totals, days: [day] };
    expect(parseContract(UsageTenantGetRpc.response, reply).ok).toBe(true);
  });

  it("accepts the owner's answer: per tenant, per day and the total", () => {
    const reply = {
      version: 1,
      from: '2026-11-01',
      to: '2026-11-30',
      totals,
      tenants: [{ ...totals, tenantId: randomUUID(), slug: 'bobs-plumbing', displayName: "Bob's Plumbing" }],
      days: [{ ...totals, day: '2026-11-02' }],
    };
    expect(parseContract(UsageOwnerGetRpc.response, reply).ok).toBe(true);
  });

  it.each([
    ['from', { from: '01/11/2026' }],
    ['to', { to: '2026-13-01' }],
    ['tenantId', { tenantId: 'tenant-1' }],
  ])('rejects a bad %s and names it', (field, patch) => {
    const result = parseContract(UsageTenantGetRpc.request, {
      version: 1,
      tenantId: randomUUID(),
      from: '2026-11-01',
      to: '2026-11-30',
      ...patch,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((i) => i.path)).toContain(field);
  });

  it('rejects negative or fractional counts in a reply', () => {
    const base = { version: 1, from: '2026-11-01', to: '2026-11-30', tenants: [], days: [] };
    expect(parseContract(UsageOwnerGetRpc.response, { ...base, totals: { ...totals, messages: -1 } }).ok).toBe(false);
    expect(parseContract(UsageOwnerGetRpc.response, { ...base, totals: { ...totals, tokensIn: 1.5 } }).ok).toBe(false);
  });
});

describe('usage RPC ranges', () => {
  it('may leave the range to the service in a request, never in a reply', () => {
    expect(parseContract(UsageOwnerGetRpc.request, { version: 1 }).ok).toBe(true);
    expect(parseContract(UsageTenantGetRpc.request, { version: 1, tenantId: randomUUID(), to: '2026-11-30' }).ok).toBe(true);
    const reply = { version: 1, tenantId: randomUUID(), totals, days: [] };
    expect(parseContract(UsageTenantGetRpc.response, reply).ok).toBe(false);
  });
});
