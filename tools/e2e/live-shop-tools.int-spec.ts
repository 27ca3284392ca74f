import { randomBytes } from 'node:crypto';
import { startFakeShopify, type FakeShopify } from '@parley/testing';
import { buildPlatform, http, sseFrames, startPlatform, type Platform } from './platform';

// Issue 17 end to end through the gateway on the real services (offline responder): a tenant
// connects its Shopify shop (a local fake speaking the GraphQL Admin API), tests the connection,
// enables tools, and its visitors get stock and order answers from live data, then from the
// cache; the tool calls are logged; bad input is refused field by field; secrets never come back.
jest.setTimeout(240_000);

const namespace = `${process.env.TEST_RUN_ID}shop`;
const INTEGRATION_ENV = {
  INTEGRATION_SECRET_KEYS: `e2e1:${randomBytes(32).toString('base64')}`,
  INTEGRATION_ALLOW_PRIVATE_TARGETS: 'true',
};
let platform: Platform;
let shop: FakeShopify;
let api: (path: string) => string;
let ownerAuth: Record<string, string>;
let key: Record<string, string>;
let otherKey: Record<string, string>;

async function newTenant(name: string) {
  const slug = `${name}-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: { displayName: 'Gadget Corner', slug, kind: 'shop', timezone: 'Europe/London', domain: null },
  });
  expect(created.status).toBe(201);
  return { 'x-api-key': created.body.apiKey.key as string };
}

async function say(message: string, apiKey = key) {
  const session = await http(api('/api/v1/sessions'), { headers: apiKey, body: {} });
  const auth = { authorization: `Bearer ${session.body.token}` };
  const res = await http(api('/api/v1/chat'), { headers: { ...auth, accept: 'text/event-stream' }, body: { message } });
  expect(res.status).toBe(200);
  const frames = sseFrames(res.text);
  const text = frames.flatMap((f) => (f.type === 'token' ? [f.content as string] : [])).join('');
  return { text, frames, sessionId: session.body.session.id as string };
}

beforeAll(async () => {
  buildPlatform();
  shop = await startFakeShopify();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'gateway'], {
    provisioning: INTEGRATION_ENV,
    chat: INTEGRATION_ENV,
  });
  api = (path) => `${platform.gatewayUrl}${path}`;
  const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
  ownerAuth = { authorization: `Bearer ${login.body.token}` };
  key = await newTenant('gadgets');
  otherKey = await newTenant('other');
}, 230_000);

afterAll(async () => {
  await platform?.stop();
  await shop?.close();
});

describe('live shop data through the gateway', () => {
  let integrationId: string;

  it('refuses a bad integration field by field (snake_case paths) and stores nothing', async () => {
    const bad = await http(api('/api/v1/integrations'), {
      headers: key,
      body: { kind: 'shopify', name: 'Shop', base_url: 'not a url', auth: { type: 'bearer', token: 'x' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['base_url']));
    const list = await http(api('/api/v1/integrations'), { headers: key });
    expect(list.body.items).toEqual([]);
  });

  it('connects the shop without ever showing the token, and tests the connection', async () => {
    const created = await http(api('/api/v1/integrations'), {
      headers: key,
      body: {
        kind: 'shopify',
        name: 'Main shop',
        base_url: shop.url,
        config: { api_version: '2025-07' },
        auth: { type: 'api_key', header: 'X-Shopify-Access-Token', value: shop.accessToken },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.integration).toMatchObject({
      kind: 'shopify',
      base_url: shop.url,
      config: { api_version: '2025-07' },
      last_test: null,
    });
    expect(created.text).not.toContain(shop.accessToken);
    integrationId = created.body.integration.id;
    const test = await http(api(`/api/v1/integrations/${integrationId}/test`), { method: 'POST', headers: key });
    expect(test.status).toBe(200);
    expect(test.body.result).toMatchObject({ ok: true, latency_ms: expect.any(Number) });
    const got = await http(api(`/api/v1/integrations/${integrationId}`), { headers: key });
    expect(got.body.integration.last_test).toMatchObject({ ok: true });
    expect(got.text).not.toContain(shop.accessToken);
    const theirs = await http(api(`/api/v1/integrations/${integrationId}`), { headers: otherKey });
    expect(theirs.status).toBe(404);
  });

  it('enables the shop tools for the tenant only', async () => {
    for (const tool of ['product_search', 'order_status']) {
      const put = await http(api(`/api/v1/tools/${tool}`), {
        method: 'PUT',
        headers: key,
        body: { enabled: true, integration_id: integrationId },
      });
      expect(put.status).toBe(200);
      expect(put.body.tool).toMatchObject({ status: 'ready', integration_id: integrationId, tool: { key: tool } });
    }
    const wrong = await http(api('/api/v1/tools/store_hours'), {
      method: 'PUT',
      headers: key,
      body: { enabled: true, integration_id: integrationId },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('integration_id');
    const foreign = await http(api('/api/v1/tools/product_search'), {
      method: 'PUT',
      headers: otherKey,
      body: { enabled: true, integration_id: integrationId },
    });
    expect(foreign.status).toBe(400);
    const list = await http(api('/api/v1/tools'), { headers: key });
    const ready = list.body.items.filter((t: { status: string }) => t.status === 'ready').map((t: { tool: { key: string } }) => t.tool.key);
    expect(ready.sort()).toEqual(['order_status', 'product_search']);
  });

  it('lets the owner add a custom tool that a tenant enables (needs an integration to be ready)', async () => {
    const created = await http(api('/api/v1/admin/tools/warranty_check'), {
      method: 'PUT',
      headers: ownerAuth,
      body: {
        name: 'Warranty check',
        description: 'Is a serial number under warranty?',
        parameters: { type: 'object', properties: { serial: { type: 'string', maxLength: 40 } }, required: ['serial'] },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ created: true, tool: { key: 'warranty_check', kind: 'custom', integration_kinds: ['rest'] } });
    const enabled = await http(api('/api/v1/tools/warranty_check'), { method: 'PUT', headers: otherKey, body: { enabled: true } });
    expect(enabled.status).toBe(200);
    expect(enabled.body.tool).toMatchObject({ status: 'needs_integration', integration_id: null });
    const notOwner = await http(api('/api/v1/admin/tools/warranty_check'), {
      method: 'PUT',
      headers: key,
      body: { name: 'x', description: 'y' },
    });
    expect(notOwner.status).toBe(403);
  });

  it('answers a stock question from the shop, then from the cache, and logs both calls', async () => {
    const first = await say('Do you have the iPhone 15 in stock?');
    expect(first.text).toContain('799.00');
    expect(first.frames.filter((f) => f.type === 'tool').map((f) => (f.tool as { phase: string }).phase)).toEqual(['started', 'finished']);
    const calls = shop.state.requests.length;
    const second = await say('Do you have the iPhone 15 in stock?');
    expect(second.text).toContain('799.00');
    expect(shop.state.requests.length).toBe(calls);
    const log = await http(api('/api/v1/tool-executions?limit=10'), { headers: key });
    expect(log.status).toBe(200);
    expect(log.body.items.slice(0, 2).map((e: { cache_hit: boolean }) => e.cache_hit)).toEqual([true, false]);
    expect((await http(api('/api/v1/tool-executions'), { headers: otherKey })).body.items).toEqual([]);
    const badQuery = await http(api('/api/v1/tool-executions?limit=1000'), { headers: key });
    expect(badQuery.status).toBe(400);
  });

  it('answers order status only with the matching email, and stays graceful when the shop is down', async () => {
    const status = await say('Where is my order #1001? My email is alice@example.com');
    expect(status.text).toMatch(/1001/);
    expect(status.text).toMatch(/shipped|delivered/);
    const wrong = await say('Where is my order #1001? My email is mallory@example.com');
    expect(wrong.text).toMatch(/couldn't find order/);
    shop.state.faults.serverErrorNext = 20;
    const down = await say('Do you have the Pixel 8 Pro in stock?');
    expect(down.text).toMatch(/can't reach|try again/i);
    shop.reset();
  });
});
