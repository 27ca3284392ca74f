import type { Plan } from '@parley/contracts';
import { ServiceMetrics, type Logger } from '@parley/observability';
import type { GatewayRpc } from '../../http/gateway-rpc.client';
import type { TenantSettingsCache } from '../../http/tenant-settings.cache';
import type { QuotaCounters } from '../quota-counters.store';
import type { QuotaNotices } from '../quota-notices.publisher';
import { QuotaService } from '../quota.service';

const TENANT = '6f1c8f57-2f7e-4d55-9a55-6f0a0d7a1c11';
const NOW = new Date('2027-03-31T22:00:00Z'); // 18:00 EDT on the last day of March in New York

const plan = (over: Partial<Plan> = {}): Plan => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'p',
  name: 'P',
  currency: 'EUR',
  monthlyFee: '0.00',
  includedMessages: 5,
  includedTokens: null,
  capMode: 'hard',
  overagePerMessage: '0',
  overagePer1kTokens: '0',
  rateLimitPerMinute: null,
  userRateLimitPerMinute: null,
  tenantRateLimitPerMinute: null,
  ipRateLimitPerMinute: null,
  features: [],
  allowedProviders: null,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  ...over,
});

/** In-memory counters with QuotaCounters' semantics (the Lua scripts are exercised by the end-to-end test). */
function memoryCounters() {
  const hashes = new Map<string, { messages: number; tokens: number; synced: boolean }>();
  const turns = new Set<string>();
  const notices = new Set<string>();
  const get = (k: string) => hashes.get(k) ?? { messages: 0, tokens: 0, synced: false };
  return {
    hashes,
    async read(t: string, p: string) {
      return get(`${t}:${p}`);
    },
    async record(t: string, p: string, turnId: string, u: { messages: number; tokens: number }) {
      if (turns.has(turnId)) return null;
      turns.add(turnId);
      const h = get(`${t}:${p}`);
      const next = { ...h, messages: h.messages + u.messages, tokens: h.tokens + u.tokens };
      hashes.set(`${t}:${p}`, next);
      return { messages: next.messages, tokens: next.tokens };
    },
    async raise(t: string, p: string, floor: { messages: number; tokens: number }) {
      const h = get(`${t}:${p}`);
      const next = { messages: Math.max(h.messages, floor.messages), tokens: Math.max(h.tokens, floor.tokens), synced: true };
      hashes.set(`${t}:${p}`, next);
      return { messages: next.messages, tokens: next.tokens };
    },
    async claimNotice(t: string, p: string, threshold: number) {
      const key = `${t}:${p}:${threshold}`;
      if (notices.has(key)) return false;
      notices.add(key);
      return true;
    },
    async releaseNotice(t: string, p: string, threshold: number) {
      notices.delete(`${t}:${p}:${threshold}`);
    },
  };
}

