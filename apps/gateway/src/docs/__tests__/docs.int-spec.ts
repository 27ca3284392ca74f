import { execFileSync } from 'node:child_process';
import { testEnvironment } from '@parley/testing';
import { DistGateway, freePort, REPO_ROOT } from '../../http/__tests__/support/dist-gateway';
import { TEST_SIGNING_SECRET, testNamespace } from '../../http/__tests__/support/gateway-test-app';

// The gateway as production runs it (node apps/gateway/dist/main.js): GET /docs and its JSON
// document, problem+json rendered by the gateway's own filter, and the start-up check of the
// auth variables. Swagger UI cannot be loaded inside Jest (an ESM dependency of @fastify/static).
jest.setTimeout(90_000);

interface OpenApi {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; security?: unknown[] }>
  >;
  components: { securitySchemes: Record<string, unknown>; schemas?: Record<string, unknown> };
}

const started: DistGateway[] = [];
let url: string;

function gatewayEnv(port: number, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env = testEnvironment();
  const all: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: env.TEST_DATABASE_URL,
    NATS_URL: env.TEST_NATS_URL,
    NATS_NAMESPACE: testNamespace('dist'),
    REDIS_URL: env.TEST_REDIS_URL,
    AUTH_SIGNING_KEYS: `k1:${TEST_SIGNING_SECRET}`,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'apps/gateway'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const port = await freePort();
  const proc = new DistGateway(gatewayEnv(port, { LOG_LEVEL: 'info' }));
  started.push(proc);
  await proc.listening();
  url = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  await Promise.all(started.map((proc) => proc.kill()));
});

it('serves the Swagger UI at /docs', async () => {
  const response = await fetch(`${url}/docs`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(await response.text()).toContain('swagger-ui');
  const asset = await fetch(`${url}/docs/swagger-ui.css`);
  expect(asset.status).toBe(200);
  await asset.text();
});

it('describes the routes, their bodies and credentials in /docs/openapi.json', async () => {
  const response = await fetch(`${url}/docs/openapi.json`);
  expect(response.status).toBe(200);
  const document = (await response.json()) as OpenApi;
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/auth/login',
      '/api/v1/admin/tenants',
      '/api/v1/admin/tenants/{id}/keys/rotate',
      '/api/v1/users',
      '/api/v1/sessions',
      '/api/v1/chat',
      '/v1/chat/completions',
    ]),
  );
  expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['api_key', 'bearer']);
  const everything = JSON.stringify(document);
  expect(everything).toContain('"password"');
  expect(everything).toContain('"graceSeconds"');
  expect(document.paths['/api/v1/admin/tenants'].get.security).toEqual([{ bearer: [] }]);
});

it('renders its own problem types in the production module layout', async () => {
  const response = await fetch(`${url}/api/v1/admin/tenants`);
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ type: 'urn:parley:problem:missing-credentials' });
  const invalid = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"email":',
  });
  expect(await invalid.json()).toMatchObject({ status: 400, type: 'urn:parley:problem:invalid-json' });
  const tooLarge = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(1_100_000) }),
  });
  expect(tooLarge.status).toBe(413);
  expect(await tooLarge.json()).toMatchObject({ type: 'urn:parley:problem:payload-too-large' });
});

it('refuses to start without signing keys, naming the variable on one line', async () => {
  const proc = new DistGateway(gatewayEnv(await freePort(), { AUTH_SIGNING_KEYS: undefined }));
  started.push(proc);
  expect(await proc.exited).toBe(1);
  expect(proc.stderr.trim()).toBe('Invalid environment: AUTH_SIGNING_KEYS is required');
});

it('refuses a short signing secret without printing it', async () => {
  const proc = new DistGateway(gatewayEnv(await freePort(), { AUTH_SIGNING_KEYS: 'k1:short-secret' }));
  started.push(proc);
  expect(await proc.exited).toBe(1);
  expect(proc.stderr.trim()).toBe('Invalid environment: AUTH_SIGNING_KEYS must give key k1 a secret of at least 32 bytes');
});
