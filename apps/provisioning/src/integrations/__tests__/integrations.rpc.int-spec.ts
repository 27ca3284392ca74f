import { randomBytes, randomUUID } from 'node:crypto';
import {
  IntegrationCreateRpc,
  IntegrationDeleteRpc,
  IntegrationGetRpc,
  IntegrationListRpc,
  IntegrationTestRpc,
  IntegrationUpdateRpc,
  TenantCreateRpc,
  TenantToolListRpc,
  TenantToolPutRpc,
  ToolCatalogListRpc,
  ToolCatalogPutRpc,
  BUILTIN_TOOL_KEYS,
  type Actor,
} from '@parley/contracts';
import { IntegrationCredentials } from '@parley/auth';
import { startFakeShopify, type FakeShopify } from '@parley/testing';
import { rejection, startProvisioning, type ProvisioningTestApp } from '../../__tests__/provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };
const admin: Actor = { type: 'tenant_user', id: randomUUID() };
const keys = new Map([['k1', randomBytes(32)]]);
const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';

const shopify = (name = 'Main shop') => ({
  kind: 'shopify' as const,
  name,
  baseUrl: 'https://bobs-gadgets.myshopify.com',
  auth: { type: 'api_key' as const, header: 'X-Shopify-Access-Token', value: TOKEN },
});

const restApi = {
  kind: 'rest' as const,
  name: 'Bookings API',
  baseUrl: 'https://api.bobs.example',
  auth: { type: 'bearer' as const, token: 'rest-token-secret-1' },
  endpoints: [
    {
      name: 'hours',
      serves: 'store_hours' as const,
      path: '/v1/hours',
      query: { date: '{date}' },
      response: { root: 'data', fields: { weekday: 'day', opens: 'open', closes: 'close' } },
    },
    { name: 'warranty', path: '/v1/warranty/{serial}' },
  ],
};

