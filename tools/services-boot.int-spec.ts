import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { blackHole, freePort, REPO_ROOT, ServiceProcess } from './support/service-process';

// Boots each of the six services from its compiled dist (what `node apps/<x>/dist/main.js`
// runs in production) against the run's PostgreSQL database, NATS and Redis, and checks the
// runtime shell every service shares: config validation, health, metrics, request ids, JSON
// logs with trace ids, and graceful shutdown.

const SERVICES = ['gateway', 'chat', 'tenant-intelligence', 'client-insights', 'provisioning', 'notifier'] as const;
type Service = (typeof SERVICES)[number];
const SHUTDOWN_TIMEOUT_MS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function testVar(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through jest --selectProjects integration (global setup)`);
  return value;
}

function serviceEnv(app: Service, port: number, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATABASE_URL: testVar('TEST_DATABASE_URL'),
    ANALYTICS_DATABASE_URL: app === 'client-insights' ? testVar('TEST_DATABASE_ANALYTICS_URL') : undefined,
    AUTH_SIGNING_KEYS: app === 'gateway' ? `boot1:${'k'.repeat(32)}` : undefined,
    NOTIFIER_SECRET_KEYS: app === 'notifier' ? `boot1:${Buffer.alloc(32, 3).toString('base64')}` : undefined,
    NATS_URL: testVar('TEST_NATS_URL'),
    // A namespace of its own: with the run's shared one, a booted consumer took over other suites'
    // pending events (and their work's output on stderr) between start-up and SIGTERM.
    NATS_NAMESPACE: `${testVar('TEST_RUN_ID')}boot`,
    REDIS_URL: testVar('TEST_REDIS_URL'),
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const started: ServiceProcess[] = [];

async function start(app: Service, overrides: Record<string, string | undefined> = {}): Promise<{ proc: ServiceProcess; url: string }> {
  const port = await freePort();
  const proc = new ServiceProcess(app, serviceEnv(app, port, overrides));
  started.push(proc);
  return { proc, url: `http://127.0.0.1:${port}` };
}

async function startListening(app: Service, overrides: Record<string, string | undefined> = {}) {
  const service = await start(app, overrides);
  await service.proc.waitForLog((line) => line.msg === 'listening', 30_000);
  return service;
}

beforeAll(() => {
  const missing = [...SERVICES.map((app) => `apps/${app}/dist/main.js`), 'libs/observability/dist/startup/index.js'].filter(
    (file) => !existsSync(join(REPO_ROOT, file)),
  );
  if (missing.length > 0) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(async () => {
  // Only the processes this file spawned, by pid.
  await Promise.all(started.map((proc) => proc.kill()));
});

describe.each(SERVICES)('%s', (app) => {
  let proc: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    ({ proc, url } = await startListening(app));
  }, 40_000);

  it('logs one listening line with its port', () => {
    const listening = proc.json().filter((line) => line.msg === 'listening');
    expect(listening).toEqual([expect.objectContaining({ service: app, port: Number(new URL(url).port) })]);
  });

  it('is live', async () => {
    const res = await fetch(`${url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready, with PostgreSQL, NATS and Redis up', async () => {
    const res = await fetch(`${url}/health/ready`);
    expect(await res.json()).toEqual({ status: 'ok', checks: { postgres: 'up', nats: 'up', redis: 'up' } });
    expect(res.status).toBe(200);
  });

  it('answers an unknown route with RFC 9457 problem+json carrying the request id', async () => {
    const res = await fetch(`${url}/no/such/route`, { headers: { 'x-request-id': 'req-problem-1' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toEqual({
      type: 'urn:parley:problem:not-found',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      detail: expect.stringContaining('/no/such/route'),
      requestId: 'req-problem-1',
    });
  });

  it('echoes a valid x-request-id and generates one when absent or invalid', async () => {
    const echoed = await fetch(`${url}/health/live`, { headers: { 'x-request-id': `boot-${app}` } });
    const generated = await fetch(`${url}/health/live`);
    const invalid = await fetch(`${url}/health/live`, { headers: { 'x-request-id': 'x'.repeat(129) } });
    expect(echoed.headers.get('x-request-id')).toBe(`boot-${app}`);
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    expect(invalid.headers.get('x-request-id')).toMatch(UUID);
  });

  it('logs requests as JSON with service, request_id and the trace_id of the incoming traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    // A value no log line has otherwise (route names such as .../rotate-secret are logged at start).
    const queryValue = 'qs-value-5e1f09c2';
    const res = await fetch(`${url}/no-such-route?token=${queryValue}`, {
      headers: { 'x-request-id': `log-${app}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(res.status).toBe(404);
    const line = await proc.waitForLog((l) => l.request_id === `log-${app}` && l.msg === 'request completed');
    expect(line).toMatchObject({ service: app, level: 'info', trace_id: traceId, status: 404, route: 'unmatched', path: '/no-such-route' });
    expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(proc.stdout.join('\n')).not.toContain(queryValue);
    for (const entry of proc.json()) expect(entry).toMatchObject({ service: app, level: expect.any(String), msg: expect.any(String) });
  });

  it('serves Prometheus metrics: default metrics and the HTTP histogram, labelled with the service', async () => {
    await fetch(`${url}/health/live`);
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const body = await res.text();
    expect(body).toContain(`process_cpu_user_seconds_total{service="${app}"}`);
    expect(body).toContain(`nodejs_heap_size_used_bytes{service="${app}"}`);
    expect(body).toContain(`http_request_duration_seconds_count{service="${app}",method="GET",route="/health/live",status_code="200"}`);
    // Set by the readiness test above.
    for (const dependency of ['postgres', 'nats', 'redis']) {
      expect(body).toContain(`parley_dependency_up{dependency="${dependency}",service="${app}"} 1`);
    }
  });

  it(
    'exits 0 on SIGTERM within SHUTDOWN_TIMEOUT_MS, logging the shutdown',
    async () => {
      proc.signal('SIGTERM');
      const exit = await proc.waitForExit(SHUTDOWN_TIMEOUT_MS + 2_000);
      // On a failure, the diff shows the service's last log lines (why it exited 1: timeout or error).
      const tail = exit.code === 0 ? [] : proc.json().slice(-8);
      expect({ ...exit, tail }).toMatchObject({ code: 0, signal: null, tail: [] });
      expect(exit.ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
      expect(proc.json().map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'shutdown complete']));
      expect(proc.stderr).toBe('');
    },
    SHUTDOWN_TIMEOUT_MS + 5_000,
  );
});