function setup(currentPlan: Plan | null, persisted = { messages: 0, tokensIn: 0, tokensOut: 0 }, clock: () => Date = () => NOW) {
  const counters = memoryCounters();
  const published: Array<{ threshold: number }> = [];
  const rpcCalls: unknown[] = [];
  const warn = jest.fn();
  const service = new QuotaService(
    { get: async () => ({ tenantId: TENANT, timezone: 'America/New_York', plan: currentPlan }) } as unknown as TenantSettingsCache,
    counters as unknown as QuotaCounters,
    {
      call: async (_c: unknown, req: unknown) => {
        rpcCalls.push(req);
        return { usage: persisted };
      },
    } as unknown as GatewayRpc,
    { publish: async (n: { threshold: number }) => void published.push(n) } as unknown as QuotaNotices,
    { warn } as unknown as Logger,
    new ServiceMetrics('gateway-test'),
    clock,
  );
  return { service, counters, published, rpcCalls, warn };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('QuotaService', () => {
  it("starts the counters from usage_daily's sum of the tenant's local month, then counts each turn once", async () => {
    const { service, rpcCalls, counters } = setup(plan(), { messages: 3, tokensIn: 10, tokensOut: 5 });
    expect((await service.check(TENANT)).decision).toEqual({ kind: 'within' });
    expect(rpcCalls).toEqual([{ version: 1, tenantId: TENANT, from: '2027-03-01', to: '2027-03-31' }]);
    expect(counters.hashes.get(`${TENANT}:2027-03`)).toEqual({ messages: 3, tokens: 15, synced: true });
    await service.recordTurn(TENANT, 'turn-1', { inputTokens: 7, outputTokens: 2 });
    await service.recordTurn(TENANT, 'turn-1', { inputTokens: 7, outputTokens: 2 });
    expect(counters.hashes.get(`${TENANT}:2027-03`)).toEqual({ messages: 4, tokens: 24, synced: true });
  });

  it("counts a turn in the tenant's local month as the clock crosses into the next (the period is worked out once per month)", async () => {
    let now = new Date('2027-04-01T03:59:59.000Z'); // 23:59:59 on 31 March in New York
    const { service, counters } = setup(plan({ includedMessages: 100 }), undefined, () => now);
    await service.recordTurn(TENANT, 'march-1', { inputTokens: 1, outputTokens: 0 });
    await service.recordTurn(TENANT, 'march-2', { inputTokens: 1, outputTokens: 0 });
    now = new Date('2027-04-01T04:00:00.000Z'); // midnight in New York: April
    await service.recordTurn(TENANT, 'april-1', { inputTokens: 1, outputTokens: 0 });
    expect(counters.hashes.get(`${TENANT}:2027-03`)?.messages).toBe(2);
    expect(counters.hashes.get(`${TENANT}:2027-04`)?.messages).toBe(1);
    now = new Date('2027-03-15T12:00:00.000Z'); // a clock set back: March again, not the cached April
    await service.recordTurn(TENANT, 'march-3', { inputTokens: 1, outputTokens: 0 });
    expect(counters.hashes.get(`${TENANT}:2027-03`)?.messages).toBe(3);
  });

  it('refuses on a hard cap with the seconds to local midnight of the 1st (New York: 04:00 UTC)', async () => {
    const { service } = setup(plan(), { messages: 5, tokensIn: 0, tokensOut: 0 });
    const check = await service.check(TENANT);
    expect(check.decision).toMatchObject({ kind: 'blocked', dimension: 'messages', limit: 5, used: 5 });
    expect(check.resetSeconds).toBe(6 * 3600);
  });

  it('never lowers a counter below what it counted when the persisted sum is behind', async () => {
    const { service, counters } = setup(plan({ includedMessages: 100 }), { messages: 2, tokensIn: 0, tokensOut: 0 });
    await service.check(TENANT);
    for (const id of ['a', 'b', 'c']) await service.recordTurn(TENANT, id, { inputTokens: 0, outputTokens: 0 });
    expect(await service.reconcileActive()).toBe(1);
    expect(counters.hashes.get(`${TENANT}:2027-03`)?.messages).toBe(5);
  });

  it('asks for the 80% and 100% notices once each', async () => {
    const { service, published } = setup(plan({ capMode: 'soft' }), { messages: 3, tokensIn: 0, tokensOut: 0 });
    await service.check(TENANT);
    for (const id of ['a', 'b', 'c', 'd']) {
      await service.recordTurn(TENANT, id, { inputTokens: 0, outputTokens: 0 });
      await settle();
    }
    expect(published.map((n) => n.threshold)).toEqual([80, 100]);
  });

  it('fails open with a warning when Redis cannot answer', async () => {
    const { service, counters, warn } = setup(plan({ includedMessages: 0 }));
    counters.read = () => Promise.reject(new Error('Connection is closed.'));
    counters.record = () => Promise.reject(new Error('Connection is closed.'));
    const check = await service.check(TENANT);
    expect(check.decision).toEqual({ kind: 'within' });
    await expect(service.recordTurn(TENANT, 'x', { inputTokens: 1, outputTokens: 1 })).resolves.toBeUndefined();
    expect(warn.mock.calls.map((c) => c[1])).toEqual(['quota check failed open', 'quota counter not incremented']);
  });

  it("enforces the live counters as they are when usage_daily's sum cannot be read, and does not wait for it again at once", async () => {
    const { service, warn, counters } = setup(plan({ includedMessages: 1 }));
    let calls = 0;
    (service as unknown as { rpc: { call: () => Promise<never> } }).rpc = {
      call: () => {
        calls += 1;
        return Promise.reject(new Error('no responders'));
      },
    };
    await counters.record(TENANT, '2027-03', 'earlier', { messages: 1, tokens: 0 });
    expect((await service.check(TENANT)).decision).toMatchObject({ kind: 'blocked', used: 1 });
    expect((await service.check(TENANT)).decision).toMatchObject({ kind: 'blocked', used: 1 });
    expect(calls).toBe(1);
    expect(warn.mock.calls.map((c) => c[1])).toEqual(['quota floor from usage_daily unavailable; live counters used']);
  });

  it('does not limit a tenant without a plan', async () => {
    const { service, rpcCalls } = setup(null);
    expect((await service.check(TENANT)).decision).toEqual({ kind: 'within' });
    expect(rpcCalls).toEqual([]);
  });
});