describe('provisioning tools and integrations RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  let bare: ProvisioningTestApp;
  let tenantId: string;
  let otherId: string;

  const createTenant = async (name: string) =>
    (
      await t.rpc.request(TenantCreateRpc, {
        version: 1,
        actor: owner,
        displayName: name,
        slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
        kind: 'shop',
        timezone: 'Europe/London',
        domain: null,
      })
    ).tenant.id;
  const create = (id: string, integration: Record<string, unknown>, app = t) =>
    app.rpc.request(IntegrationCreateRpc, {
      version: 1,
      actor: admin,
      tenantId: id,
      integration: integration as never,
    });
  const putTool = (id: string, toolKey: string, body: { enabled?: boolean; integrationId?: string | null; settings?: object }) =>
    t.rpc.request(TenantToolPutRpc, {
      version: 1,
      actor: admin,
      tenantId: id,
      toolKey,
      enabled: body.enabled ?? true,
      integrationId: body.integrationId ?? null,
      settings: (body.settings ?? {}) as never,
    });

  beforeAll(async () => {
    t = await startProvisioning({ integrations: { secretKeys: keys, activeKid: 'k1', allowPrivateTargets: false, production: false } });
    bare = await startProvisioning();
    tenantId = await createTenant('Gadgets');
    otherId = await createTenant('Other');
  });
  afterAll(async () => {
    await t.close();
    await bare.close();
  });

  it('keeps the built-in tools in the catalogue with their JSON Schema parameters', async () => {
    const { items } = await t.rpc.request(ToolCatalogListRpc, { version: 1, includeDisabled: true });
    const builtins = items.filter((i) => i.kind === 'builtin');
    expect(builtins.map((i) => i.key).sort()).toEqual([...BUILTIN_TOOL_KEYS].sort());
    const order = builtins.find((i) => i.key === 'order_status');
    expect(order).toMatchObject({ category: 'orders', integrationKinds: expect.arrayContaining(['shopify', 'woocommerce']) });
    expect(order?.parameters).toMatchObject({ type: 'object', required: ['order_number'] });
  });

  it('stores credentials sealed and bound to the row, and never shows them', async () => {
    const { integration } = await create(tenantId, shopify());
    expect(integration).toMatchObject({
      kind: 'shopify',
      status: 'active',
      auth: { type: 'api_key', header: 'X-Shopify-Access-Token' },
      config: { apiVersion: '2025-07' },
      lastTest: null,
    });
    expect(JSON.stringify(integration)).not.toContain(TOKEN);
    const row = (
      await t.owner.query('SELECT config, credentials_ciphertext, credentials_key_id FROM integrations WHERE id = $1', [integration.id])
    ).rows[0];
    expect(Buffer.from(row.credentials_ciphertext).toString('latin1')).not.toContain(TOKEN);
    expect(JSON.stringify(row.config)).not.toContain(TOKEN);
    const credentials = new IntegrationCredentials({ secretKeys: keys, activeKid: 'k1' });
    const opened = credentials.open({ ciphertext: row.credentials_ciphertext, keyId: row.credentials_key_id }, integration.id);
    expect(opened).toEqual(shopify().auth);
    expect(() => credentials.open({ ciphertext: row.credentials_ciphertext, keyId: 'k1' }, randomUUID())).toThrow();
    const audit = await t.owner.query(`SELECT data FROM audit_log WHERE target_id = $1 AND action = 'integration.created'`, [
      integration.id,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0].data)).not.toContain(TOKEN);
    const events = await t.owner.query(`SELECT payload FROM outbox WHERE subject = $1`, [`evt.tenant.updated.${tenantId}`]);
    expect(events.rows.map((r) => r.payload.changedFields)).toContainEqual(['integrations', `integration:${integration.id}`]);
  });

  it('refuses invalid integrations field by field and changes nothing', async () => {
    const before = (await t.rpc.request(IntegrationListRpc, { version: 1, tenantId })).items.length;
    const wrongAuth = await rejection(create(tenantId, { ...shopify('x'), auth: { type: 'bearer', token: 'abc' } }));
    expect(wrongAuth.code).toBe('VALIDATION');
    const privateTarget = await rejection(create(tenantId, { ...shopify('y'), baseUrl: 'http://127.0.0.1:8080' }));
    expect(privateTarget).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'baseUrl' }] } });
    const metadata = await rejection(create(tenantId, { ...restApi, name: 'z', baseUrl: 'http://169.254.169.254/latest' }));
    expect(metadata.code).toBe('VALIDATION');
    const dupEndpoints = await rejection(
      create(tenantId, { ...restApi, name: 'dup', endpoints: [restApi.endpoints[1], restApi.endpoints[1]] }),
    );
    expect(dupEndpoints).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'endpoints.1.name' }] } });
    const dupName = await rejection(create(tenantId, shopify()));
    expect(dupName.code).toBe('CONFLICT');
    const noKeys = await rejection(create(tenantId, shopify('no keys'), bare));
    expect(noKeys.code).toBe('UNAVAILABLE');
    expect((await t.rpc.request(IntegrationListRpc, { version: 1, tenantId })).items).toHaveLength(before);
  });

  it('updates without the credentials (they are kept), or replaces them', async () => {
    const { integration } = await create(tenantId, restApi);
    const renamed = await t.rpc.request(IntegrationUpdateRpc, {
      version: 1,
      actor: admin,
      tenantId,
      integrationId: integration.id,
      patch: { name: 'Bookings', status: 'disabled' },
    });
    expect(renamed.integration).toMatchObject({ name: 'Bookings', status: 'disabled', auth: { type: 'bearer' } });
    expect(renamed.integration.endpoints.map((e) => e.name)).toEqual(['hours', 'warranty']);
    const credentials = new IntegrationCredentials({ secretKeys: keys, activeKid: 'k1' });
    const sealed = async () =>
      (await t.owner.query('SELECT credentials_ciphertext, credentials_key_id FROM integrations WHERE id = $1', [integration.id])).rows[0];
    const kept = await sealed();
    expect(credentials.open({ ciphertext: kept.credentials_ciphertext, keyId: kept.credentials_key_id }, integration.id)).toEqual(
      restApi.auth,
    );
    await t.rpc.request(IntegrationUpdateRpc, {
      version: 1,
      actor: admin,
      tenantId,
      integrationId: integration.id,
      patch: { auth: { type: 'basic', username: 'bob', password: 'new-password' } },
    });
    const replaced = await sealed();
    expect(credentials.open({ ciphertext: replaced.credentials_ciphertext, keyId: replaced.credentials_key_id }, integration.id)).toEqual({
      type: 'basic',
      username: 'bob',
      password: 'new-password',
    });
    const bad = await rejection(
      t.rpc.request(IntegrationUpdateRpc, {
        version: 1,
        actor: admin,
        tenantId,
        integrationId: integration.id,
        patch: { endpoints: [{ name: 'x', path: 'no-slash' }] },
      }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'patch.endpoints.0.path' }] } });
  });

  it("never shows or changes another tenant's integration", async () => {
    const { integration } = await create(tenantId, shopify('Isolated'));
    expect((await t.rpc.request(IntegrationListRpc, { version: 1, tenantId: otherId })).items).toEqual([]);
    const got = await rejection(t.rpc.request(IntegrationGetRpc, { version: 1, tenantId: otherId, integrationId: integration.id }));
    expect(got.code).toBe('NOT_FOUND');
    const del = await rejection(
      t.rpc.request(IntegrationDeleteRpc, { version: 1, actor: admin, tenantId: otherId, integrationId: integration.id }),
    );
    expect(del.code).toBe('NOT_FOUND');
    const bind = await rejection(putTool(otherId, 'product_search', { integrationId: integration.id }));
    expect(bind).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'integrationId' }] } });
    expect((await t.rpc.request(IntegrationGetRpc, { version: 1, tenantId, integrationId: integration.id })).integration.name).toBe(
      'Isolated',
    );
  });

  it('binds tools to integrations that can serve them, and shows what is ready', async () => {
    const shop = (await create(tenantId, shopify('Tools shop'))).integration;
    const api = (await create(tenantId, { ...restApi, name: 'Tools API' })).integration;
    expect((await putTool(tenantId, 'product_search', { integrationId: shop.id })).tool.status).toBe('ready');
    const kind = await rejection(putTool(tenantId, 'store_hours', { integrationId: shop.id }));
    expect(kind).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'integrationId' }] } });
    expect((await putTool(tenantId, 'store_hours', { integrationId: api.id })).tool.status).toBe('ready');
    const noEndpoint = await rejection(putTool(tenantId, 'product_details', { integrationId: api.id }));
    expect(noEndpoint).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'settings.endpoint' }] } });
    const missing = await rejection(putTool(tenantId, 'product_details', { integrationId: api.id, settings: { endpoint: 'nope' } }));
    expect(missing.code).toBe('VALIDATION');
    expect((await putTool(tenantId, 'order_status', { integrationId: null })).tool.status).toBe('needs_integration');
    const badZone = await rejection(
      putTool(otherId, 'store_hours', { settings: { timezone: 'Mars/Olympus', hours: [{ weekday: 1, opens: '09:00', closes: '17:00' }] } }),
    );
    expect(badZone).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'settings.timezone' }] } });
    const hours = await putTool(otherId, 'store_hours', {
      settings: { timezone: 'Europe/London', hours: [{ weekday: 1, opens: '09:00', closes: '17:00' }] },
    });
    expect(hours.tool.status).toBe('ready');

    await t.rpc.request(IntegrationDeleteRpc, { version: 1, actor: admin, tenantId, integrationId: shop.id });
    const { items } = await t.rpc.request(TenantToolListRpc, { version: 1, tenantId });
    const byKey = Object.fromEntries(items.map((i) => [i.tool.key, i.status]));
    expect(byKey).toMatchObject({ product_search: 'needs_integration', store_hours: 'ready', order_status: 'needs_integration' });
    expect(byKey.shipment_tracking).toBe('disabled');
    const other = await t.rpc.request(TenantToolListRpc, { version: 1, tenantId: otherId });
    expect(other.items.filter((i) => i.status !== 'disabled').map((i) => i.tool.key)).toEqual(['store_hours']);
  });

  it('lets the owner add custom tools, and keeps the shape of built-in ones', async () => {
    const key = `check_warranty_${randomBytes(3).toString('hex')}`;
    const created = await t.rpc.request(ToolCatalogPutRpc, {
      version: 1,
      actor: owner,
      key,
      name: 'Warranty check',
      description: 'Is a serial number still under warranty?',
      parameters: {
        type: 'object',
        properties: { serial: { type: 'string', maxLength: 40 } },
        required: ['serial'],
        additionalProperties: false,
      },
      enabled: true,
    });
    expect(created).toMatchObject({ created: true, tool: { kind: 'custom', integrationKinds: ['rest'], category: 'custom' } });
    const shapeChange = await rejection(
      t.rpc.request(ToolCatalogPutRpc, {
        version: 1,
        actor: owner,
        key: 'product_search',
        name: 'Product search',
        description: 'x',
        integrationKinds: ['rest'],
        enabled: true,
      }),
    );
    expect(shapeChange.code).toBe('VALIDATION');
    const wrongKind = await rejection(
      t.rpc.request(ToolCatalogPutRpc, {
        version: 1,
        actor: owner,
        key: `${key}_2`,
        name: 'x',
        description: 'x',
        integrationKinds: ['shopify'],
        parameters: { type: 'object', properties: {}, required: [], additionalProperties: false },
        enabled: true,
      }),
    );
    expect(wrongKind.code).toBe('VALIDATION');
    const api = (await create(tenantId, { ...restApi, name: `Custom ${key}` })).integration;
    const unnamed = await rejection(putTool(tenantId, key, { integrationId: api.id }));
    expect(unnamed.code).toBe('VALIDATION');
    expect((await putTool(tenantId, key, { integrationId: api.id, settings: { endpoint: 'warranty' } })).tool.status).toBe('ready');
  });
});

