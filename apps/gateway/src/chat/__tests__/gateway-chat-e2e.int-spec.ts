import { execFileSync } from 'node:child_process';
import OpenAI from 'openai';
import pg from 'pg';
import { DEFAULT_TENANT_CONFIG } from '@parley/contracts';
import { createTenant, startMockLlm, testEnvironment, type MockLlm } from '@parley/testing';
import { freePort } from '../../http/__tests__/support/dist-gateway';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeKey } from '../../http/__tests__/support/provisioning-responder';
import { GatewayProcess, REPO_ROOT } from './support/gateway-process';
import { dataValues, readSse } from './support/sse-reader';
import { startTenantApi, tenantApiNamespace, type RunningTenantApi } from './support/tenant-api-test-app';

// The tenant API against the real chat service (built, started from apps/chat/dist) with the
// mock OpenAI-compatible server as its model: sessions, a streamed turn, history, feedback,
// the OpenAI SDK, and a disconnect that stops the generation and stores the partial answer.
// Provisioning's lookups (API key, tenant config) are test-owned.
jest.setTimeout(120_000);

let chatProcess: GatewayProcess;
let api: RunningTenantApi;
let provisioning: ProvisioningResponder;
let mock: MockLlm;
let owner: pg.Pool;
let key: FakeKey;
let tenantId: string;

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [
      'scripts/build.mjs',
      'apps/chat',
      'libs/contracts',
      'libs/messaging',
      'libs/persistence',
      'libs/llm',
      'libs/signals',
      'libs/runtime',
      'libs/observability',
    ],
    {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    },
  );
  const env = testEnvironment();
  const namespace = tenantApiNamespace('e2e');
  mock = await startMockLlm();
  owner = new pg.Pool({ connectionString: env.TEST_DATABASE_OWNER_URL, max: 2 });
  tenantId = (await createTenant(owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
  provisioning = await ProvisioningResponder.start(env.TEST_NATS_URL, namespace);
  provisioning.tenants.set(tenantId, { id: tenantId, status: 'active', config: DEFAULT_TENANT_CONFIG });
  key = await provisioning.addKey(tenantId);
  chatProcess = new GatewayProcess(
    {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      DATABASE_URL: env.TEST_DATABASE_URL,
      NATS_URL: env.TEST_NATS_URL,
      NATS_NAMESPACE: namespace,
      REDIS_URL: env.TEST_REDIS_URL,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: mock.url,
    },
    'chat',
  );
  await chatProcess.listening(60_000);
  api = await startTenantApi(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000', CHAT_TURN_TIMEOUT_MS: '30000' }));
}, 120_000);

afterAll(async () => {
  await api?.close();
  await chatProcess?.kill();
  await provisioning?.close();
  await owner?.end();
  await mock?.close();
});

afterEach(() => mock.reset());

async function session(): Promise<{ id: string; token: string }> {
  const created = await fetch(`${api.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': key.key, 'content-type': 'application/json' },
    body: '{"externalUserId":"cust-1"}',
  });
  expect(created.status).toBe(201);
  const body = (await created.json()) as { session: { id: string }; token: string };
  return { id: body.session.id, token: body.token };
}

function chat(token: string, message: string, signal?: AbortSignal) {
  return fetch(`${api.url}/api/v1/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
    signal,
  });
}

it('streams a turn from the real chat service, then serves its history and takes feedback', async () => {
  const visitor = await session();
  mock.enqueue({ type: 'text', text: 'We can be there within the hour.' });
  const frames = dataValues((await readSse(await chat(visitor.token, 'my pipe burst and the kitchen is flooding'))).events);
  const done = frames.at(-1)!;
  expect(done).toMatchObject({ type: 'done', message_id: expect.any(String), usage: expect.objectContaining({ provider: 'openai' }) });
  expect(
    frames
      .filter((f) => f.type === 'token')
      .map((f) => f.content)
      .join(''),
  ).toBe('We can be there within the hour.');
  expect(frames.filter((f) => f.type === 'done' || f.type === 'error')).toHaveLength(1);

  const history = await fetch(`${api.url}/api/v1/chat/history`, { headers: { authorization: `Bearer ${visitor.token}` } });
  const page = (await history.json()) as { items: Array<{ role: string; content: string; id: string }> };
  expect(page.items.map((m) => m.role)).toEqual(['user', 'assistant']);
  expect(page.items[1]).toMatchObject({ id: done.message_id, content: 'We can be there within the hour.' });

  const feedback = await fetch(`${api.url}/api/v1/chat/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ message_id: done.message_id, rating: 1 }),
  });
  expect(feedback.status).toBe(200);
  const other = await session();
  const foreign = await fetch(`${api.url}/api/v1/chat/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ message_id: done.message_id, rating: -1 }),
  });
  expect(foreign.status).toBe(404);
});

it('stops the generation when the browser goes away and stores the partial answer as interrupted', async () => {
  const visitor = await session();
  const slow = Array.from({ length: 40 }, (_, i) => `part${i}`).join(' ');
  mock.enqueue({ type: 'text', text: slow, latency: { interTokenDelayMs: 150 } });
  const abort = new AbortController();
  const response = await chat(visitor.token, 'Tell me everything', abort.signal);
  await readSse(response, (events) => dataValues(events).some((f) => f.type === 'token')).catch(() => undefined);
  abort.abort();
  const deadline = Date.now() + 20_000;
  let rows: Array<{ content: string; interrupted: boolean }> = [];
  while (rows.length === 0 && Date.now() < deadline) {
    ({ rows } = await owner.query("SELECT content, interrupted FROM chat_messages WHERE session_id = $1 AND role = 'assistant'", [
      visitor.id,
    ]));
    if (rows.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  expect(rows).toHaveLength(1);
  expect(rows[0].interrupted).toBe(true);
  expect(slow.startsWith(rows[0].content)).toBe(true);
  expect(rows[0].content.length).toBeLessThan(slow.length);
});

it('answers the official OpenAI SDK through the real chat service', async () => {
  const client = new OpenAI({ apiKey: key.key, baseURL: `${api.url}/v1`, maxRetries: 0 });
  mock.enqueue({ type: 'text', text: 'Yes, boilers too.' });
  const completion = await client.chat.completions.create({ model: 'any', messages: [{ role: 'user', content: 'Do you fix boilers?' }] });
  expect(completion.choices[0].message.content).toBe('Yes, boilers too.');
  mock.enqueue({ type: 'text', text: 'From 80 GBP.' });
  let text = '';
  const stream = await client.chat.completions.create({
    model: 'any',
    messages: [{ role: 'user', content: 'Price?' }],
    stream: true,
    user: 'cust-9',
  });
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).toBe('From 80 GBP.');
});
