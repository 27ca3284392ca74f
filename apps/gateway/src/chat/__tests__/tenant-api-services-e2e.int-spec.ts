import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import { TenantCreateRpc } from '@parley/contracts';
import { NatsClient, RpcClient } from '@parley/messaging';
import { testEnvironment } from '@parley/testing';
import { freePort } from '../../http/__tests__/support/dist-gateway';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { GatewayProcess, REPO_ROOT } from './support/gateway-process';
import { dataValues, readSse } from './support/sse-reader';
import { startTenantApi, tenantApiNamespace, type RunningTenantApi } from './support/tenant-api-test-app';

// The tenant API with nothing faked: the real provisioning (API keys, tenant config,
// knowledge) and chat (offline responder, no model) services, started from their dist. A
// tenant is created as the owner would (TenantCreateRpc), uploads its knowledge through the
// gateway, and a visitor gets an answer grounded in it over SSE. Another tenant sees nothing.
jest.setTimeout(150_000);

const PRICES = '# Prices\n\nA standard call-out costs 80 GBP, including the first hour of work.\n';

let provisioning: GatewayProcess;
let chat: GatewayProcess;
let api: RunningTenantApi;
let nats: NatsClient;
let keyA: string;
let keyB: string;

function serviceEnv(namespace: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const env = testEnvironment();
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATABASE_URL: env.TEST_DATABASE_URL,
    NATS_URL: env.TEST_NATS_URL,
    NATS_NAMESPACE: namespace,
    REDIS_URL: env.TEST_REDIS_URL,
    ...extra,
  };
}

async function createTenant(rpc: RpcClient, name: string): Promise<string> {
  const created = await rpc.request(TenantCreateRpc, {
    version: 1,
    actor: { type: 'owner', id: null },
    displayName: name,
    slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
    kind: 'plumber',
    timezone: 'Europe/London',
    domain: `https://${name.toLowerCase()}.example`,
  });
  return created.apiKey.key;
}

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [
      'scripts/build.mjs',
      'apps/provisioning',
      'apps/chat',
      'libs/contracts',
      'libs/messaging',
      'libs/persistence',
      'libs/auth',
      'libs/llm',
      'libs/signals',
      'libs/runtime',
      'libs/observability',
    ],
    { cwd: REPO_ROOT, stdio: 'pipe' },
  );
  const env = testEnvironment();
  const namespace = tenantApiNamespace('full');
  provisioning = new GatewayProcess(serviceEnv(namespace, await freePort(), { BCRYPT_COST: '4' }), 'provisioning');
  chat = new GatewayProcess(serviceEnv(namespace, await freePort()), 'chat');
  await Promise.all([provisioning.listening(90_000), chat.listening(90_000)]);
  nats = await NatsClient.connect({ url: env.TEST_NATS_URL, name: 'tenant-api-e2e', namespace });
  const rpc = new RpcClient(nats, { timeoutMs: 20_000 });
  keyA = await createTenant(rpc, 'Plumbco');
  keyB = await createTenant(rpc, 'Othercorp');
  api = await startTenantApi(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000', CHAT_TURN_TIMEOUT_MS: '30000' }));
}, 150_000);

afterAll(async () => {
  await api?.close();
  await nats?.drain().catch(() => undefined);
  await chat?.kill();
  await provisioning?.kill();
});

async function post(path: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { items?: Array<Record<string, unknown>> } };
}

it('answers a visitor over SSE from the knowledge the tenant uploaded, with no model at all', async () => {
  const upload = await post('/api/v1/knowledge/documents', { 'x-api-key': keyA }, { title: 'Prices', format: 'markdown', content: PRICES });
  expect(upload.status).toBe(201);
  const found = await post('/api/v1/knowledge/search', { 'x-api-key': keyA }, { query: 'call-out cost' });
  expect(found.body.items!.map((hit) => hit.title)).toContain('Prices');
  expect((await post('/api/v1/knowledge/search', { 'x-api-key': keyB }, { query: 'call-out cost' })).body.items).toEqual([]);

  const created = await post('/api/v1/sessions', { 'x-api-key': keyA }, { externalUserId: 'visitor-7' });
  expect(created.status).toBe(201);
  const token = created.body.token as string;
  const response = await fetch(`${api.url}/api/v1/chat`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      'content-type': 'application/json',
      origin: 'https://plumbco.example',
    },
    body: JSON.stringify({ message: 'How much does a call-out cost?' }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('https://plumbco.example');
  const frames = dataValues((await readSse(response)).events);
  const answer = frames
    .filter((f) => f.type === 'token')
    .map((f) => f.content)
    .join('');
  expect(answer).toContain('80 GBP');
  expect(frames.at(-1)).toMatchObject({ type: 'done', usage: expect.objectContaining({ provider: 'offline' }) });

  const sessionId = (created.body.session as { id: string }).id;
  const history = await fetch(`${api.url}/api/v1/chat/history?session_id=${sessionId}`, { headers: { 'x-api-key': keyA } });
  expect(((await history.json()) as { items: unknown[] }).items).toHaveLength(2);
  const foreign = await fetch(`${api.url}/api/v1/chat/history?session_id=${sessionId}`, { headers: { 'x-api-key': keyB } });
  expect(foreign.status).toBe(404);
});

it("serves the OpenAI SDK with the tenant's knowledge", async () => {
  const client = new OpenAI({ apiKey: keyA, baseURL: `${api.url}/v1`, maxRetries: 0 });
  const completion = await client.chat.completions.create({
    model: 'parley',
    messages: [{ role: 'user', content: 'What is the call-out price?' }],
  });
  expect(completion.choices[0].message.content).toContain('80 GBP');
});
