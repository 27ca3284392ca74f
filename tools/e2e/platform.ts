import { execFileSync } from 'node:child_process';
import { freePort, REPO_ROOT, ServiceProcess } from '../support/service-process';

// The whole platform as deployed: each service from its compiled dist, in its own process,
// sharing the run's database, JetStream (one namespace per platform) and Redis.

export type PlatformService = 'gateway' | 'chat' | 'tenant-intelligence' | 'client-insights' | 'provisioning' | 'notifier';

export interface Platform {
  gatewayUrl: string;
  owner: { email: string; password: string };
  processes: Map<PlatformService, ServiceProcess>;
  /** SIGKILLs a service (if it runs) and starts it again with the same environment and port. */
  restart(service: PlatformService): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

function testVar(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through jest --selectProjects integration (global setup)`);
  return value;
}

export function buildPlatform(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

export async function startPlatform(
  namespace: string,
  services: readonly PlatformService[],
  extraEnv: Partial<Record<PlatformService, Record<string, string>>> = {},
): Promise<Platform> {
  const owner = { email: `owner-${namespace}@parley.test`, password: 'correct horse battery staple' };
  const processes = new Map<PlatformService, ServiceProcess>();
  const envs = new Map<PlatformService, Record<string, string>>();
  let gatewayUrl = '';
  const order: PlatformService[] = ['provisioning', 'chat', 'tenant-intelligence', 'client-insights', 'notifier', 'gateway'];
  try {
    for (const app of order.filter((s) => services.includes(s))) {
      const port = await freePort();
      const env: Record<string, string> = {
        PATH: process.env.PATH as string,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        DATABASE_URL: testVar('TEST_DATABASE_URL'),
        NATS_URL: testVar('TEST_NATS_URL'),
        NATS_NAMESPACE: namespace,
        REDIS_URL: testVar('TEST_REDIS_URL'),
        ...(app === 'client-insights' ? { ANALYTICS_DATABASE_URL: testVar('TEST_DATABASE_ANALYTICS_URL') } : {}),
        ...(app === 'provisioning' ? { OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password } : {}),
        // RPC_TIMEOUT_MS: these tests check what the platform does, not how fast; on a busy 2-core
        // machine a tenant's creation (bcrypt, outbox) can take longer than the 5 s default.
        ...(app === 'gateway'
          ? {
              AUTH_SIGNING_KEYS: `e2e1:${'s'.repeat(40)}`,
              // Every browser and API call of a run comes from 127.0.0.1: only the limits a test sets bite.
              RATE_LIMIT_PER_MINUTE: '1000',
              RATE_LIMIT_USER_PER_MINUTE: '10000',
              RATE_LIMIT_TENANT_PER_MINUTE: '100000',
              RATE_LIMIT_IP_PER_MINUTE: '100000',
              RPC_TIMEOUT_MS: '20000',
            }
          : {}),
        ...(app === 'provisioning' || app === 'chat' ? { INTEGRATION_SECRET_KEYS: `e2e1:${Buffer.alloc(32, 7).toString('base64')}` } : {}),
        ...(app === 'notifier'
          ? {
              NOTIFIER_SECRET_KEYS: `e2e1:${Buffer.alloc(32, 9).toString('base64')}`,
              NOTIFIER_ALLOW_PRIVATE_TARGETS: 'true',
              NOTIFIER_POLL_MS: '200',
            }
          : {}),
        ...(extraEnv[app] ?? {}),
      };
      const proc = new ServiceProcess(app, env);
      processes.set(app, proc);
      envs.set(app, env);
      await proc.waitForLog((line) => line.msg === 'listening', 40_000);
      if (app === 'gateway') gatewayUrl = `http://127.0.0.1:${port}`;
    }
  } catch (error) {
    await Promise.all([...processes.values()].map((p) => p.kill()));
    throw error;
  }
  return {
    gatewayUrl,
    owner,
    processes,
    async restart(service) {
      await processes.get(service)?.kill();
      const proc = new ServiceProcess(service, envs.get(service) as Record<string, string>);
      processes.set(service, proc);
      await proc.waitForLog((line) => line.msg === 'listening', 40_000);
      return proc;
    },
    async stop() {
      await Promise.all([...processes.values()].map((p) => p.kill()));
    },
  };
}

export interface HttpResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the shapes
  body: any;
  text: string;
}

export async function http(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<HttpResult> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** The `data:` frames of an SSE body, parsed; comment lines (heartbeats) are skipped. */
export function sseFrames(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n\n')
    .map((block) =>
      block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n'),
    )
    .filter((data) => data.length > 0 && data !== '[DONE]')
    .map((data) => JSON.parse(data) as Record<string, unknown>);
}

export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** An SSE stream read in the background: `frames` fill as `data:` events arrive; `close()` ends it. */
export function openSseStream(url: string, headers: Record<string, string>) {
  const frames: Array<Record<string, unknown>> = [];
  const controller = new AbortController();
  let opened = false;
  const done = (async () => {
    const res = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: controller.signal });
    opened = res.status === 200;
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer
          .slice(0, cut)
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('');
        buffer = buffer.slice(cut + 2);
        if (data) frames.push(JSON.parse(data) as Record<string, unknown>);
      }
    }
  })().catch(() => undefined);
  return {
    frames,
    isOpen: () => opened,
    close: async () => {
      controller.abort();
      await done;
    },
  };
}
