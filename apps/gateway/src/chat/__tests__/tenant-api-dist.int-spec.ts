import { execFileSync } from 'node:child_process';
import OpenAI from 'openai';
import { testEnvironment } from '@parley/testing';
import { freePort } from '../../http/__tests__/support/dist-gateway';
import { TEST_SIGNING_SECRET } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeKey } from '../../http/__tests__/support/provisioning-responder';
import { ANSWER_TOKENS, ChatResponder } from './support/chat-responder';
import { tenantApiNamespace } from './support/tenant-api-test-app';
import { GatewayProcess, REPO_ROOT } from './support/gateway-process';
import { dataValues, readSse } from './support/sse-reader';

// The tenant API in the gateway as production runs it (node apps/gateway/dist/main.js, built
// here): SSE chat, cancel on disconnect, the OpenAI SDK, and SIGTERM with a stream open.
jest.setTimeout(90_000);

let gateway: GatewayProcess;
let provisioning: ProvisioningResponder;
let chat: ChatResponder;
let key: FakeKey;
let url: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'apps/gateway'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const env = testEnvironment();
  const namespace = tenantApiNamespace('tdist');
  provisioning = await ProvisioningResponder.start(env.TEST_NATS_URL, namespace);
  chat = await ChatResponder.start(env.TEST_NATS_URL, namespace);
  key = await provisioning.addKey(provisioning.addTenant('active').id);
  const port = await freePort();
  gateway = new GatewayProcess({
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info', // the 'listening' line is info
    DATABASE_URL: env.TEST_DATABASE_URL,
    NATS_URL: env.TEST_NATS_URL,
    NATS_NAMESPACE: namespace,
    REDIS_URL: env.TEST_REDIS_URL,
    AUTH_SIGNING_KEYS: `k1:${TEST_SIGNING_SECRET}`,
    RATE_LIMIT_PER_MINUTE: '10000',
    SHUTDOWN_TIMEOUT_MS: '3000',
  });
  await gateway.listening();
  url = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  await gateway?.kill();
  await chat?.close();
  await provisioning?.close();
});

async function sessionToken(): Promise<string> {
  const created = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': key.key, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

function stream(token: string, message: string, signal?: AbortSignal) {
  return fetch(`${url}/api/v1/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
    signal,
  });
}

it('streams a chat turn as SSE frames', async () => {
  const response = await stream(await sessionToken(), 'urgent: leak');
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  expect(response.headers.get('x-request-id')).toBeTruthy();
  const frames = dataValues((await readSse(response)).events);
  // Token frames that reach the gateway together may go out as one SSE event.
  const types = frames.map((f) => f.type);
  expect(types).toEqual(['signal', ...types.slice(1, -1).map(() => 'token'), 'done']);
  expect(types.length).toBeGreaterThanOrEqual(3);
});

it('cancels the turn upstream when the browser goes away', async () => {
  const abort = new AbortController();
  const response = await stream(await sessionToken(), 'wait-for-cancel', abort.signal);
  await readSse(response, (events) => dataValues(events).some((f) => f.type === 'token')).catch(() => undefined);
  abort.abort();
  const turnId = chat.turns.at(-1)!.turnId;
  const deadline = Date.now() + 10_000;
  while (!chat.cancels.some((c) => c.turnId === turnId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(chat.cancels.find((c) => c.turnId === turnId)).toMatchObject({ reason: 'client_disconnected' });
});

it('serves the official OpenAI SDK, streamed and not', async () => {
  const client = new OpenAI({ apiKey: key.key, baseURL: `${url}/v1`, maxRetries: 0 });
  const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
  expect(completion.choices[0].message.content).toBe(ANSWER_TOKENS.join(''));
  let text = '';
  for await (const chunk of await client.chat.completions.create({
    model: 'm',
    messages: [{ role: 'user', content: 'hi' }],
    stream: true,
  })) {
    text += chunk.choices[0]?.delta.content ?? '';
  }
  expect(text).toBe(ANSWER_TOKENS.join(''));
});

it('on SIGTERM ends a stream still open after the drain time with an error frame, then exits 0', async () => {
  const response = await stream(await sessionToken(), 'wait-for-cancel');
  expect(response.status).toBe(200); // headers go out with the first frame: the turn is under way
  const reading = readSse(response);
  gateway.signal('SIGTERM');
  const frames = dataValues((await reading).events);
  expect(frames.map((f) => f.type)).toEqual(['token', 'error']);
  expect(frames[1].error).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
  expect(await gateway.exited).toBe(0);
});
