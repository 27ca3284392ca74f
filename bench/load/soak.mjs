#!/usr/bin/env node
// Load and soak of the whole platform (issue 16 points 4 and 5).
//
// Boots the six services from dist with the libs/testing mock model (lib/platform.mjs), seeds a
// tenant through the public API, opens N long-lived notification SSE streams on the one gateway
// process (a tenant admin's inbox stream, held open and reopened if it ends), then for the
// profile's duration runs a steady open-loop mix at fixed rates:
//   session   POST /api/v1/sessions (API key);
//   turn/ttft streamed chat turns over SSE (session token), turns-per-session each, then
//             POST /api/v1/sessions/:id/close (close); every urgent-every-th turn is urgent, so
//             the notifier sends the staff inbox (and the held streams) a notification;
//   history, contacts, insights  GET reads driven by autocannon (one instance per kind).
// Every window (10 s) it records per kind requests, errors (non-2xx, resets, timeouts, stream
// errors) and p50/p99, RSS (/proc/<pid>/status) and V8 heap used (/metrics) of every service,
// JetStream consumer lag (pending + ack pending over the run's consumers) and unsent outbox rows.
// At the end: the table per window, the least-squares slope of RSS over the second half (MB/min)
// per service with PASS/FAIL against --bound-mb-per-min, and the chart as
// bench/load/results/<timestamp>.png (the numbers beside it as .json).
//
//   npm run build && npm run bench:load -- --profile short|soak [--sse-streams 1000]
//     [--turn-rate 1] [--read-rate 6] [--turns-per-session 3] [--duration-s S]
//     [--no-trace-gc] [--heap-snapshots <service>:<s>,<s>...]
//
// Memory verdict. Every service runs with `node --trace-gc` (unless --no-trace-gc): the heap used
// after each full mark-compact is its live JS heap. A service passes when, over the second half,
// both its live heap and its RSS outside the V8 heap (RSS minus nodejs_heap_size_total_bytes,
// sampled together every window) grow by at most --bound-mb-per-min; the raw RSS slope and its
// old rule are printed beside it. bench/load/README.md gives the evidence and the reasoning.
// With --no-trace-gc the verdict is the raw RSS rule.
// --heap-snapshots writes V8 heap snapshots of one service at the given seconds of the soak
// (SIGUSR2 with --heapsnapshot-signal, into /tmp/load-heap-<start time>/) to compare offline;
// a snapshot pauses that service for seconds and adds to its RSS, so a run with it is diagnosis,
// not a recorded soak.
//
// Needs PostgreSQL, NATS and Redis as set up by scripts/setup.sh. Stops what it starts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT, SERVICES, json, seedTenant, startPlatform } from './lib/platform.mjs';
import { chatTurn, holdStream } from './lib/sse.mjs';
import { WindowStats, markdownTable, memoryVerdicts, round, settledMemoryVerdict, windowTotals } from './lib/stats.mjs';
import { writeChart } from './lib/chart.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { connect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');
const pg = require('pg');

const PROFILES = { soak: { duration_s: 600, sse_streams: 100 }, short: { duration_s: 60, sse_streams: 20 } };
const flag = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const num = (name, fallback) => (flag(name) === undefined ? fallback : Number(flag(name)));
const profileName = flag('profile') ?? 'short';
const profile = PROFILES[profileName];
if (!profile) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);
const CONFIG = {
  profile: profileName,
  duration_s: num('duration-s', profile.duration_s),
  sse_streams: num('sse-streams', profile.sse_streams),
  turn_rate_per_s: num('turn-rate', 1),
  turns_per_session: num('turns-per-session', 3),
  read_rate_per_s: num('read-rate', 6),
  urgent_every: num('urgent-every', 20),
  window_s: num('window-s', 10),
  memory_sample_s: num('memory-sample-s', 2),
  max_in_flight: num('max-in-flight', 200),
  bound_mb_per_min: num('bound-mb-per-min', 1),
  trace_gc: !process.argv.includes('--no-trace-gc'),
  heap_snapshots: flag('heap-snapshots') ?? null,
};

