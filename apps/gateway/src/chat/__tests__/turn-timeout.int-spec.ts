import { testEnvironment } from '@parley/testing';
import { ProvisioningResponder, type FakeKey } from '../../http/__tests__/support/provisioning-responder';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ChatResponder } from './support/chat-responder';
import { dataValues, readSse } from './support/sse-reader';
import { startTenantApi, tenantApiNamespace, type RunningTenantApi } from './support/tenant-api-test-app';

// When chat does not answer within CHAT_TURN_TIMEOUT_MS the gateway answers TIMEOUT (504, or
// an error frame once streaming) and tells chat to stop: chat.cancel.<turnId>, reason timeout.
jest.setTimeout(60_000);

let api: RunningTenantApi;
let provisioning: ProvisioningResponder;
let chat: ChatResponder;
let key: FakeKey;

beforeAll(async () => {
  const namespace = tenantApiNamespace('tto');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  chat = await ChatResponder.start(nats, namespace);
  key = await provisioning.addKey(provisioning.addTenant('active').id);
  api = await startTenantApi(testGatewayConfig(namespace, { CHAT_TURN_TIMEOUT_MS: '1000', RATE_LIMIT_PER_MINUTE: '10000' }), {
    sseHeartbeatMs: 200,
  });
});

afterAll(async () => {
  await api?.close();
  await chat?.close();
  await provisioning?.close();
});

async function token(): Promise<string> {
  const created = await fetch(`${api.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': key.key, 'content-type': 'application/json' },
    body: '{}',
  });
  return ((await created.json()) as { token: string }).token;
}

function chatRequest(sessionToken: string, accept: string) {
  return fetch(`${api.url}/api/v1/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sessionToken}`, accept, 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'wait-for-cancel' }),
  });
}

const cancelOf = (turnId: string) => chat.cancels.find((c) => c.turnId === turnId);

it('answers 504 problem+json in JSON mode and cancels the turn with reason timeout', async () => {
  const response = await chatRequest(await token(), 'application/json');
  expect(response.status).toBe(504);
  expect(await response.json()).toMatchObject({ code: 'TIMEOUT', status: 504 });
  const turnId = chat.turns.at(-1)!.turnId;
  for (let i = 0; i < 200 && !cancelOf(turnId); i++) await new Promise((r) => setTimeout(r, 20));
  expect(cancelOf(turnId)).toMatchObject({ reason: 'timeout' });
});

it('ends the stream with a TIMEOUT error frame and cancels the turn with reason timeout', async () => {
  const response = await chatRequest(await token(), 'text/event-stream');
  const frames = dataValues((await readSse(response)).events);
  expect(frames.map((f) => f.type)).toEqual(['token', 'error']);
  expect(frames[1].error).toMatchObject({ code: 'TIMEOUT', status: 504 });
  const turnId = chat.turns.at(-1)!.turnId;
  for (let i = 0; i < 200 && !cancelOf(turnId); i++) await new Promise((r) => setTimeout(r, 20));
  expect(cancelOf(turnId)).toMatchObject({ reason: 'timeout' });
});
