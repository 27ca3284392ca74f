import { UserTokens } from '@parley/auth';
import { testEnvironment } from '@parley/testing';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { startTenantApi, tenantApiNamespace, type RunningTenantApi } from '../../chat/__tests__/support/tenant-api-test-app';
import { ChatResponder } from '../../chat/__tests__/support/chat-responder';
import { KnowledgeResponder } from './support/knowledge-responder';

// The knowledge routes through the real auth guard and NATS, against a test-owned
// provisioning knowledge responder.
jest.setTimeout(60_000);

let api: RunningTenantApi;
let provisioning: ProvisioningResponder;
let knowledge: KnowledgeResponder;
let chat: ChatResponder;
let tenant: FakeTenant;
let other: FakeTenant;
let key: FakeKey;
let otherKey: FakeKey;
let adminToken: string;
let agentToken: string;
const adminId = '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a01';

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string | object } = {}) {
  const isText = typeof init.body === 'string';
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined || isText ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : isText ? (init.body as string) : JSON.stringify(init.body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are what the assertions check
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

const apiKey = (k: FakeKey) => ({ 'x-api-key': k.key });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  const namespace = tenantApiNamespace('know');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  knowledge = await KnowledgeResponder.start(nats, namespace);
  chat = await ChatResponder.start(nats, namespace);
  tenant = provisioning.addTenant('active');
  other = provisioning.addTenant('active');
  key = await provisioning.addKey(tenant.id);
  otherKey = await provisioning.addKey(other.id);
  api = await startTenantApi(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000' }));
  const users = api.app.get(UserTokens);
  adminToken = (await users.issueUserToken({ userId: adminId, role: 'tenant_admin', tenantId: tenant.id })).token;
  agentToken = (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a02', role: 'tenant_agent', tenantId: tenant.id }))
    .token;
});

afterAll(async () => {
  await api?.close();
  await chat?.close();
  await knowledge?.close();
  await provisioning?.close();
});

describe('knowledge routes', () => {
  it('uploads a JSON document with the API key (actor api_key) and replaces it on re-upload', async () => {
    const body = {
      title: 'Prices',
      format: 'markdown',
      content: '# Prices\nCall-out fee: 80 GBP',
      source_uri: 'https://plumber.example/prices',
    };
    const first = await call('/api/v1/knowledge/documents', { headers: apiKey(key), body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ document: { title: 'Prices', format: 'markdown', tenantId: tenant.id }, replaced: false });
    expect(knowledge.uploads.at(-1)).toEqual({
      version: 1,
      actor: { type: 'api_key', id: key.id },
      tenantId: tenant.id,
      title: 'Prices',
      format: 'markdown',
      content: body.content,
      sourceUri: body.source_uri,
    });
    const again = await call('/api/v1/knowledge/documents', { headers: apiKey(key), body: { ...body, content: 'Call-out fee: 90 GBP' } });
    expect(again.body).toMatchObject({ document: { id: first.body!.document.id }, replaced: true });
  });

  it('uploads a raw markdown or text body titled by the query (actor tenant_user for a tenant admin)', async () => {
    const markdown = await call('/api/v1/knowledge/documents?title=Opening%20hours', {
      headers: { ...bearer(adminToken), 'content-type': 'text/markdown; charset=utf-8' },
      body: '## Hours\nMon-Fri 8-18',
    });
    expect(markdown.status).toBe(201);
    expect(knowledge.uploads.at(-1)).toMatchObject({
      actor: { type: 'tenant_user', id: adminId },
      title: 'Opening hours',
      format: 'markdown',
      content: '## Hours\nMon-Fri 8-18',
    });
    const text = await call('/api/v1/knowledge/documents?title=Areas', {
      headers: { ...apiKey(key), 'content-type': 'text/plain' },
      body: 'We cover Leeds and York.',
    });
    expect(text.status).toBe(201);
    expect(knowledge.uploads.at(-1)).toMatchObject({ title: 'Areas', format: 'text' });
  });

  it('refuses bad uploads with 400 problem+json and sends nothing', async () => {
    const before = knowledge.uploads.length;
    const noTitle = await call('/api/v1/knowledge/documents', {
      headers: { ...apiKey(key), 'content-type': 'text/plain' },
      body: 'text without a title',
    });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body!.errors[0].path).toBe('title');
    const badFormat = await call('/api/v1/knowledge/documents', {
      headers: apiKey(key),
      body: { title: 'x', format: 'pdf', content: 'y' },
    });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body!.errors[0].path).toBe('format');
    const empty = await call('/api/v1/knowledge/documents', { headers: apiKey(key), body: { title: 'x', format: 'text', content: '' } });
    expect(empty.status).toBe(400);
    expect(knowledge.uploads.length).toBe(before);
  });

  it("lists documents by pages, searches and deletes; another tenant's document is 404", async () => {
    const page = await call('/api/v1/knowledge/documents?limit=1', { headers: apiKey(key) });
    expect(page.status).toBe(200);
    expect(page.body!.items).toHaveLength(1);
    expect(page.body!.next_cursor).toBe('1');
    const next = await call(`/api/v1/knowledge/documents?limit=1&cursor=${page.body!.next_cursor}`, { headers: bearer(adminToken) });
    expect(next.body!.items[0].id).not.toBe(page.body!.items[0].id);
    expect(knowledge.lists.at(-1)).toEqual({ version: 1, tenantId: tenant.id, limit: 1, cursor: '1' });

    const found = await call('/api/v1/knowledge/search', { headers: apiKey(key), body: { query: 'leeds', limit: 3 } });
    expect(found.status).toBe(200);
    expect(found.body!.items.map((h: { title: string }) => h.title)).toEqual(['Areas']);
    expect(knowledge.searches.at(-1)).toEqual({ version: 1, tenantId: tenant.id, query: 'leeds', limit: 3 });
    expect((await call('/api/v1/knowledge/search', { headers: apiKey(otherKey), body: { query: 'leeds' } })).body).toEqual({ items: [] });

    const id = found.body!.items[0].documentId;
    expect((await call(`/api/v1/knowledge/documents/${id}`, { method: 'DELETE', headers: apiKey(otherKey) })).status).toBe(404);
    const deleted = await call(`/api/v1/knowledge/documents/${id}`, { method: 'DELETE', headers: apiKey(key) });
    expect(deleted.body).toEqual({ document_id: id, deleted_chunks: 1 });
    expect(knowledge.deletes.at(-1)).toMatchObject({ actor: { type: 'api_key', id: key.id }, tenantId: tenant.id, documentId: id });
    expect((await call('/api/v1/knowledge/documents/not-a-uuid', { method: 'DELETE', headers: apiKey(key) })).status).toBe(400);
  });

  it('refuses a tenant agent and a session token with 403', async () => {
    expect((await call('/api/v1/knowledge/documents', { headers: bearer(agentToken) })).status).toBe(403);
    const session = await call('/api/v1/sessions', { headers: apiKey(key), body: {} });
    expect((await call('/api/v1/knowledge/search', { headers: bearer(session.body!.token), body: { query: 'x' } })).status).toBe(403);
  });
});