const ANSWER =
  'Our call-out fee is 65 pounds on weekdays and 95 pounds at weekends. A plumber can usually be with you within two hours; ' +
  'tell me your postcode and a good time and I will book it.';
const QUESTIONS = [
  'How much is the call-out fee at weekends?',
  'Do you fix boilers as well, and how quickly can someone come?',
  'My kitchen tap drips all the time, can you replace the washer? My name is Jane Doe, jane.doe@example.com',
  'What areas do you cover and do you charge for travel?',
  'Can I pay by card, and do you give a guarantee on the work?',
];
const URGENT = 'Help! A pipe has burst and the kitchen is flooding right now';
const KNOWLEDGE = [
  {
    title: 'Prices',
    content:
      'Call-out fee: 65 pounds on weekdays and 95 pounds at weekends. Labour is 55 pounds per hour after the first hour. ' +
      'A boiler service costs 89 pounds and takes about an hour. Replacing a tap washer is 45 pounds including the part.',
  },
  {
    title: 'Service area and payment',
    content:
      'We cover every postcode within 15 miles; travel is free inside that area. Emergency call-outs are answered within two hours. ' +
      'We accept card, bank transfer and cash, and every repair carries a 12-month guarantee.',
  },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => round(bytes / 2 ** 20, 1);

function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', 'apps', 'libs'], { cwd: ROOT }).toString().trim();
    return dirty ? `${head} (+ uncommitted changes in apps/libs)` : head;
  } catch {
    return 'unknown';
  }
}

/** VmRSS of a pid in bytes (NaN once it is gone). */
function rssOf(pid) {
  try {
    return Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  } catch {
    return NaN;
  }
}

/** V8 heap used, V8 heap committed and external memory (buffers) of a service from its /metrics, in bytes. */
async function heapOf(port) {
  const metric = (text, name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return {
      heap: metric(text, 'nodejs_heap_size_used_bytes'),
      heapTotal: metric(text, 'nodejs_heap_size_total_bytes'),
      external: metric(text, 'nodejs_external_memory_bytes'),
    };
  } catch {
    return { heap: NaN, heapTotal: NaN, external: NaN };
  }
}

/** Calls `fn(i)` at a fixed rate (open loop) until `until()`; skips a call when `max` are in flight. */
function fixedRate(ratePerS, fn, { until, max, onSkip }) {
  const started = performance.now();
  let i = 0;
  let inFlight = 0;
  const pending = new Set();
  const done = (async () => {
    while (!until()) {
      const due = started + (i * 1000) / ratePerS;
      if (due > performance.now()) await sleep(due - performance.now());
      if (until()) break;
      i += 1;
      if (inFlight >= max) {
        onSkip();
        continue;
      }
      inFlight += 1;
      const p = fn(i).finally(() => {
        inFlight -= 1;
        pending.delete(p);
      });
      pending.add(p);
    }
    await Promise.allSettled([...pending]);
  })();
  return done;
}

