import Redis from 'ioredis';
import { ServiceMetrics } from '@parley/observability';
import type { BuiltinToolKey, IntegrationDefinition, ToolResult } from '@parley/contracts';
import type { Connector, ToolOutcome } from '../connector.types';
import { ConnectorRegistry } from '../executor/connector.registry';
import { IntegrationMetrics, type IntegrationCallObserver } from '../executor/integration.metrics';
import { GuardedHttpTransport } from '../http/guarded-http.transport';
import { IntegrationExecutor, type IntegrationExecutorOptions } from '../integration.executor';
import { RestConnector } from '../rest/rest.connector';
import { json, startFakeSystem, type FakeSystem } from './fake-system.server';
import { noSignal, restIntegration } from './integration.fixture';
import { randomSuffix as randomId, testServices } from './test-services';

const SECRET = 'tok_SECRET_9b1f_never_in_errors';

/** A connector whose answers the test decides (the executor's own checks, without HTTP). */
class ScriptedConnector implements Connector {
  readonly kind = 'shopify' as const;
  answer: unknown = { products: [] };
  calls = 0;
  supports(): boolean {
    return true;
  }
  async call<K extends BuiltinToolKey>(): Promise<ToolResult<K>> {
    this.calls += 1;
    return this.answer as ToolResult<K>;
  }
  async probe(): Promise<string> {
    return 'reached the scripted shop';
  }
}

