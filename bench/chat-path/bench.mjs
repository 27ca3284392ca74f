#!/usr/bin/env node
// The chat path under load: what Parley adds to a model's time to first token (TTFT).
//
// Starts a local mock OpenAI-compatible model (libs/testing, streaming, no delay of its own) and
// the whole platform from dist (provisioning, chat, tenant-intelligence, client-insights, notifier,
// gateway) in a throw-away database and NATS namespace, seeds two tenants through the public API
// (one on provider `openai` pointed at the mock, one on the offline responder; both with knowledge
// documents that retrieval finds), then in one run:
//   c=1    the same turns straight to the mock and through the gateway, interleaved: TTFT added
//          p50/p90/p99 (several turns per session, so history is read; retrieval on);
//   c=32   streamed turns through the gateway: turns/s and TTFT (and the mock alone at c=32);
//   lag    JetStream consumer lag (num_pending + num_ack_pending per durable) right after c=32
//          and 30 s later, plus outbox rows not yet relayed;
//   offline  the offline responder's first token through the gateway at c=1, beside
//          GET /api/v1/sessions/{id} (one gateway -> chat RPC, no turn) as a floor;
// and a per-stage breakdown of each phase from the chat and gateway /metrics, scraped before and
// after it (parley_chat_turn_stage_seconds, parley_gateway_turn_stage_seconds,
// parley_gateway_auth_seconds, parley_chat_first_token_seconds): mean from _sum/_count, and
// p50/p99 interpolated inside the histogram buckets as Prometheus' histogram_quantile does.
// Each phase also reports CPU ms per turn by process: every service (process_cpu_seconds_total),
// the bench itself (client + mock), PostgreSQL backends of the bench database, PostgreSQL's shared
// background processes, nats-server and redis-server (/proc), and the rest of the machine's busy
// time (/proc/stat: other work on a shared machine, the kernel).
//
//   npm run build && npm run bench:chat-path [-- --c1-turns 200 --c32-turns 960 --offline-turns 150]
//   (--c32-turns 0: c=1 and offline only, for latency A/B pairs; --hop-trace: see hop-trace.mjs;
//   --nice-consumers 10: the event consumers at a lower CPU priority than the request path)
//
// Needs PostgreSQL, NATS and Redis as set up by scripts/setup.sh (PGSUPERUSER_URL from
// .parley/pgsuperuser-url). Stops what it starts. The direct TTFT is measured on the very
// request body the gateway path sent to the mock for the turn before (same prompt size).
import { spawn, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, freemem, loadavg, setPriority, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { setupDatabase, dropDatabase, optionsFromEnv } from '../../scripts/db-setup.mjs';
import { gatewayFirst, mockFirst, streamTimed } from './sse-timing.mjs';
import { ANSWER, EXTRACTION_ANSWER } from './mock-answers.mjs';
import { KNOWLEDGE, QUESTIONS } from './bench-content.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { startMockLlm } = require(join(ROOT, 'libs', 'testing', 'dist', 'index.js'));
const { connect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');
const pg = require('pg');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const C1_TURNS = arg('c1-turns', 200);
const C32_TURNS = arg('c32-turns', 960);
const CONCURRENCY = arg('concurrency', 32);
const OFFLINE_TURNS = arg('offline-turns', 150);
const TURNS_PER_SESSION = arg('turns-per-session', 5);
const WARMUP = arg('warmup', 30);
// --c1-gap-ms n: a pause after each c=1 turn, so the next one starts once the previous turn's after-work
// (outbox relay, consumers) is done; 0 (default) starts it right away, as before.
const C1_GAP_MS = arg('c1-gap-ms', 0);
const LAG_WAIT_MS = arg('lag-wait-ms', 30_000);
// --profile chat (or chat,tenant-intelligence): those services run with --cpu-prof; each .cpuprofile lands in
// /tmp/chat-path-profile-<id>/ when it stops.
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1].split(',') : [];

const TARGETS = {
  added_p50_ms: 5,
  added_p99_ms: 20,
  c32_turns_per_s: 150,
  offline_first_token_p50_ms: 5,
};

const id = randomBytes(4).toString('hex');
// --hop-trace: gateway and chat preload hop-trace.mjs (cross-process timestamps of the NATS hops per
// turn) into /tmp/chat-path-hops-<id>/; `node bench/chat-path/hop-report.mjs <dir>` splits them.
const HOP_TRACE = process.argv.includes('--hop-trace') ? `/tmp/chat-path-hops-${id}` : null;
// --plan: both tenants on a billing plan (soft cap, nothing limited), so every turn pays the quota check a
// planned tenant pays (a Redis read at the gateway); without it the tenants have no plan and skip it.
const PLAN = process.argv.includes('--plan');
// --nice-consumers <n>: the event consumers (tenant-intelligence, client-insights, notifier) run at CPU nice n (e.g. 10),
// so on a small machine the request path (gateway, chat, NATS, Redis, PostgreSQL) is scheduled before their catch-up work.
const NICE_CONSUMERS = arg('nice-consumers', 0);
const CONSUMERS = ['tenant-intelligence', 'client-insights', 'notifier'];
const superuserUrl = process.env.PGSUPERUSER_URL || readFileSync(join(ROOT, '.parley', 'pgsuperuser-url'), 'utf8').trim();
const database = `parley_bench_${id}`;
const namespace = `bench${id}`;
const owner = { email: `owner-${id}@bench.test`, password: 'bench owner password 1' };
const children = [];
/** app -> port of every service started, for CPU accounting. */
const ports = {};
/** Warnings and errors the services logged during the run (pino JSON lines), for the report. */
const serviceLog = [];

const EXTRACTION_PROMPT_START = 'You extract CRM facts from ONE message';
const isExtraction = (body) =>
  body?.messages?.[0]?.role === 'system' &&
  typeof body.messages[0].content === 'string' &&
  body.messages[0].content.startsWith(EXTRACTION_PROMPT_START);

// ---------------------------------------------------------------------------------------------
// statistics

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const round = (v, d = 1) => (Number.isFinite(v) ? +v.toFixed(d) : null);
function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: round(pct(s, 50), 2), p90: round(pct(s, 90), 2), p99: round(pct(s, 99), 2), max: round(s.at(-1), 2) };
}