describe('failures', () => {
  it('answers 503 on /health/ready naming redis when Redis is unreachable', async () => {
    const closedPort = await freePort();
    const { proc, url } = await startListening('notifier', { REDIS_URL: `redis://127.0.0.1:${closedPort}` });
    const res = await fetch(`${url}/health/ready`);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    expect(res.status).toBe(503);
    expect(body.status).toBe('error');
    expect(body.checks).toMatchObject({ postgres: 'up', nats: 'up' });
    expect(body.checks.redis).toMatch(/^down: not connected \(\w+: connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${url}/metrics`)).text()).toContain('parley_dependency_up{dependency="redis",service="notifier"} 0');
    proc.signal('SIGTERM');
    expect((await proc.waitForExit(SHUTDOWN_TIMEOUT_MS)).code).toBe(0);
  }, 40_000);

  it.each([
    ['chat', 'without DATABASE_URL', { DATABASE_URL: undefined }, 'Invalid environment: DATABASE_URL is required'],
    ['gateway', 'with PORT=80a', { PORT: '80a' }, 'Invalid environment: PORT must be an integer 1-65535'],
    [
      'client-insights',
      'without ANALYTICS_DATABASE_URL',
      { ANALYTICS_DATABASE_URL: undefined },
      'Invalid environment: ANALYTICS_DATABASE_URL is required',
    ],
    [
      'provisioning',
      'with two bad variables',
      { DATABASE_URL: 'mysql://root:hunter2@db/x', SHUTDOWN_TIMEOUT_MS: 'soon' },
      'Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// URL; SHUTDOWN_TIMEOUT_MS must be an integer 100-600000',
    ],
  ] as const)(
    '%s %s exits 1 with one stderr line naming it',
    async (app, _case, overrides, message) => {
      const { proc } = await start(app, overrides);
      const exit = await proc.waitForExit(10_000);
      expect(exit.code).toBe(1);
      expect(proc.stderr).toBe(`${message}\n`);
      expect(proc.stdout).toEqual([]);
    },
    15_000,
  );

  it('logs a fatal JSON line and exits 1 when NATS is unreachable at start-up', async () => {
    const closedPort = await freePort();
    const { proc } = await start('chat', { NATS_URL: `nats://127.0.0.1:${closedPort}` });
    const exit = await proc.waitForExit(20_000);
    expect(exit.code).toBe(1);
    const fatal = proc.json().find((line) => line.level === 'fatal');
    expect(fatal).toMatchObject({ service: 'chat', msg: 'could not create the application' });
    expect(JSON.stringify(fatal)).toContain(`127.0.0.1:${closedPort}`);
  }, 30_000);

  it('drains a request in flight at SIGTERM: it gets its answer, then the process exits 0', async () => {
    // PostgreSQL that never answers makes /health/ready wait for its check timeout.
    const hungDatabase = await blackHole();
    try {
      const { proc, url } = await startListening('tenant-intelligence', {
        DATABASE_URL: `postgresql://parley_app@127.0.0.1:${hungDatabase.port}/parley`,
        HEALTH_CHECK_TIMEOUT_MS: '1500',
      });
      const events: string[] = [];
      const before = hungDatabase.accepted();
      const inFlight = fetch(`${url}/health/ready`).then(async (res) => {
        events.push('response');
        return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string> } };
      });
      // SIGTERM only once the readiness check is really in flight (it has reached the database),
      // not merely sent: on a loaded machine the request may not have arrived yet.
      for (let waited = 0; hungDatabase.accepted() === before && waited < 5000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      proc.signal('SIGTERM');
      void proc.exited.then(() => events.push('exit'));

      const answer = await inFlight;
      const exit = await proc.waitForExit(SHUTDOWN_TIMEOUT_MS);
      expect(answer.status).toBe(503);
      expect(answer.body.checks.postgres).toMatch(/^down: /);
      expect(exit.code).toBe(0);
      expect(events).toEqual(['response', 'exit']);
    } finally {
      await hungDatabase.close();
    }
  }, 40_000);
});

describe('gateway public API health', () => {
  it('serves GET /api/v1/health with the readiness report', async () => {
    const { url } = await startListening('gateway');
    const res = await fetch(`${url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { postgres: 'up', nats: 'up', redis: 'up' } });
  });
});
