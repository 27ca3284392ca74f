// Boots the whole platform for a load run, as bench/chat-path does: the libs/testing mock
// OpenAI-compatible model, then provisioning, chat, tenant-intelligence, client-insights,
// notifier and gateway from dist in a throw-away database and NATS namespace; seeds a tenant
// through the public API. Keeps each service's pid (memory is read from /proc/<pid>/status)
// and the warnings and errors they log. Stops only what it started. With `nodeArgs` a service
// runs with extra Node flags (the soak's --trace-gc: every full mark-compact's heap after the
// collection is kept per service in `gcLog`; --heap-snapshot: --heapsnapshot-signal).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { setupDatabase, dropDatabase, optionsFromEnv } from '../../../scripts/db-setup.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);

export const SERVICES = ['provisioning', 'chat', 'tenant-intelligence', 'client-insights', 'notifier', 'gateway'];

/**
 * A --trace-gc line of a full collection (V8 11: `... 1234 ms: Mark-Compact 80.1 (96.0) -> 61.2
 * (90.5) MB, ...`): heap used after it and the heap committed after it. Scavenges are left out:
 * after a scavenge the old space still holds garbage, so only a mark-compact's "after" is the
 * live heap.
 */
const GC_LINE = /\d+ ms: Mark-Compact(?: \(reduce\))? ([\d.]+) \([\d.]+\) -> ([\d.]+) \(([\d.]+)\) MB/;

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

export async function json(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

/**
 * Starts everything; `responder` answers the mock model's chat requests. Returns the gateway URL
 * builder, each service's port and pid, the run's NATS namespace and database URLs, the services'
 * logged warnings/errors, and `stop()`.
 */
export async function startPlatform({ responder, gatewayEnv = {}, nodeArgs = {} }) {
  const { startMockLlm } = require(join(ROOT, 'libs', 'testing', 'dist', 'index.js'));
  const id = randomBytes(4).toString('hex');
  const superuserUrl = process.env.PGSUPERUSER_URL || readFileSync(join(ROOT, '.parley', 'pgsuperuser-url'), 'utf8').trim();
  const database = `parley_bench_${id}`;
  const namespace = `load${id}`;
  const owner = { email: `owner-${id}@load.test`, password: 'load owner password 1' };
  const children = [];
  const ports = {};
  const pids = {};
  const serviceLog = [];
  const gcLog = Object.fromEntries(SERVICES.map((app) => [app, []]));
  let mock;

  const start = async (app, env) => {
    const port = await freePort();
    const child = spawn(process.execPath, [...(nodeArgs[app] ?? []), join(ROOT, 'apps', app, 'dist', 'main.js')], {
      env: { PATH: process.env.PATH, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let tail = '';
    let partial = '';
    child.stderr.on('data', (c) => (tail = (tail + c).slice(-4000)));
    child.stdout.setEncoding('utf8').on('data', (c) => {
      tail = (tail + c).slice(-4000);
      const lines = (partial + c).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        const gc = GC_LINE.exec(line);
        if (gc) gcLog[app].push({ at: Date.now(), after_mb: Number(gc[2]), committed_mb: Number(gc[3]) });
        const level = /"level":"(warn|error|fatal)"/.exec(line)?.[1];
        if (level) serviceLog.push({ app, level, msg: /"msg":"([^"]*)"/.exec(line)?.[1] ?? '', line: line.slice(0, 1500) });
      }
    });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${app} did not start: ${tail}`)), 120_000);
      child.stdout.on('data', (chunk) => {
        if (chunk.includes('"listening"')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`${app} exited ${code}: ${tail}`)));
    });
    ports[app] = port;
    pids[app] = child.pid;
    return port;
  };

  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)));
    await mock?.close().catch(() => undefined);
    await dropDatabase(superuserUrl, database).catch(() => undefined);
  };

  try {
    mock = await startMockLlm({ apiKey: 'sk-load', responder });
    const urls = await setupDatabase({ ...optionsFromEnv(process.env), superuserUrl, database });
    // "listening" is logged at info; warnings and errors are what the report keeps.
    const base = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      DATABASE_URL: urls.appUrl,
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_NAMESPACE: namespace,
      REDIS_URL: 'redis://127.0.0.1:6379',
    };
    await start('provisioning', { ...base, OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password });
    await start('chat', { ...base, OPENAI_API_KEY: 'sk-load', OPENAI_BASE_URL: mock.url });
    await start('tenant-intelligence', base);
    await start('client-insights', { ...base, ANALYTICS_DATABASE_URL: urls.analyticsUrl });
    await start('notifier', { ...base, NOTIFIER_SECRET_KEYS: `l1:${randomBytes(32).toString('base64')}` });
    const gatewayPort = await start('gateway', {
      ...base,
      AUTH_SIGNING_KEYS: `l1:${randomBytes(32).toString('hex')}`,
      RATE_LIMIT_PER_MINUTE: '100000',
      RPC_TIMEOUT_MS: '20000',
      ...gatewayEnv,
    });
    const gateway = `http://127.0.0.1:${gatewayPort}`;
    return {
      id,
      gateway,
      api: (path) => `${gateway}${path}`,
      ports,
      pids,
      namespace,
      database,
      urls,
      owner,
      mock,
      serviceLog,
      gcLog,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * One tenant on provider `openai` pointed at the mock, with knowledge documents, through the public
 * API: returns its API key header, a tenant admin's JWT header and its id.
 */
export async function seedTenant(platform, knowledge) {
  const { api, owner, id } = platform;
  const login = await json(api('/api/v1/auth/login'), { method: 'POST', body: owner });
  if (login.status !== 200) throw new Error(`owner login: ${login.status} ${JSON.stringify(login.body)}`);
  const admin = { email: `admin-${id}@load.test`, password: 'load admin password 1' };
  const res = await json(api('/api/v1/admin/tenants'), {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.token}` },
    body: {
      displayName: 'Load Plumbing',
      slug: `load-${id}`,
      kind: 'plumber',
      timezone: 'UTC',
      domain: null,
      config: { llm: { primary: { provider: 'openai', model: 'mock-chat' }, fallbacks: [] } },
      admin,
    },
  });
  if (res.status !== 201) throw new Error(`tenant: ${res.status} ${JSON.stringify(res.body)}`);
  const key = { 'x-api-key': res.body.apiKey.key };
  for (const doc of knowledge) {
    const up = await json(api('/api/v1/knowledge/documents'), { method: 'POST', headers: key, body: { ...doc, format: 'text' } });
    if (up.status !== 201) throw new Error(`knowledge upload: ${up.status} ${JSON.stringify(up.body)}`);
  }
  const staffLogin = await json(api('/api/v1/auth/login'), { method: 'POST', body: admin });
  if (staffLogin.status !== 200) throw new Error(`staff login: ${staffLogin.status} ${JSON.stringify(staffLogin.body)}`);
  return { key, staff: { authorization: `Bearer ${staffLogin.body.token}` }, tenantId: res.body.tenant?.id ?? res.body.id };
}
