import { randomUUID } from 'node:crypto';
import { DEFAULT_TENANT_CONFIG } from '@parley/contracts';
import { RpcError, type RpcClient } from '@parley/messaging';
import type { AppConfig } from '../../config/env.schema';
import { GatewayRpc } from '../gateway-rpc.client';
import { ProblemException } from '../problem.exception';
import { TenantSettingsCache } from '../tenant-settings.cache';

const config = { rpc: { timeoutMs: 1000 }, tenantConfigCacheTtlMs: 30_000 } as AppConfig;

function setup() {
  let rateLimitPerMinute: number | null = 10;
  const rpc = {
    request: jest.fn(async (_contract: unknown, payload: { tenantId: string }) => {
      if (payload.tenantId === 'missing') throw new RpcError('NOT_FOUND', 'no such tenant', undefined, { remote: true });
      return {
        version: 1,
        tenantId: payload.tenantId,
        status: 'active',
        displayName: 'T',
        timezone: 'Europe/London',
        config: { ...DEFAULT_TENANT_CONFIG, rateLimitPerMinute, allowedOrigins: ['https://t.example'] },
      };
    }),
  };
  return {
    cache: new TenantSettingsCache(new GatewayRpc(rpc as unknown as RpcClient, config), config),
    rpc,
    setLimit: (limit: number) => (rateLimitPerMinute = limit),
  };
}

afterEach(() => jest.useRealTimers());

describe('TenantSettingsCache', () => {
  it('reads the settings the HTTP layer needs and caches them', async () => {
    const { cache, rpc } = setup();
    const tenantId = randomUUID();
    const [first] = await Promise.all([cache.get(tenantId), cache.get(tenantId)]);
    await cache.get(tenantId);
    expect(first).toEqual({
      tenantId,
      status: 'active',
      rateLimitPerMinute: 10,
      allowedOrigins: ['https://t.example'],
      timezone: 'Europe/London',
      plan: null,
    });
    expect(rpc.request).toHaveBeenCalledTimes(1);
  });

  it('reads again after the TTL and after invalidate', async () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick', 'setImmediate'] });
    const { cache, rpc, setLimit } = setup();
    const tenantId = randomUUID();
    await cache.get(tenantId);
    setLimit(20);
    jest.setSystemTime(29_999);
    expect((await cache.get(tenantId)).rateLimitPerMinute).toBe(10);
    jest.setSystemTime(30_001);
    expect((await cache.get(tenantId)).rateLimitPerMinute).toBe(20);
    setLimit(30);
    cache.invalidate(tenantId);
    expect((await cache.get(tenantId)).rateLimitPerMinute).toBe(30);
    expect(rpc.request).toHaveBeenCalledTimes(3);
  });

  it('does not cache failures', async () => {
    const { cache, rpc } = setup();
    await expect(cache.get('missing')).rejects.toBeInstanceOf(ProblemException);
    await expect(cache.get('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rpc.request).toHaveBeenCalledTimes(2);
  });
});