describe('provisioning connection tests', () => {
  let local: ProvisioningTestApp;
  let shop: FakeShopify;
  let tenantId: string;

  beforeAll(async () => {
    local = await startProvisioning({ integrations: { secretKeys: keys, activeKid: 'k1', allowPrivateTargets: true, production: false } });
    shop = await startFakeShopify();
    tenantId = (
      await local.rpc.request(TenantCreateRpc, {
        version: 1,
        actor: owner,
        displayName: 'Probe shop',
        slug: `probe-${randomUUID().slice(0, 8)}`,
        kind: 'shop',
        timezone: 'Europe/London',
        domain: null,
      })
    ).tenant.id;
  });
  afterAll(async () => {
    await local.close();
    await shop.close();
  });

  const connect = async (token: string, name: string) =>
    (
      await local.rpc.request(IntegrationCreateRpc, {
        version: 1,
        actor: admin,
        tenantId,
        integration: {
          kind: 'shopify',
          name,
          baseUrl: shop.url,
          auth: { type: 'api_key', header: 'X-Shopify-Access-Token', value: token },
        },
      })
    ).integration;
  const test = (integrationId: string) => local.rpc.request(IntegrationTestRpc, { version: 1, actor: admin, tenantId, integrationId });

  it('reaches the shop with the stored token and keeps the result', async () => {
    const integration = await connect(shop.accessToken, 'Good token');
    const { result } = await test(integration.id);
    expect(result).toMatchObject({ ok: true });
    const got = await local.rpc.request(IntegrationGetRpc, { version: 1, tenantId, integrationId: integration.id });
    expect(got.integration.lastTest).toEqual(result);
    expect(shop.state.requests.filter((r) => r.status === 200).length).toBeGreaterThan(0);
  });

  it('says the credentials were refused, without the secret', async () => {
    const integration = await connect('shpat_wrong_token_value_123', 'Bad token');
    const { result } = await test(integration.id);
    expect(result).toMatchObject({ ok: false, failure: 'upstream_error' });
    expect(result.detail).not.toContain('shpat_wrong_token_value_123');
  });

  it('says the shop is down when it answers 500', async () => {
    const integration = await connect(shop.accessToken, 'Down');
    shop.state.faults.serverErrorNext = 5;
    try {
      const { result } = await test(integration.id);
      expect(result).toMatchObject({ ok: false, failure: 'upstream_error' });
      expect(result.detail).toContain('Shopify failed (500)');
      // Kept as the integration's last test, so the console shows why it is failing.
      const got = await local.rpc.request(IntegrationGetRpc, { version: 1, tenantId, integrationId: integration.id });
      expect(got.integration.lastTest).toEqual(result);
    } finally {
      shop.reset();
    }
  });

  it("cannot test another tenant's integration", async () => {
    const integration = await connect(shop.accessToken, 'Mine');
    const other = await rejection(
      local.rpc.request(IntegrationTestRpc, { version: 1, actor: admin, tenantId: randomUUID(), integrationId: integration.id }),
    );
    expect(other.code).toBe('NOT_FOUND');
  });
});