/** Histogram series of one metric from a /metrics text: values of `labelNames` joined by "/" -> { buckets: [[le, count]], sum, count }. */
function parseHistograms(text, name, labelNames) {
  const out = {};
  const entry = (key) => (out[key] ??= { buckets: [], sum: 0, count: 0 });
  const labelOf = (labels) => labelNames.map((l) => new RegExp(`(?:^|,)${l}="([^"]*)"`).exec(labels)?.[1] ?? '').join('/');
  for (const m of text.matchAll(new RegExp(`^${name}_bucket\\{([^}]*)\\} ([0-9.e+-]+|\\+Inf)$`, 'gm'))) {
    const le = /le="([^"]+)"/.exec(m[1])[1];
    entry(labelOf(m[1])).buckets.push([le === '+Inf' ? Infinity : Number(le), Number(m[2])]);
  }
  for (const m of text.matchAll(new RegExp(`^${name}_sum\\{([^}]*)\\} ([0-9.e+-]+)$`, 'gm'))) entry(labelOf(m[1])).sum = Number(m[2]);
  for (const m of text.matchAll(new RegExp(`^${name}_count\\{([^}]*)\\} ([0-9.e+-]+)$`, 'gm'))) entry(labelOf(m[1])).count = Number(m[2]);
  return out;
}

/** histogram_quantile over the difference of two scrapes (cumulative buckets), in ms. */
function quantile(buckets, q) {
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const [le, count] of buckets) {
    if (count >= rank) {
      if (le === Infinity) return prevLe * 1000;
      return (prevLe + (le - prevLe) * ((rank - prevCount) / Math.max(count - prevCount, 1e-9))) * 1000;
    }
    prevLe = le;
    prevCount = count;
  }
  return NaN;
}

