import { execFileSync } from 'node:child_process';
import { testEnvironment } from '@parley/testing';
import { DistGateway, freePort, REPO_ROOT } from '../../http/__tests__/support/dist-gateway';
import { TEST_SIGNING_SECRET, testNamespace } from '../../http/__tests__/support/gateway-test-app';

// The gateway as production runs it (node apps/gateway/dist/main.js): GATEWAY_TRUSTED_PROXIES
// reaches Fastify's trustProxy through main.ts and startService, and a bad value stops the start.
jest.setTimeout(120_000);

const started: DistGateway[] = [];

function gatewayEnv(port: number, overrides: Record<string, string>): Record<string, string> {
  const env = testEnvironment();
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATABASE_URL: env.TEST_DATABASE_URL,
    NATS_URL: env.TEST_NATS_URL,
    NATS_NAMESPACE: testNamespace('tpd'),
    REDIS_URL: env.TEST_REDIS_URL,
    AUTH_SIGNING_KEYS: `k1:${TEST_SIGNING_SECRET}`,
    GATEWAY_DOCS_ENABLED: 'false',
    RATE_LIMIT_IP_PER_MINUTE: '2',
    ...overrides,
  };
}

async function start(overrides: Record<string, string>): Promise<string> {
  const port = await freePort();
  const proc = new DistGateway(gatewayEnv(port, overrides));
  started.push(proc);
  await proc.listening();
  const url = `http://127.0.0.1:${port}`;
  // Ready means Redis answers: until then the limiter lets requests through.
  for (let attempt = 0; attempt < 200; attempt++) {
    const ready = await fetch(`${url}/health/ready`);
    await ready.text();
    if (ready.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return url;
}

/** Statuses of unauthenticated API calls (401 until the client IP's bucket is empty), one per forwarded address. */
async function statuses(url: string, forwardedFor: string[]): Promise<number[]> {
  const seen: number[] = [];
  for (const address of forwardedFor) {
    const response = await fetch(`${url}/api/v1/chat/history`, { headers: { 'x-forwarded-for': address } });
    await response.text();
    seen.push(response.status);
  }
  return seen;
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'apps/gateway'], { cwd: REPO_ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((proc) => proc.kill()));
});

it('counts each forwarded client separately when the peer is a trusted proxy', async () => {
  const url = await start({ GATEWAY_TRUSTED_PROXIES: '127.0.0.1' });
  expect(await statuses(url, ['198.51.100.1', '198.51.100.1', '198.51.100.1'])).toEqual([401, 401, 429]);
  expect(await statuses(url, ['198.51.100.2'])).toEqual([401]);
});

it('ignores X-Forwarded-For by default: every address the client claims is the peer', async () => {
  const url = await start({});
  expect(await statuses(url, ['198.51.100.1', '198.51.100.2', '198.51.100.3'])).toEqual([401, 401, 429]);
});

it('refuses to start with a malformed proxy list, naming the variable', async () => {
  const proc = new DistGateway(gatewayEnv(await freePort(), { GATEWAY_TRUSTED_PROXIES: '10.0.0.0/8, 10.0.0.0/40' }));
  started.push(proc);
  expect(await proc.exited).toBe(1);
  expect(proc.stderr.trim()).toBe(
    'Invalid environment: GATEWAY_TRUSTED_PROXIES must list IP addresses, CIDR ranges or loopback/linklocal/uniquelocal (entry 2: "10.0.0.0/40")',
  );
});
