import type { Redis } from 'ioredis';
import { restIntegration } from '../../__tests__/integration.fixture';
import { ToolResultCache } from '../tool-result.cache';

describe('ToolResultCache keys', () => {
  const cache = new ToolResultCache({ status: 'end' } as unknown as Redis, 'p:');
  const integration = restIntegration('https://shop.example/api', [{ name: 'search', serves: 'product_search', path: '/p' }]);
  const key = (over: Partial<Parameters<ToolResultCache['key']>[0]> = {}) =>
    cache.key({ integration, toolKey: 'product_search', endpoint: '', args: { query: 'mug', limit: 3 }, settings: {}, ...over });

  it('is the same for the same call whatever the key order, and names tenant, integration and tool', () => {
    expect(key({ args: { limit: 3, query: 'mug' } })).toBe(key());
    expect(key()).toMatch(new RegExp(`^p:tool-result:${integration.tenantId}:${integration.id}:product_search:[A-Za-z0-9_-]{43}$`));
  });

  it('differs by arguments, endpoint, settings, tenant and definition', () => {
    const base = key();
    expect(key({ args: { query: 'cup', limit: 3 } })).not.toBe(base);
    expect(key({ endpoint: 'search' })).not.toBe(base);
    expect(key({ settings: { timezone: 'Europe/Vienna' } })).not.toBe(base);
    expect(key({ integration: { ...integration, tenantId: 'another' } })).not.toBe(base);
    expect(key({ integration: { ...integration, baseUrl: 'https://shop.example/v2' } })).not.toBe(base);
  });

  it('does not change with the integration secret (a rotated token keeps the cached answers)', () => {
    expect(key({ integration: { ...integration, auth: { type: 'bearer', token: 'new' } } })).toBe(key());
  });

  it('reads nothing and writes nothing while Redis is not ready', async () => {
    await expect(cache.get(key())).resolves.toBeUndefined();
    expect(() => cache.set(key(), { products: [] })).not.toThrow();
  });
});