function histogramDelta(before, after, name, labelNames = []) {
  const a = parseHistograms(after, name, labelNames);
  const b = parseHistograms(before, name, labelNames);
  const rows = {};
  for (const [key, h] of Object.entries(a)) {
    const prev = b[key];
    const count = h.count - (prev?.count ?? 0);
    if (count <= 0) continue;
    const buckets = h.buckets.map(([le, c]) => [le, c - (prev?.buckets.find(([l]) => l === le)?.[1] ?? 0)]);
    rows[key] = {
      n: count,
      mean_ms: round(((h.sum - (prev?.sum ?? 0)) / count) * 1000, 2),
      p50_ms: round(quantile(buckets, 0.5), 2),
      p99_ms: round(quantile(buckets, 0.99), 2),
      // The share of observations at or under each bucket's bound up to 10 ms: the p50 above is interpolated inside one
      // bucket (the stages' are 1, 2, 5, 10 ms wide there), this shows where the observations are.
      share_at_or_under_ms: Object.fromEntries(buckets.filter(([le]) => le <= 0.01).map(([le, c]) => [le * 1000, round(c / count, 2)])),
    };
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// processes

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function start(app, env) {
  const port = await freePort();
  const profile = PROFILE.includes(app) ? ['--cpu-prof', `--cpu-prof-dir=/tmp/chat-path-profile-${id}`] : [];
  const traced = HOP_TRACE && (app === 'gateway' || app === 'chat');
  const hops = traced ? ['--import', join(ROOT, 'bench', 'chat-path', 'hop-trace.mjs')] : [];
  const child = spawn(process.execPath, [...profile, ...hops, join(ROOT, 'apps', app, 'dist', 'main.js')], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port), ...(traced ? { HOP_TRACE_DIR: HOP_TRACE, HOP_TRACE_APP: app } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  if (NICE_CONSUMERS && CONSUMERS.includes(app)) setPriority(child.pid, NICE_CONSUMERS);
  let out = '';
  let partial = '';
  let errPartial = '';
  child.stderr.on('data', (c) => {
    out = (out + c).slice(-4000);
    // Node's own warnings (DeprecationWarning and the like) go to stderr, not through pino.
    const lines = (errPartial + c).split('\n');
    errPartial = lines.pop();
    for (const line of lines) {
      const warning = /\b(\w*Warning): (.*)/.exec(line);
      if (warning) serviceLog.push({ app, level: 'stderr', msg: `${warning[1]}: ${warning[2].slice(0, 200)}`, line: line.slice(0, 1500) });
    }
  });
  child.stdout.on('data', (c) => {
    out = (out + c).slice(-4000);
    const lines = (partial + c).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const level = /"level":"(warn|error|fatal)"/.exec(line)?.[1];
      if (level) serviceLog.push({ app, level, msg: /"msg":"([^"]*)"/.exec(line)?.[1] ?? '', line: line.slice(0, 1500) });
    }
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${app} did not start: ${out}`)), 90_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (chunk.includes('"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`${app} exited ${code}: ${out}`)));
  });
  ports[app] = port;
  return port;
}

/**
 * CPU seconds of the machine's other processes, from /proc: PostgreSQL backends of the bench's
 * database (by their process title), PostgreSQL's shared background processes (walwriter,
 * checkpointer...: shared with other databases on this server), nats-server, redis-server.
 * Processes that exited in between (short connections) are not counted.
 */
function processCpu() {
  const out = { 'postgres (bench database backends)': 0, 'postgres (shared background)': 0, 'nats-server': 0, 'redis-server': 0 };
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmdline;
    let stat;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, USER_HZ
    if (cmdline.startsWith('postgres: ') && cmdline.includes(` ${database} `)) out['postgres (bench database backends)'] += seconds;
    else if (cmdline.startsWith('postgres: ') && !/ parley_\w+ \w+ \d/.test(cmdline)) out['postgres (shared background)'] += seconds;
    else if (cmdline.includes('nats-server')) out['nats-server'] += seconds;
    else if (cmdline.includes('redis-server')) out['redis-server'] += seconds;
  }
  return out;
}

/** CPU seconds so far: each service (process_cpu_seconds_total), this process (client + mock), the whole machine (/proc/stat). */
async function cpuSnapshot() {
  const services = {};
  for (const [app, port] of Object.entries(ports)) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    services[app] = Number(/^process_cpu_seconds_total\{[^}]*\} ([0-9.e+-]+)$/m.exec(text)?.[1] ?? NaN);
  }
  const usage = process.cpuUsage();
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , iowait, irq, softirq, steal] = fields.map(Number); // idle is not busy time
  const hz = 100; // USER_HZ on Linux
  return {
    services,
    others: processCpu(),
    bench: (usage.user + usage.system) / 1e6,
    machineBusy: (user + nice + system + irq + softirq + steal) / hz,
    machineIowait: iowait / hz,
    wall: performance.now() / 1000,
  };
}

/** CPU ms per turn by process between two snapshots; `rest` is PostgreSQL, NATS, Redis and whatever else ran on the machine. */
function cpuPerTurn(a, b, turns) {
  const out = {};
  let known = 0;
  for (const app of Object.keys(b.services)) {
    const d = b.services[app] - a.services[app];
    known += d;
    out[app] = round((d / turns) * 1000, 2);
  }
  const bench = b.bench - a.bench;
  const busy = b.machineBusy - a.machineBusy;
  out['bench (client + mock)'] = round((bench / turns) * 1000, 2);
  for (const name of Object.keys(b.others)) {
    const d = b.others[name] - a.others[name];
    known += d;
    out[name] = round((d / turns) * 1000, 2);
  }
  out['rest of the machine (other sessions, kernel)'] = round(((busy - known - bench) / turns) * 1000, 2);
  out.machine_busy_percent = round((busy / ((b.wall - a.wall) * cpus().length)) * 100, 1);
  out.iowait_percent = round(((b.machineIowait - a.machineIowait) / ((b.wall - a.wall) * cpus().length)) * 100, 1);
  return out;
}

async function json(url, init = {}) {
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

// ---------------------------------------------------------------------------------------------

function machine() {
  const [l1, l5, l15] = loadavg();
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    free_memory_gb: round(freemem() / 2 ** 30, 1),
    load_average: [round(l1, 2), round(l5, 2), round(l15, 2)],
    node: process.version,
  };
}

function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', 'apps', 'libs'], { cwd: ROOT }).toString().trim();
    return dirty ? `${head} (+ uncommitted changes in apps/libs)` : head;
  } catch {
    return 'unknown';
  }
}

async function main() {
  console.log(`[bench] ${JSON.stringify({ machine: machine(), commit: commit() })}`);
  // The mock answers every chat request with ANSWER and notes when each request arrived (after its
  // body was read), keyed by the "(ref qN)" the bench puts in the visitor's message.
  const arrivals = new Map();
  const mock = await startMockLlm({
    apiKey: 'sk-bench',
    responder: (body) => {
      // tenant-intelligence's L1b structured extraction of each turn (as a deployed model answers it): not a chat turn.
      if (isExtraction(body)) return { type: 'text', text: EXTRACTION_ANSWER };
      const last = [...body.messages].reverse().find((m) => m.role === 'user');
      const ref = /\(ref (q\d+)\)/.exec(typeof last?.content === 'string' ? last.content : '')?.[1];
      if (ref) arrivals.set(ref, performance.now());
      return { type: 'text', text: ANSWER };
    },
  });
  const lastChatBody = () => {
    const requests = mock.requests.filter((r) => r.path === '/v1/chat/completions' && !isExtraction(r.body));
    return requests.at(-1)?.rawBody;
  };

  console.log(`[bench] database ${database}, namespace ${namespace}, mock ${mock.url}`);
  const urls = await setupDatabase({ ...optionsFromEnv(process.env), superuserUrl, database });
  const base = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: urls.appUrl,
    NATS_URL: 'nats://127.0.0.1:4222',
    NATS_NAMESPACE: namespace,
    REDIS_URL: 'redis://127.0.0.1:6379',
  };
  // "listening" is logged at info: services start at info, which only adds one access line per request.
  const withInfo = { ...base, LOG_LEVEL: 'info' };
  await start('provisioning', { ...withInfo, OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password });
  const chatPort = await start('chat', { ...withInfo, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: mock.url });
  // tenant-intelligence runs the model tenant's L1b extraction on the same model (the mock), as a deployment with a model does.
  await start('tenant-intelligence', { ...withInfo, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: mock.url });
  await start('client-insights', { ...withInfo, ANALYTICS_DATABASE_URL: urls.analyticsUrl });
  await start('notifier', { ...withInfo, NOTIFIER_SECRET_KEYS: `b1:${randomBytes(32).toString('base64')}` });
  const gatewayPort = await start('gateway', {
    ...withInfo,
    AUTH_SIGNING_KEYS: `b1:${randomBytes(32).toString('hex')}`,
    RATE_LIMIT_PER_MINUTE: '100000',
    RPC_TIMEOUT_MS: '20000',
  });
  const api = (path) => `http://127.0.0.1:${gatewayPort}${path}`;
  const scrape = async () => ({
    chat: await (await fetch(`http://127.0.0.1:${chatPort}/metrics`)).text(),
    gateway: await (await fetch(`http://127.0.0.1:${gatewayPort}/metrics`)).text(),
  });

  // --- tenants, knowledge
  const login = await json(api('/api/v1/auth/login'), { method: 'POST', body: owner });
  const owner_ = { authorization: `Bearer ${login.body.token}` };
  if (PLAN) {
    const body = { key: `bench-${id}`, name: 'Bench plan', currency: 'EUR', cap_mode: 'soft' };
    const plan = await json(api('/api/v1/admin/plans'), { method: 'POST', headers: owner_, body });
    if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${JSON.stringify(plan.body)}`);
  }
  const createTenant = async (slug, llm) => {
    const res = await json(api('/api/v1/admin/tenants'), {
      method: 'POST',
      headers: { authorization: `Bearer ${login.body.token}` },
      body: {
        displayName: 'Bench Plumbing',
        slug: `${slug}-${id}`,
        kind: 'plumber',
        timezone: 'UTC',
        domain: null,
        config: { llm: { primary: llm, fallbacks: [] } },
        admin: { email: `admin-${slug}-${id}@bench.test`, password: 'bench admin password 1' },
      },
    });
    if (res.status !== 201) throw new Error(`tenant ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
    if (PLAN) {
      const put = await json(api(`/api/v1/admin/tenants/${res.body.tenant.id}/plan`), {
        method: 'PUT',
        headers: owner_,
        body: { plan_key: `bench-${id}` },
      });
      if (put.status !== 200) throw new Error(`plan for ${slug}: ${put.status} ${JSON.stringify(put.body)}`);
    }
    const key = { 'x-api-key': res.body.apiKey.key };
    for (const doc of KNOWLEDGE) {
      const up = await json(api('/api/v1/knowledge/documents'), { method: 'POST', headers: key, body: { ...doc, format: 'text' } });
      if (up.status !== 201) throw new Error(`knowledge upload: ${up.status} ${JSON.stringify(up.body)}`);
    }
    const search = await json(api('/api/v1/knowledge/search'), { method: 'POST', headers: key, body: { query: QUESTIONS[0] } });
    const hits = search.body?.items ?? search.body?.hits ?? search.body;
    console.log(`[bench] tenant ${slug}: ${KNOWLEDGE.length} documents, search finds ${Array.isArray(hits) ? hits.length : '?'} chunks`);
    return key;
  };
  const modelKey = await createTenant('model', { provider: 'openai', model: 'mock-chat' });
  const offlineKey = await createTenant('offline', { provider: 'offline', model: 'retrieval' });

  const newSession = async (key) => {
    const s = await json(api('/api/v1/sessions'), { method: 'POST', headers: key, body: {} });
    if (s.status !== 201 && s.status !== 200) throw new Error(`session: ${s.status} ${JSON.stringify(s.body)}`);
    return { id: s.body.session_id ?? s.body.id ?? s.body.session?.id, auth: { authorization: `Bearer ${s.body.token}` } };
  };
  /** Sessions for `turns` turns, TURNS_PER_SESSION each, created before a phase so the phase times turns only. */
  const sessionsFor = async (key, turns) => {
    const list = [];
    for (let i = 0; i < Math.ceil(turns / TURNS_PER_SESSION); i++) list.push(await newSession(key));
    return list;
  };

  let refs = 0;
  const gatewayTurn = async (session, n) => {
    const ref = `q${++refs}`;
    const message = `${QUESTIONS[n % QUESTIONS.length]} (ref ${ref})`;
    const r = await streamTimed(
      api('/api/v1/chat'),
      { ...session.auth, accept: 'text/event-stream' },
      JSON.stringify({ message }),
      gatewayFirst,
    );
    if (!r.text.includes('"type":"done"')) throw new Error(`turn without done frame: ${r.text.slice(-300)}`);
    const arrived = arrivals.get(ref);
    arrivals.delete(ref);
    return { ttft: r.ttft, total: r.total, toModel: arrived === undefined ? NaN : arrived - r.t0 };
  };
  const directTurn = async (body) => streamTimed(`${mock.url}/chat/completions`, { authorization: 'Bearer sk-bench' }, body, mockFirst);

  /** Runs `turns` turns over `sessions` with `concurrency` workers; each session's turns run in order. */
  const runTurns = async (sessions, turns, concurrency, turnFn) => {
    const queue = sessions.map((s) => ({ session: s, left: Math.min(TURNS_PER_SESSION, turns) }));
    let remaining = turns;
    const results = [];
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (;;) {
          const item = queue.find((q) => q.left > 0 && !q.busy);
          if (!item || remaining <= 0) return;
          item.busy = true;
          while (item.left > 0 && remaining > 0) {
            remaining -= 1;
            item.left -= 1;
            try {
              results.push(await turnFn(item.session, TURNS_PER_SESSION - item.left - 1));
            } catch (error) {
              failed += 1;
              if (failed <= 3) console.error(`[bench] turn failed: ${error.message}`);
            }
          }
        }
      }),
    );
    return { results, failed, seconds: (performance.now() - started) / 1000 };
  };

  const breakdown = (before, after) => ({
    method: 'mean from _sum/_count; p50/p99 interpolated inside histogram buckets (histogram_quantile)',
    chat_stages: histogramDelta(before.chat, after.chat, 'parley_chat_turn_stage_seconds', ['stage']),
    chat_first_token: histogramDelta(before.chat, after.chat, 'parley_chat_first_token_seconds')[''],
    chat_turn: histogramDelta(before.chat, after.chat, 'parley_chat_turn_seconds', ['outcome']),
    gateway_stages: histogramDelta(before.gateway, after.gateway, 'parley_gateway_turn_stage_seconds', ['stage']),
    gateway_auth_steps: histogramDelta(before.gateway, after.gateway, 'parley_gateway_auth_seconds', ['step', 'kind']),
  });
  const report = { machine: machine(), commit: commit(), id, nice_consumers: NICE_CONSUMERS };

  // --- warm-up (JIT, pools, keep-alive connections): not measured
  {
    const sessions = await sessionsFor(modelKey, WARMUP);
    await runTurns(sessions, WARMUP, 1, async (s, n) => {
      await gatewayTurn(s, n);
      await directTurn(lastChatBody());
    });
    const offline = await sessionsFor(offlineKey, 10);
    await runTurns(offline, 10, 1, (s, n) => gatewayTurn(s, n));
    mock.reset();
  }

  // --- c=1: direct and through the gateway, interleaved turn by turn
  {
    const sessions = await sessionsFor(modelKey, C1_TURNS);
    report.load_before_c1 = loadavg().map((v) => round(v, 2));
    const cpuBefore = await cpuSnapshot();
    const before = await scrape();
    const direct = [];
    const run = await runTurns(sessions, C1_TURNS, 1, async (s, n) => {
      const g = await gatewayTurn(s, n);
      const body = lastChatBody();
      mock.reset();
      direct.push((await directTurn(body)).ttft);
      if (C1_GAP_MS > 0) await new Promise((r) => setTimeout(r, C1_GAP_MS));
      return g;
    });
    const after = await scrape();
    const ttft = run.results.map((r) => r.ttft);
    const d = summary(direct);
    const g = summary(ttft);
    report.c1 = {
      turns: run.results.length,
      failed: run.failed,
      sessions: sessions.length,
      turns_per_session: TURNS_PER_SESSION,
      gap_ms: C1_GAP_MS,
      direct_ttft_ms: d,
      gateway_ttft_ms: g,
      ttft_added_ms: { p50: round(g.p50 - d.p50, 2), p90: round(g.p90 - d.p90, 2), p99: round(g.p99 - d.p99, 2) },
      client_to_model_request_ms: summary(run.results.map((r) => r.toModel).filter(Number.isFinite)),
      model_request_to_first_token_at_client_ms: summary(run.results.map((r) => r.ttft - r.toModel).filter(Number.isFinite)),
      stages: breakdown(before, after),
      cpu_ms_per_turn: cpuPerTurn(cpuBefore, await cpuSnapshot(), run.results.length),
    };
    console.log(`[bench] c=1 done: ${JSON.stringify({ direct: d, gateway: g })}`);
  }

  // --- c=32 through the gateway (then the mock alone at c=32 for reference)
  const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  const pool = new pg.Pool({ connectionString: urls.ownerUrl, max: 1 });
  const lag = async () => {
    const out = {};
    for (const durable of ['tenant-intelligence', 'client-insights', 'notifier']) {
      try {
        const info = await jsm.consumers.info(`${namespace}_EVENTS`, durable);
        out[durable] = {
          num_pending: info.num_pending,
          num_ack_pending: info.num_ack_pending,
          lag: info.num_pending + info.num_ack_pending,
        };
      } catch (error) {
        out[durable] = { error: error.message };
      }
    }
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
    out.outbox_unsent = rows[0].n;
    return out;
  };
  // --c32-turns 0 skips the c=32 phase (and its 30 s lag wait): a c=1 + offline run for latency A/B pairs.
  if (C32_TURNS === 0) report.c32 = { skipped: true, turns_per_s: null };
  else {
    const sessions = await sessionsFor(modelKey, C32_TURNS);
    report.load_before_c32 = loadavg().map((v) => round(v, 2));
    const lagBefore = await lag();
    const cpuBefore = await cpuSnapshot();
    const before = await scrape();
    const run = await runTurns(sessions, C32_TURNS, CONCURRENCY, (s, n) => gatewayTurn(s, n));
    const after = await scrape();
    const cpuAfter = await cpuSnapshot();
    const lagAfter = await lag();
    mock.reset();
    report.c32 = {
      concurrency: CONCURRENCY,
      turns: run.results.length,
      failed: run.failed,
      seconds: round(run.seconds, 1),
      turns_per_s: round(run.results.length / run.seconds, 1),
      gateway_ttft_ms: summary(run.results.map((r) => r.ttft)),
      turn_total_ms: summary(run.results.map((r) => r.total)),
      client_to_model_request_ms: summary(run.results.map((r) => r.toModel).filter(Number.isFinite)),
      stages: breakdown(before, after),
      cpu_ms_per_turn: cpuPerTurn(cpuBefore, cpuAfter, run.results.length),
      consumer_lag_before: lagBefore,
      consumer_lag_right_after: lagAfter,
    };
    console.log(`[bench] c=${CONCURRENCY} done: ${report.c32.turns_per_s} turns/s; lag ${JSON.stringify(lagAfter)}`);
    const lagStarted = performance.now();
    // The mock alone at c=32 (a few seconds) while the consumers drain; its own TTFT for reference.
    const body = await (async () => {
      const s = await newSession(modelKey);
      await gatewayTurn(s, 0);
      return lastChatBody();
    })();
    const directAt32 = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < 640) {
          next += 1;
          directAt32.push((await directTurn(body)).ttft);
        }
      }),
    );
    mock.reset();
    report.c32.direct_ttft_ms_at_c32 = summary(directAt32);
    await new Promise((r) => setTimeout(r, Math.max(0, LAG_WAIT_MS - (performance.now() - lagStarted))));
    report.c32.consumer_lag_30s_later = await lag();
    console.log(`[bench] lag 30 s later: ${JSON.stringify(report.c32.consumer_lag_30s_later)}`);
  }

  // --- offline responder at c=1, beside GET /api/v1/sessions/{id}
  {
    const sessions = await sessionsFor(offlineKey, OFFLINE_TURNS);
    report.load_before_offline = loadavg().map((v) => round(v, 2));
    const cpuBefore = await cpuSnapshot();
    const before = await scrape();
    const run = await runTurns(sessions, OFFLINE_TURNS, 1, (s, n) => gatewayTurn(s, n));
    const after = await scrape();
    const cpuAfter = await cpuSnapshot();
    const gets = [];
    for (let i = 0; i < OFFLINE_TURNS; i++) {
      const s = sessions[i % sessions.length];
      const t0 = performance.now();
      const res = await fetch(api(`/api/v1/sessions/${s.id}`), { headers: offlineKey });
      await res.text();
      if (res.status !== 200) throw new Error(`GET session ${res.status}`);
      gets.push(performance.now() - t0);
    }
    report.offline = {
      turns: run.results.length,
      failed: run.failed,
      gateway_first_token_ms: summary(run.results.map((r) => r.ttft)),
      get_session_ms: summary(gets),
      stages: breakdown(before, after),
      cpu_ms_per_turn: cpuPerTurn(cpuBefore, cpuAfter, run.results.length),
    };
  }
  await nc.close();
  await pool.end();
  await mock.close();

  const logged = {};
  for (const e of serviceLog) logged[`${e.app} ${e.level}: ${e.msg}`] = (logged[`${e.app} ${e.level}: ${e.msg}`] ?? 0) + 1;
  report.service_warnings_and_errors = logged;
  report.first_service_errors = serviceLog
    .filter((e) => e.level !== 'warn')
    .slice(0, 3)
    .map((e) => e.line);
  report.targets = TARGETS;
  report.verdict = {
    ttft_added_p50: `${report.c1.ttft_added_ms.p50} ms (target <= ${TARGETS.added_p50_ms} ms)`,
    ttft_added_p99: `${report.c1.ttft_added_ms.p99} ms (target <= ${TARGETS.added_p99_ms} ms)`,
    turns_per_s_c32: `${report.c32.turns_per_s} (target >= ${TARGETS.c32_turns_per_s})`,
    offline_first_token_p50: `${report.offline.gateway_first_token_ms.p50} ms through the gateway (target <= ${TARGETS.offline_first_token_p50_ms} ms)`,
  };
  console.log(JSON.stringify(report, null, 2));
  printTables(report);
}