async function main() {
  const machine = {
    cpus: cpus().length,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    load_average_at_start: loadavg().map((v) => round(v, 2)),
  };
  const meta = { commit: commit(), started_at: new Date().toISOString(), machine, config: CONFIG };
  console.log(`[load] ${JSON.stringify(meta)}`);

  const nodeArgs = {};
  if (CONFIG.trace_gc) for (const app of SERVICES) nodeArgs[app] = ['--trace-gc'];
  const snapshots = CONFIG.heap_snapshots ? parseSnapshots(CONFIG.heap_snapshots) : null;
  const snapshotDir = `/tmp/load-heap-${meta.started_at.replace(/[:.]/g, '-')}`;
  if (snapshots) {
    mkdirSync(snapshotDir, { recursive: true });
    nodeArgs[snapshots.app] = [...(nodeArgs[snapshots.app] ?? []), '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`];
  }
  const platform = await startPlatform({ responder: () => ({ type: 'text', text: ANSWER }), nodeArgs });
  const { api, pids, ports } = platform;
  const stats = new WindowStats();
  let nc;
  let pool;
  const streams = new Set();
  let stopping = false;
  try {
    const tenant = await seedTenant(platform, KNOWLEDGE);
    const newSession = async () => {
      const t0 = performance.now();
      const s = await json(api('/api/v1/sessions'), { method: 'POST', headers: tenant.key, body: {} });
      if (s.status !== 201 && s.status !== 200) throw new Error(`status ${s.status}`);
      return {
        ms: performance.now() - t0,
        id: s.body.session_id ?? s.body.id ?? s.body.session?.id,
        auth: { authorization: `Bearer ${s.body.token}` },
        turns: 0,
      };
    };
    let turnNo = 0;
    const turn = (session) => {
      turnNo += 1;
      const message = turnNo % CONFIG.urgent_every === 0 ? URGENT : QUESTIONS[turnNo % QUESTIONS.length];
      return chatTurn(api('/api/v1/chat'), session.auth, { message });
    };

    // Warm-up (not measured): JIT, pools; leaves a session with history for the history reads.
    const readSession = await newSession();
    for (let i = 0; i < 3; i++) await turn(readSession);
    for (let i = 0; i < 10; i++) await turn(await newSession());

    nc = await connect({ servers: 'nats://127.0.0.1:4222' });
    const jsm = await jetstreamManager(nc);
    pool = new pg.Pool({ connectionString: platform.urls.ownerUrl, max: 1 });
    const lag = async () => {
      const out = { consumers: 0, lag: 0 };
      try {
        for await (const c of jsm.consumers.list(`${platform.namespace}_EVENTS`)) {
          out.consumers += 1;
          out.lag += c.num_pending + c.num_ack_pending;
        }
        out.outbox_unsent = (await pool.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')).rows[0].n;
      } catch (error) {
        out.error = error.message;
      }
      return out;
    };

    // --- N long-lived notification streams on the gateway, opened 50 at a time.
    const streamUrl = api('/api/v1/notifications/stream');
    let streamFrames = 0;
    let notificationFrames = 0;
    const openOne = () =>
      new Promise((resolve) => {
        const entry = { open: false };
        entry.handle = holdStream(streamUrl, tenant.staff, {
          onOpen: (ms) => {
            entry.open = true;
            stats.ok('stream_open', ms);
            resolve(true);
          },
          onFrame: (text) => {
            streamFrames += 1;
            notificationFrames += text.split('"type":"notification"').length - 1;
          },
          onEnd: (reason) => {
            streams.delete(entry);
            stats.fail(entry.open ? 'stream' : 'stream_open', reason);
            resolve(false);
            if (!stopping) setTimeout(() => !stopping && openOne(), 1000);
          },
        });
        streams.add(entry);
      });
    const gatewayRssBefore = rssOf(pids.gateway);
    const openStarted = performance.now();
    for (let i = 0; i < CONFIG.sse_streams; i += 50)
      await Promise.all(Array.from({ length: Math.min(50, CONFIG.sse_streams - i) }, openOne));
    const opening = {
      streams: CONFIG.sse_streams,
      seconds: round((performance.now() - openStarted) / 1000, 1),
      latency: stats.take().stream_open ?? null,
      gateway_rss_before_mb: mb(gatewayRssBefore),
    };
    await sleep(2000);
    opening.gateway_rss_after_mb = mb(rssOf(pids.gateway));
    opening.kb_per_stream = CONFIG.sse_streams ? round((rssOf(pids.gateway) - gatewayRssBefore) / 1024 / CONFIG.sse_streams, 1) : null;
    console.log(`[load] streams: ${JSON.stringify(opening)}`);

    // --- the soak: fixed-rate turns and sessions, autocannon reads, a sample per window.
    const windows = [];
    const t0 = performance.now();
    const sample = async () => {
      const kinds = stats.take();
      const rss = {};
      const heap = {};
      const external = {};
      const heapTotal = {};
      const native = {};
      for (const app of SERVICES) {
        const m = await heapOf(ports[app]);
        // RSS read right after the scrape, so RSS minus the heap committed compares one moment.
        const bytes = rssOf(pids[app]);
        rss[app] = mb(bytes);
        heap[app] = mb(m.heap);
        heapTotal[app] = mb(m.heapTotal);
        native[app] = mb(bytes - m.heapTotal);
        external[app] = mb(m.external);
      }
      rss['load driver'] = mb(process.memoryUsage().rss);
      const w = {
        t_s: round((performance.now() - t0) / 1000, 1),
        kinds,
        rss_mb: rss,
        heap_mb: heap,
        heap_total_mb: heapTotal,
        native_mb: native,
        external_mb: external,
        open_streams: [...streams].filter((s) => s.open).length,
        stream_frames: streamFrames,
        notification_frames: notificationFrames,
        lag: await lag(),
        load1: round(loadavg()[0], 2),
      };
      streamFrames = 0;
      notificationFrames = 0;
      windows.push(w);
      const { n, errors } = windowTotals(kinds);
      console.log(
        `[load] t=${w.t_s}s req=${n} err=${errors} turn p99=${kinds.turn?.p99 ?? '-'}ms gateway rss=${rss.gateway}MB lag=${w.lag.lag} streams=${w.open_streams} load=${w.load1}`,
      );
    };
    const baseline = {
      t_s: 0,
      kinds: {},
      rss_mb: {},
      heap_mb: {},
      open_streams: [...streams].filter((s) => s.open).length,
      lag: await lag(),
      load1: round(loadavg()[0], 2),
    };
    for (const app of SERVICES) baseline.rss_mb[app] = mb(rssOf(pids[app]));
    const until = () => performance.now() - t0 >= CONFIG.duration_s * 1000;
    const sampler = setInterval(() => void sample(), CONFIG.window_s * 1000);
    const snapshotTimers = (snapshots?.at_s ?? []).map((s) =>
      setTimeout(() => {
        console.log(`[load] heap snapshot of ${snapshots.app} at t=${s}s into ${snapshotDir}`);
        process.kill(pids[snapshots.app], 'SIGUSR2');
      }, s * 1000),
    );
    // RSS every 2 s (cheap /proc reads): five times the points of the windows for the slope fit.
    const memory = [{ t_s: 0, rss_mb: { ...baseline.rss_mb } }];
    const memorySampler = setInterval(() => {
      const rss = {};
      for (const app of SERVICES) rss[app] = mb(rssOf(pids[app]));
      memory.push({ t_s: round((performance.now() - t0) / 1000, 1), rss_mb: rss });
    }, CONFIG.memory_sample_s * 1000);

    const ready = [];
    const sessionRate = (CONFIG.turn_rate_per_s / CONFIG.turns_per_session) * 1.1;
    const createSession = async () => {
      try {
        const s = await newSession();
        stats.ok('session', s.ms);
        ready.push(s);
        return s;
      } catch (error) {
        stats.fail('session', error.message);
        return null;
      }
    };
    const sessions = fixedRate(sessionRate, createSession, {
      until,
      max: CONFIG.max_in_flight,
      onSkip: () => stats.fail('session', 'client: in-flight cap'),
    });
    const turns = fixedRate(
      CONFIG.turn_rate_per_s,
      async () => {
        const session = ready.shift() ?? (await createSession());
        if (session === null) return;
        if (ready.includes(session)) ready.splice(ready.indexOf(session), 1);
        try {
          const r = await turn(session);
          stats.ok('turn', r.total);
          stats.ok('ttft', r.ttft);
        } catch (error) {
          stats.fail('turn', error.message);
        }
        session.turns += 1;
        if (session.turns < CONFIG.turns_per_session) {
          ready.push(session);
          return;
        }
        const t = performance.now();
        const closed = await json(api(`/api/v1/sessions/${session.id}/close`), { method: 'POST', headers: session.auth }).catch((e) => ({
          status: e.message,
        }));
        if (closed.status === 200 || closed.status === 204) stats.ok('close', performance.now() - t);
        else stats.fail('close', `status ${closed.status}`);
      },
      { until, max: CONFIG.max_in_flight, onSkip: () => stats.fail('turn', 'client: in-flight cap') },
    );
    const reads = [
      ['history', `/api/v1/chat/history?session_id=${readSession.id}&limit=20`],
      ['contacts', '/api/v1/contacts?limit=20'],
      ['insights', '/api/v1/insights?period=day'],
    ].map(
      ([kind, path]) =>
        new Promise((resolve) => {
          const rate = CONFIG.read_rate_per_s / 3;
          const instance = autocannon(
            {
              url: api(path),
              headers: tenant.key,
              connections: Math.max(1, Math.min(4, Math.floor(rate))),
              overallRate: rate,
              duration: CONFIG.duration_s,
              timeout: 10,
            },
            (error, result) =>
              resolve(error ? { kind, error: error.message } : { kind, requests: result.requests.total, non2xx: result.non2xx }),
          );
          instance.on('response', (_client, status, _bytes, ms) =>
            status >= 200 && status < 300 ? stats.ok(kind, ms) : stats.fail(kind, `status ${status}`),
          );
          instance.on('reqError', (error) => stats.fail(kind, error.message ?? 'request error'));
        }),
    );
    const autocannonResults = await Promise.all(reads);
    await Promise.all([sessions, turns]);
    clearInterval(sampler);
    clearInterval(memorySampler);
    for (const timer of snapshotTimers) clearTimeout(timer);
    // The last (partial) window: a window of its own unless it is shorter than half a window.
    if ((performance.now() - t0) / 1000 - (windows.at(-1)?.t_s ?? 0) >= CONFIG.window_s / 2 || !windows.length) await sample();
    else mergeInto(windows.at(-1), stats.take());
    stopping = true;
    for (const s of streams) s.handle.close();

    const gc = CONFIG.trace_gc ? gcSeries(platform.gcLog, t0) : null;
    const report = finish({ meta, opening, baseline, windows, memory, autocannonResults, serviceLog: platform.serviceLog, gc });
    return report;
  } finally {
    stopping = true;
    for (const s of streams) s.handle.close();
    await nc?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await platform.stop();
  }
}

/** `--heap-snapshots client-insights:120,540` -> { app, at_s: [120, 540] }. */
function parseSnapshots(value) {
  const [app, times] = value.split(':');
  const at_s = (times ?? '').split(',').map(Number);
  if (!SERVICES.includes(app) || !at_s.length || at_s.some((s) => !Number.isFinite(s) || s < 0))
    throw new Error(`--heap-snapshots must be <service>:<seconds>[,<seconds>...] with a service of ${SERVICES.join(', ')}`);
  return { app, at_s };
}

/** Per service, [[seconds since the start of the soak, heap used after the mark-compact MB]] (collections before the start left out). */
function gcSeries(gcLog, t0) {
  const startedAt = performance.timeOrigin + t0;
  return Object.fromEntries(
    Object.entries(gcLog).map(([app, entries]) => [
      app,
      entries.filter((e) => e.at >= startedAt).map((e) => [round((e.at - startedAt) / 1000, 1), e.after_mb]),
    ]),
  );
}

/** Adds a short tail window's counts and errors to the window before it (its percentiles stay). */
function mergeInto(window, kinds) {
  for (const [kind, k] of Object.entries(kinds)) {
    const into = (window.kinds[kind] ??= { n: 0, errors: 0, p50: null, p99: null, max: null, reasons: {} });
    into.n += k.n;
    into.errors += k.errors;
    for (const [r, c] of Object.entries(k.reasons)) into.reasons[r] = (into.reasons[r] ?? 0) + c;
  }
}

function finish({ meta, opening, baseline, windows, memory, autocannonResults, serviceLog, gc }) {
  const series = {};
  const heapSeries = {};
  const externalSeries = {};
  for (const app of SERVICES) {
    externalSeries[app] = windows.map((w) => [w.t_s, w.external_mb?.[app] ?? null]).filter(([, v]) => v !== null);
    series[app] = memory.map((m) => [m.t_s, m.rss_mb[app]]).filter(([, v]) => v !== null);
    heapSeries[app] = windows.map((w) => [w.t_s, w.heap_mb[app]]).filter(([, v]) => v !== null);
  }
  const rssVerdicts = memoryVerdicts(series, CONFIG.bound_mb_per_min);
  const heapSlopes = memoryVerdicts(heapSeries, CONFIG.bound_mb_per_min);
  const externalSlopes = memoryVerdicts(externalSeries, CONFIG.bound_mb_per_min);
  const gcSlopes = gc ? memoryVerdicts(gc, CONFIG.bound_mb_per_min) : null;
  const nativeSeries = (app) => windows.map((w) => [w.t_s, w.native_mb?.[app] ?? null]).filter(([, v]) => v !== null);
  const settled = gc
    ? Object.fromEntries(
        SERVICES.map((app) => [
          app,
          settledMemoryVerdict({ liveHeap: gc[app], heapUsed: heapSeries[app], native: nativeSeries(app) }, CONFIG.bound_mb_per_min),
        ]),
      )
    : null;
  const kinds = [...new Set(windows.flatMap((w) => Object.keys(w.kinds)))];
  const totals = Object.fromEntries(
    kinds.map((k) => {
      const reasons = {};
      let n = 0;
      let errors = 0;
      for (const w of windows) {
        const e = w.kinds[k];
        if (!e) continue;
        n += e.n;
        errors += e.errors;
        for (const [r, c] of Object.entries(e.reasons)) reasons[r] = (reasons[r] ?? 0) + c;
      }
      return [k, { n, errors, reasons }];
    }),
  );
  // Streams that failed to open before the soak began (each was retried until open) count too.
  const openingErrors = opening.latency?.errors ?? 0;
  const errorsTotal = Object.values(totals).reduce((a, t) => a + t.errors, 0) + openingErrors;
  const requestsTotal = Object.values(totals).reduce((a, t) => a + t.n, 0) + (opening.latency?.n ?? 0);
  const logged = {};
  for (const e of serviceLog) logged[`${e.app} ${e.level}: ${e.msg}`] = (logged[`${e.app} ${e.level}: ${e.msg}`] ?? 0) + 1;
  const report = {
    ...meta,
    finished_at: new Date().toISOString(),
    load_average_at_end: loadavg().map((v) => round(v, 2)),
    streams_opening: opening,
    baseline,
    windows,
    memory,
    totals,
    autocannon: autocannonResults,
    rss_slope_second_half: rssVerdicts,
    heap_slope_second_half: heapSlopes,
    external_slope_second_half: externalSlopes,
    heap_after_gc: gc,
    heap_after_gc_slope_second_half: gcSlopes,
    settled_memory_second_half: settled,
    service_warnings_and_errors: logged,
    first_service_errors: serviceLog
      .filter((e) => e.level !== 'warn')
      .slice(0, 5)
      .map((e) => e.line),
    verdict: {
      errors: `${errorsTotal} of ${requestsTotal} (${round((errorsTotal / Math.max(1, requestsTotal)) * 100, 3)} %; stream opens before the soak: ${openingErrors} of ${opening.latency?.n ?? 0} failed): ${errorsTotal === 0 ? 'PASS' : 'FAIL'}`,
      memory: settled
        ? `live heap (after mark-compact) and RSS outside the V8 heap, slopes over the second half <= ${CONFIG.bound_mb_per_min} MB/min for every service: ${Object.values(settled).every((v) => v.verdict === 'PASS') ? 'PASS' : 'FAIL'}`
        : `RSS slope over the second half <= ${CONFIG.bound_mb_per_min} MB/min for every service: ${Object.values(rssVerdicts).every((v) => v.verdict === 'PASS') ? 'PASS' : 'FAIL'}`,
      raw_rss: `RSS slope over the second half <= ${CONFIG.bound_mb_per_min} MB/min for every service: ${Object.values(rssVerdicts).every((v) => v.verdict === 'PASS') ? 'PASS' : 'FAIL'}`,
    },
  };
  printReport(report, kinds);
  const dir = join(ROOT, 'bench', 'load', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = meta.started_at.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(report, null, 2));
  const png = join(dir, `${stamp}.png`);
  writeChart(
    png,
    windows,
    memory,
    `Parley ${meta.config.profile} ${meta.config.duration_s}s at ${meta.commit}: ${meta.config.turn_rate_per_s} turns/s, ${meta.config.read_rate_per_s} reads/s, ${meta.config.sse_streams} held SSE streams; ${report.verdict.errors}`,
  );
  console.log(`\n[load] chart: ${png}\n[load] numbers: ${png.replace(/\.png$/, '.json')}`);
  return report;
}

function printReport(r, kinds) {
  const shown = ['session', 'turn', 'ttft', 'close', 'history', 'contacts', 'insights', 'stream'].filter(
    (k) => kinds.includes(k) || k === 'stream',
  );
  console.log('\nPer window: requests, errors, p50/p99 ms per kind');
  const header = [
    't (s)',
    'req',
    'err',
    ...shown.filter((k) => k !== 'stream').map((k) => `${k} p50/p99`),
    'stream err',
    'open streams',
    'notif. frames',
    'lag',
    'outbox',
    'load1',
  ];
  const rows = r.windows.map((w) => {
    const t = windowTotals(w.kinds);
    return [
      w.t_s,
      t.n,
      t.errors,
      ...shown.filter((k) => k !== 'stream').map((k) => (w.kinds[k]?.p99 != null ? `${w.kinds[k].p50}/${w.kinds[k].p99}` : '-')),
      w.kinds.stream?.errors ?? 0,
      w.open_streams,
      w.notification_frames,
      w.lag.lag,
      w.lag.outbox_unsent,
      w.load1,
    ];
  });
  for (const l of markdownTable(header, rows)) console.log(l);
  console.log('\nPer window: RSS MB (heap used MB) per service');
  const apps = Object.keys(r.windows[0]?.rss_mb ?? {});
  const memRows = r.windows.map((w) => [
    w.t_s,
    ...apps.map((a) => (w.heap_mb[a] !== undefined ? `${w.rss_mb[a]} (${w.heap_mb[a]})` : w.rss_mb[a])),
  ]);
  for (const l of markdownTable(['t (s)', ...apps], memRows)) console.log(l);
  const settled = r.settled_memory_second_half;
  const slopeRows = Object.entries(r.rss_slope_second_half).map(([app, v]) => {
    const first = r.memory[0].rss_mb[app];
    const last = r.memory.at(-1).rss_mb[app];
    const s = settled?.[app];
    return [
      app,
      first,
      last,
      `${v.slope_mb_per_min} ± ${v.stderr_mb_per_min}`,
      v.verdict,
      r.heap_slope_second_half[app].slope_mb_per_min,
      r.external_slope_second_half[app]?.slope_mb_per_min,
      ...(s
        ? [
            `${s.heap.slope_mb_per_min} ± ${s.heap.stderr_mb_per_min} (${s.heap.samples} ${s.heap.source === 'heap after mark-compact' ? 'GCs' : 'windows, heap used'})`,
            `${s.native.slope_mb_per_min} ± ${s.native.stderr_mb_per_min}`,
            s.verdict,
          ]
        : []),
    ];
  });
  console.log(
    `\nMemory over the second half, MB/min, bound ${CONFIG.bound_mb_per_min}: raw RSS (samples every ${CONFIG.memory_sample_s} s) with its own rule; heap used and external memory per window;` +
      (settled ? ' the verdict: live heap (after each mark-compact) and RSS outside the V8 heap (RSS - heap committed, per window)' : ''),
  );
  for (const l of markdownTable(
    [
      'service',
      'RSS start MB',
      'RSS end MB',
      'raw RSS slope (± s.e.)',
      'raw RSS rule',
      'heap used slope',
      'external slope',
      ...(settled ? ['live heap slope', 'RSS outside heap slope', 'verdict'] : []),
    ],
    slopeRows,
  ))
    console.log(l);
  console.log('\nTotals per kind:');
  for (const [k, t] of Object.entries(r.totals))
    console.log(`  ${k}: ${t.n} requests, ${t.errors} errors ${Object.keys(t.reasons).length ? JSON.stringify(t.reasons) : ''}`);
  console.log(`\nstreams opening: ${JSON.stringify(r.streams_opening)}`);
  console.log(`service warnings/errors logged: ${JSON.stringify(r.service_warnings_and_errors)}`);
  console.log(`verdict: ${JSON.stringify(r.verdict)}`);
}

main().catch((error) => {
  console.error('[load] failed:', error.stack ?? error.message);
  process.exit(1);
});
