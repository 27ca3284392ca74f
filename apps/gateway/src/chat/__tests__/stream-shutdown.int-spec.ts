import { testEnvironment } from '@parley/testing';
import { ProvisioningResponder } from '../../http/__tests__/support/provisioning-responder';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ChatResponder } from './support/chat-responder';
import { dataValues, readSse } from './support/sse-reader';
import { startTenantApi, tenantApiNamespace } from './support/tenant-api-test-app';

// Open SSE streams when the gateway shuts down: they get half of SHUTDOWN_TIMEOUT_MS to
// finish, then end with an UNAVAILABLE error frame, so app.close() never hangs on them.
jest.setTimeout(60_000);

let provisioning: ProvisioningResponder;
let chat: ChatResponder;
let namespace: string;

beforeAll(async () => {
  namespace = tenantApiNamespace('shut');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  chat = await ChatResponder.start(nats, namespace);
});

afterAll(async () => {
  await chat?.close();
  await provisioning?.close();
});

async function openStream(shutdownTimeoutMs: number, message: string) {
  const tenant = provisioning.addTenant('active');
  const key = await provisioning.addKey(tenant.id);
  const api = await startTenantApi(
    testGatewayConfig(namespace, { SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs), RATE_LIMIT_PER_MINUTE: '10000' }),
    { sseHeartbeatMs: 100 },
  );
  const created = await fetch(`${api.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': key.key, 'content-type': 'application/json' },
    body: '{}',
  });
  const { token } = (await created.json()) as { token: string };
  const response = await fetch(`${api.url}/api/v1/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(200);
  return { api, response };
}

describe('SSE streams at shutdown', () => {
  it('lets a stream that finishes within the drain time end normally', async () => {
    const { api, response } = await openStream(8000, 'slow-start');
    const closing = api.close();
    const frames = dataValues((await readSse(response)).events);
    await closing;
    expect(frames.at(-1)).toMatchObject({ type: 'done' });
  });

  it('ends a stream still running after the drain time with an UNAVAILABLE error frame', async () => {
    const { api, response } = await openStream(400, 'wait-for-cancel');
    const reading = readSse(response);
    await api.close();
    const frames = dataValues((await reading).events);
    expect(frames.map((f) => f.type)).toEqual(['token', 'error']);
    expect(frames[1].error).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
  });
});