describe('IntegrationExecutor with the REST connector', () => {
  const services = testServices(process.env);
  const prefix = `parley:test:${services.runId}:integrations:${randomId()}:`;
  let redis: Redis;
  let shop: FakeSystem;
  let integration: IntegrationDefinition;
  const executors: IntegrationExecutor[] = [];
  const details: string[] = [];
  const scripted = new ScriptedConnector();

  const transport = new GuardedHttpTransport({ allowPrivateTargets: true });
  const executor = (overrides: Partial<IntegrationExecutorOptions> = {}): IntegrationExecutor => {
    const made = new IntegrationExecutor({
      connectors: new ConnectorRegistry([new RestConnector(transport), scripted]),
      redis,
      keyPrefix: `${prefix}${randomId()}:`,
      ...overrides,
    });
    executors.push(made);
    return made;
  };
  const run = async <K extends BuiltinToolKey>(
    on: IntegrationExecutor,
    toolKey: K,
    args: unknown,
    settings: Record<string, unknown> = {},
    target: IntegrationDefinition = integration,
  ): Promise<ToolOutcome<K>> => {
    const outcome = await on.execute(target, toolKey, args, { signal: noSignal(), settings });
    if (!outcome.ok) details.push(outcome.detail);
    return outcome;
  };

  beforeAll(async () => {
    redis = new Redis(services.redisUrl, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });

  beforeEach(async () => {
    shop = await startFakeSystem();
    shop.route('GET', '/api/products', (req, res) => {
      const q = new URL(req.url, 'http://x').searchParams.get('q');
      json(res, 200, { data: { items: [{ ref: 1, name: `Mug ${q}`, cost: '9.50', stock: 4 }] } });
    });
    shop.route('GET', '/api/orders/A-1001', (_req, res) =>
      json(res, 200, {
        order: { number: 'A-1001', state: 'partially_fulfilled', buyer: { email: 'ann@example.com' }, lines: [{ name: 'Mug', qty: 2 }] },
      }),
    );
    shop.route('GET', '/api/ping', (_req, res) => json(res, 200, { ok: true }));
    integration = restIntegration(
      `${shop.url}/api`,
      [
        {
          name: 'search',
          serves: 'product_search',
          path: '/products',
          query: { q: '{query}', n: '{limit}' },
          response: { root: 'data.items', fields: { id: 'ref', title: 'name', price: 'cost', quantity: 'stock' } },
        },
        { name: 'details', serves: 'product_details', path: '/products/{product}', response: { fields: {} } },
        {
          name: 'order',
          serves: 'order_status',
          path: '/orders/{order_number}',
          query: { email: '{email}', phone: '{phone}' },
          response: { root: 'order', fields: { orderNumber: 'number', status: 'state', email: 'buyer.email', items: 'lines' } },
        },
        { name: 'ping', path: '/ping' },
        { name: 'flaky', path: '/flaky' },
        { name: 'slow', path: '/slow' },
      ],
      { type: 'bearer', token: SECRET },
      { headers: { 'X-Shop': 'demo' } },
    );
  });

  afterEach(async () => {
    await shop.close();
  });

  afterAll(async () => {
    for (const made of executors) made.shutdown();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    // No failure detail ever carried the integration's secret.
    expect(details.length).toBeGreaterThan(5);
    for (const detail of details) expect(detail).not.toContain(SECRET);
  });

  it('maps a product search, then answers the identical call from the cache', async () => {
    const on = executor();
    const first = await run(on, 'product_search', { query: 'blue', limit: 3 });
    expect(first).toMatchObject({
      ok: true,
      cacheHit: false,
      result: { products: [{ id: '1', title: 'Mug blue', price: '9.50', quantity: 4, available: true }] },
    });
    expect(shop.requests[0].url).toBe('/api/products?q=blue&n=3');
    expect(shop.requests[0].headers).toMatchObject({ authorization: `Bearer ${SECRET}`, 'x-shop': 'demo' });
    const second = await run(on, 'product_search', { limit: 3, query: 'blue' });
    expect(second).toMatchObject({ ok: true, cacheHit: true, result: first.ok ? first.result : {} });
    expect(shop.hits('/api/products')).toBe(1);
    expect(await run(on, 'product_search', { query: 'red', limit: 3 })).toMatchObject({ ok: true, cacheHit: false });
    expect(shop.hits('/api/products')).toBe(2);
  });

  it('treats a 404 as nothing found', async () => {
    expect(await run(executor(), 'product_details', { product: 'no such/thing' })).toMatchObject({ ok: true, result: { product: null } });
    expect(shop.requests[0].url).toBe('/api/products/no%20such%2Fthing');
  });

  it('returns the order only with the email it was placed with', async () => {
    const on = executor();
    const found = await run(on, 'order_status', { order_number: '#A-1001', email: 'ANN@example.com' });
    expect(found).toMatchObject({
      ok: true,
      result: {
        order: { orderNumber: 'A-1001', status: 'shipped', shopStatus: 'partially_fulfilled', items: [{ title: 'Mug', quantity: 2 }] },
      },
    });
    expect(shop.requests[0].url).toBe('/api/orders/A-1001?email=ANN%40example.com');
    expect(await run(on, 'order_status', { order_number: 'A-1001', email: 'mallory@example.com' })).toMatchObject({
      ok: true,
      result: { order: null },
    });
    expect(await run(on, 'order_status', { order_number: 'A-1001', phone: '+43 660 1234567' })).toMatchObject({
      ok: true,
      result: { order: null },
    });
  });

  it('refuses bad arguments and unconfigured tools without calling', async () => {
    const on = executor();
    expect(await run(on, 'order_status', { order_number: 'A-1001' })).toMatchObject({ ok: false, failure: 'invalid_arguments' });
    expect(await run(on, 'product_search', { query: 'x', extra: 1 })).toMatchObject({ ok: false, failure: 'invalid_arguments' });
    expect(await run(on, 'shipment_tracking', { order_number: '1', email: 'a@b.example' })).toMatchObject({
      ok: false,
      failure: 'not_configured',
    });
    expect(await run(on, 'call_endpoint', { endpoint: 'order' })).toMatchObject({ ok: false, failure: 'not_configured' });
    expect(await run(on, 'product_search', { query: 'x' }, { endpoint: 'details' })).toMatchObject({
      ok: false,
      failure: 'not_configured',
    });
    const mysql = { ...integration, kind: 'mysql' as const };
    expect(await run(on, 'product_search', { query: 'x' }, {}, mysql)).toMatchObject({ ok: false, failure: 'not_configured' });
    expect(shop.requests).toHaveLength(0);
  });

  it('calls a named endpoint with call_endpoint and returns its JSON', async () => {
    expect(await run(executor(), 'call_endpoint', { endpoint: 'ping', params: { unused: 1 } })).toMatchObject({
      ok: true,
      result: { data: { ok: true } },
    });
  });

  it.each([
    [401, {}, 'upstream_error', 'the credentials were refused (HTTP 401)'],
    [403, {}, 'upstream_error', 'the credentials were refused (HTTP 403)'],
    [429, { 'retry-after': '7' }, 'rate_limited', 'the system asked us to slow down (HTTP 429); retry after 7 s'],
    [500, {}, 'upstream_error', 'the system failed (HTTP 500)'],
    [301, { location: 'http://10.0.0.1/' }, 'upstream_error', 'the system answered with a redirect (HTTP 301), which is not followed'],
  ])('classifies HTTP %i', async (status, headers, failure, detail) => {
    shop.route('GET', '/api/flaky', (_req, res) => json(res, status, { echo: SECRET }, headers));
    expect(await run(executor(), 'call_endpoint', { endpoint: 'flaky' })).toMatchObject({ ok: false, failure, detail, cacheHit: false });
    expect(shop.hits('/api/flaky')).toBe(1);
  });

  it('stops waiting at the time limit', async () => {
    shop.route('GET', '/api/slow', () => undefined);
    expect(await run(executor({ timeoutMs: 300 }), 'call_endpoint', { endpoint: 'slow' })).toMatchObject({
      ok: false,
      failure: 'timeout',
      detail: 'no answer within 300 ms',
    });
  });

  it('opens the breaker after repeated failures and stops calling', async () => {
    shop.route('GET', '/api/flaky', (_req, res) => json(res, 503, {}));
    const on = executor({ breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 } });
    for (let i = 0; i < 3; i += 1)
      expect(await run(on, 'call_endpoint', { endpoint: 'flaky' })).toMatchObject({ failure: 'upstream_error' });
    expect(await run(on, 'call_endpoint', { endpoint: 'flaky' })).toMatchObject({ ok: false, failure: 'circuit_open' });
    expect(await run(on, 'call_endpoint', { endpoint: 'ping' })).toMatchObject({ ok: false, failure: 'circuit_open' });
    expect(shop.hits('/api/flaky')).toBe(3);
    expect(shop.hits('/api/ping')).toBe(0);
  });

  it('lets one trial call through once the breaker half-opens, and closes it on success', async () => {
    let healthy = false;
    shop.route('GET', '/api/flaky', (_req, res) => json(res, healthy ? 200 : 503, { healthy }));
    const states: string[] = [];
    const observer: IntegrationCallObserver = { call: () => undefined, breaker: (_id, state) => states.push(state) };
    const on = executor({ breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 100 }, observer });
    await run(on, 'call_endpoint', { endpoint: 'flaky' });
    await run(on, 'call_endpoint', { endpoint: 'flaky' });
    expect(states).toEqual(['open']);
    while (!states.includes('half_open')) await new Promise((resolve) => setTimeout(resolve, 25));
    healthy = true;
    expect(await run(on, 'call_endpoint', { endpoint: 'flaky' })).toMatchObject({ ok: true, result: { data: { healthy: true } } });
    expect(states).toEqual(['open', 'half_open', 'closed']);
  });

  it('refuses calls over the rate limit without calling the system', async () => {
    const on = executor({ rateLimit: { points: 2, durationSeconds: 60 } });
    expect(await run(on, 'product_search', { query: 'a' })).toMatchObject({ ok: true });
    expect(await run(on, 'product_search', { query: 'b' })).toMatchObject({ ok: true });
    const refused = await run(on, 'product_search', { query: 'c' });
    expect(refused).toMatchObject({ ok: false, failure: 'rate_limited' });
    expect(shop.hits('/api/products')).toBe(2);
    // A cached answer is not a call: it is still served.
    expect(await run(on, 'product_search', { query: 'a' })).toMatchObject({ ok: true, cacheHit: true });
  });

  it('keeps working while Redis is down (no cache, in-memory rate limit)', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    try {
      const on = executor({ redis: down });
      expect(await run(on, 'product_search', { query: 'a' })).toMatchObject({ ok: true, cacheHit: false });
      expect(await run(on, 'product_search', { query: 'a' })).toMatchObject({ ok: true, cacheHit: false });
      expect(shop.hits('/api/products')).toBe(2);
    } finally {
      down.disconnect();
    }
  });

  it('fails a result that does not fit the tool schema as upstream_error, and never caches it', async () => {
    const on = executor();
    const shopify = { ...integration, kind: 'shopify' as const };
    scripted.answer = { products: [{ id: 1, title: null }] };
    scripted.calls = 0;
    const outcome = await run(on, 'product_search', { query: 'x' }, {}, shopify);
    expect(outcome).toMatchObject({ ok: false, failure: 'upstream_error' });
    expect(!outcome.ok && outcome.detail).toMatch(/^the answer does not map to a product_search result/);
    await run(on, 'product_search', { query: 'x' }, {}, shopify);
    expect(scripted.calls).toBe(2);
  });

  it('counts calls by kind, tool and outcome', async () => {
    const metrics = new ServiceMetrics('integrations-test');
    const on = executor({ observer: new IntegrationMetrics(metrics) });
    await run(on, 'product_search', { query: 'm' });
    await run(on, 'product_search', { query: 'm' });
    await run(on, 'order_status', { order_number: 'x' });
    const text = (await metrics.render()).body;
    expect(text).toContain('parley_integration_calls_total{kind="rest",tool="product_search",outcome="ok",service="integrations-test"} 1');
    expect(text).toContain(
      'parley_integration_calls_total{kind="rest",tool="product_search",outcome="cache_hit",service="integrations-test"} 1',
    );
    expect(text).toContain(
      'parley_integration_calls_total{kind="rest",tool="order_status",outcome="invalid_arguments",service="integrations-test"} 1',
    );
    expect(text).toContain('parley_integration_call_seconds_count{service="integrations-test",kind="rest",tool="product_search"} 1');
    expect(text).not.toContain('parley_integration_call_seconds_count{service="integrations-test",kind="rest",tool="order_status"}');
  });

  describe('testConnection', () => {
    it('says what it reached', async () => {
      const result = await executor().testConnection(integration);
      expect(result).toMatchObject({ ok: true });
      expect(result.detail).toMatch(new RegExp(`^reached ${shop.url.replace(/\./g, '\\.')} \\(HTTP 200\\) in \\d+ ms$`));
      expect(shop.requests[0].url).toBe('/api/ping');
    });

    it('says when the credentials are refused, without them', async () => {
      shop.route('GET', '/api/ping', (_req, res) => json(res, 401, {}));
      const result = await executor().testConnection(integration);
      expect(result).toMatchObject({ ok: false, failure: 'upstream_error', detail: 'the credentials were refused (HTTP 401)' });
    });

    it('says when the address is private', async () => {
      const strict = new IntegrationExecutor({
        connectors: new ConnectorRegistry([new RestConnector(new GuardedHttpTransport())]),
        redis,
        keyPrefix: prefix,
      });
      executors.push(strict);
      const result = await strict.testConnection(integration);
      expect(result).toMatchObject({ ok: false, failure: 'refused_target' });
      expect(result.detail).toBe('refused: the URL must not point at a non-public address (loopback)');
      expect(shop.requests).toHaveLength(0);
    });
  });
});
