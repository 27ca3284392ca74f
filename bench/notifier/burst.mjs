#!/usr/bin/env node
// Notifier under a burst: N urgent chat turns (default 500) through the real gateway, chat and
// notifier (offline responder), each producing a callback action that the notifier turns into
// an urgent_callback notification for the staff inbox and a local webhook receiver. Measures
// how long the notifier's consumer lag takes to return to zero after the burst, and the time
// from each turn's event to its webhook delivery (p50/p95/p99).
//
//   npm run build && node bench/notifier/burst.mjs [--turns 500] [--concurrency 16]
//
// Needs PostgreSQL, NATS and Redis as set up by scripts/setup.sh (PGSUPERUSER_URL from
// .parley/pgsuperuser-url). Uses a throw-away database and NATS namespace; stops what it starts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { setupDatabase, dropDatabase, optionsFromEnv } from '../../scripts/db-setup.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TURNS = arg('turns', 500);
const CONCURRENCY = arg('concurrency', 16);
const id = randomBytes(4).toString('hex');
const superuserUrl = process.env.PGSUPERUSER_URL || readFileSync(join(ROOT, '.parley', 'pgsuperuser-url'), 'utf8').trim();
const database = `parley_bench_${id}`;
const owner = { email: `owner-${id}@bench.test`, password: 'bench owner password 1' };
const children = [];

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function start(app, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'apps', app, 'dist', 'main.js')], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stderr.on('data', (c) => (out += c));
  child.stdout.on('data', (c) => (out = (out + c).slice(-4000)));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${app} did not start: ${out}`)), 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (chunk.includes('"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`${app} exited ${code}: ${out}`)));
  });
  return port;
}

async function json(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function main() {
  const received = new Map();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body);
      received.set(req.headers['webhook-id'], { at: Date.now(), occurredAt: Date.parse(parsed.data.occurred_at) });
      res.writeHead(204).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));

  console.log(`[bench] database ${database}, ${TURNS} turns, ${CONCURRENCY} at once`);
  const urls = await setupDatabase({ ...optionsFromEnv(process.env), superuserUrl, database });
  const base = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    DATABASE_URL: urls.appUrl,
    NATS_URL: 'nats://127.0.0.1:4222',
    NATS_NAMESPACE: `bench${id}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
  };
  await start('provisioning', { ...base, OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password });
  await start('chat', base);
  // Production mode, so the receiver on loopback is not allowed: the bench runs the notifier in
  // test mode with private targets allowed, and nothing else differs.
  const notifierPort = await start('notifier', {
    ...base,
    NODE_ENV: 'test',
    NOTIFIER_SECRET_KEYS: `b1:${randomBytes(32).toString('base64')}`,
    NOTIFIER_ALLOW_PRIVATE_TARGETS: 'true',
  });
  const gatewayPort = await start('gateway', {
    ...base,
    AUTH_SIGNING_KEYS: `b1:${randomBytes(32).toString('hex')}`,
    RATE_LIMIT_PER_MINUTE: '100000',
    RPC_TIMEOUT_MS: '20000',
  });
  const api = (path) => `http://127.0.0.1:${gatewayPort}${path}`;

  const login = await json(api('/api/v1/auth/login'), { method: 'POST', body: owner });
  const admin = { email: `admin-${id}@bench.test`, password: 'bench admin password 1' };
  const tenant = await json(api('/api/v1/admin/tenants'), {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.token}` },
    body: { displayName: 'Bench Plumbing', slug: `bench-${id}`, kind: 'plumber', timezone: 'UTC', domain: null, config: {}, admin },
  });
  const key = { 'x-api-key': tenant.body.apiKey.key };
  const staff = { authorization: `Bearer ${(await json(api('/api/v1/auth/login'), { method: 'POST', body: admin })).body.token}` };
  const port = receiver.address().port;
  await json(api('/api/v1/notification-channels'), {
    method: 'POST',
    headers: staff,
    body: { name: 'bench', settings: { kind: 'webhook', url: `http://127.0.0.1:${port}/hook` } },
  });

  const started = Date.now();
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TURNS) {
        next += 1;
        const session = await json(api('/api/v1/sessions'), { method: 'POST', headers: key, body: {} });
        const chat = await json(api('/api/v1/chat'), {
          method: 'POST',
          headers: { authorization: `Bearer ${session.body.token}` },
          body: { message: 'Help! A pipe has burst and the kitchen is flooding right now' },
        });
        if (chat.status !== 200) failed += 1;
      }
    }),
  );
  const burstEnd = Date.now();
  console.log(`[bench] ${TURNS} turns in ${((burstEnd - started) / 1000).toFixed(1)} s (${failed} failed)`);

  const lagOf = async () => {
    const text = await (await fetch(`http://127.0.0.1:${notifierPort}/metrics`)).text();
    const m = /parley_consumer_lag\{[^}]*consumer="notifier"[^}]*\} (\d+)/.exec(text);
    return m ? Number(m[1]) : NaN;
  };
  let maxLag = 0;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const lag = await lagOf();
    maxLag = Math.max(maxLag, lag || 0);
    if (lag === 0 && received.size >= TURNS - failed) break;
    if (Date.now() > deadline) throw new Error(`not drained after 10 minutes: lag ${lag}, ${received.size} delivered`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const drained = Date.now();
  const metrics = await (await fetch(`http://127.0.0.1:${notifierPort}/metrics`)).text();
  const sumCount = (name) => {
    const sum = [...metrics.matchAll(new RegExp(`^${name}_sum\\{[^}]*\\} ([0-9.e+-]+)`, 'gm'))].reduce((a, m) => a + Number(m[1]), 0);
    const count = [...metrics.matchAll(new RegExp(`^${name}_count\\{[^}]*\\} ([0-9.e+-]+)`, 'gm'))].reduce((a, m) => a + Number(m[1]), 0);
    return count ? +((sum / count) * 1000).toFixed(1) : null;
  };
  const latencies = [...received.values()].map((r) => r.at - r.occurredAt).sort((a, b) => a - b);
  const result = {
    turns: TURNS,
    concurrency: CONCURRENCY,
    burst_seconds: +((burstEnd - started) / 1000).toFixed(1),
    drained_after_burst_seconds: +((drained - burstEnd) / 1000).toFixed(1),
    max_consumer_lag_seen: maxLag,
    webhook_deliveries: received.size,
    notifier_event_handling_mean_ms: sumCount('parley_events_processed_seconds'),
    notifier_send_mean_ms: sumCount('parley_notifier_delivery_seconds'),
    event_to_webhook_ms: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  receiver.close();
}

async function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)));
  await dropDatabase(superuserUrl, database).catch(() => undefined);
}

main()
  .then(cleanup)
  .catch(async (error) => {
    console.error('[bench] failed:', error.message);
    await cleanup();
    process.exit(1);
  });