function printTables(r) {
  const line = (cells) => console.log(`| ${cells.join(' | ')} |`);
  console.log('\nTTFT, ms (client-side, streamed):');
  line(['', 'p50', 'p90', 'p99', 'target']);
  line(['---', '---', '---', '---', '---']);
  line(['c=1 mock direct', r.c1.direct_ttft_ms.p50, r.c1.direct_ttft_ms.p90, r.c1.direct_ttft_ms.p99, '']);
  line(['c=1 through the gateway', r.c1.gateway_ttft_ms.p50, r.c1.gateway_ttft_ms.p90, r.c1.gateway_ttft_ms.p99, '']);
  line(['c=1 added', r.c1.ttft_added_ms.p50, r.c1.ttft_added_ms.p90, r.c1.ttft_added_ms.p99, 'p50 <= 5, p99 <= 20']);
  const c32 = !r.c32.skipped;
  if (c32) line(['c=32 through the gateway', r.c32.gateway_ttft_ms.p50, r.c32.gateway_ttft_ms.p90, r.c32.gateway_ttft_ms.p99, '']);
  if (c32)
    line(['c=32 mock direct', r.c32.direct_ttft_ms_at_c32.p50, r.c32.direct_ttft_ms_at_c32.p90, r.c32.direct_ttft_ms_at_c32.p99, '']);
  line([
    'offline first token',
    r.offline.gateway_first_token_ms.p50,
    r.offline.gateway_first_token_ms.p90,
    r.offline.gateway_first_token_ms.p99,
    'p50 <= 5',
  ]);
  line(['GET /api/v1/sessions/{id}', r.offline.get_session_ms.p50, r.offline.get_session_ms.p90, r.offline.get_session_ms.p99, '']);
  if (c32) console.log(`\nc=${r.c32.concurrency}: ${r.c32.turns_per_s} turns/s (target >= 150), ${r.c32.failed} failed`);
  const lagOf = (l) =>
    Object.entries(l)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? (v.lag ?? v.error) : v}`)
      .join(', ');
  if (c32) console.log(`lag right after: ${lagOf(r.c32.consumer_lag_right_after)}; 30 s later: ${lagOf(r.c32.consumer_lag_30s_later)}`);
  for (const phase of c32 ? ['c1', 'c32', 'offline'] : ['c1', 'offline']) {
    const s = r[phase].stages;
    console.log(`\nstages, ${phase} (ms; ${s.method}):`);
    line(['stage', 'mean', 'p50', 'p99', 'n']);
    line(['---', '---', '---', '---', '---']);
    for (const [k, v] of Object.entries(s.gateway_auth_steps)) line([`gateway auth: ${k}`, v.mean_ms, v.p50_ms, v.p99_ms, v.n]);
    for (const [k, v] of Object.entries(s.gateway_stages)) line([`gateway ${k}`, v.mean_ms, v.p50_ms, v.p99_ms, v.n]);
    for (const [k, v] of Object.entries(s.chat_stages)) line([`chat ${k}`, v.mean_ms, v.p50_ms, v.p99_ms, v.n]);
    if (s.chat_first_token)
      line([
        'chat first token (receive to publish)',
        s.chat_first_token.mean_ms,
        s.chat_first_token.p50_ms,
        s.chat_first_token.p99_ms,
        s.chat_first_token.n,
      ]);
    console.log(`CPU ms per turn: ${JSON.stringify(r[phase].cpu_ms_per_turn)}`);
    const wait = s.gateway_stages.first_token_wait?.mean_ms;
    const chat = s.chat_first_token?.mean_ms;
    if (wait !== undefined && chat !== undefined)
      console.log(`RPC + NATS hops to the first token (mean, gateway wait - chat's own): ${round(wait - chat, 2)} ms`);
  }
}

async function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)));
  await dropDatabase(superuserUrl, database).catch(() => undefined);
}

main()
  .then(cleanup)
  .catch(async (error) => {
    console.error('[bench] failed:', error.stack ?? error.message);
    await cleanup();
    process.exit(1);
  });
