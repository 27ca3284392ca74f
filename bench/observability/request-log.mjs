#!/usr/bin/env node
// What one log line costs a service in libs/observability's logger (createLogger: redaction, the
// correlation mixin, JSON), for two builds of the lib in one process, interleaved round by round:
//   - the access line registerRequestHooks writes once per request (inside the request context,
//     with trace ids), and
//   - a typical app line with a nested object (a turn's fields, one nested secret to censor).
// Lines go to a destination that drops them, so the figure is the CPU of building the line.
//
//   node scripts/build.mjs libs/observability
//   git worktree add /tmp/wt-obs <old commit> && ln -s /work/main/node_modules /tmp/wt-obs/node_modules
//   (cd /tmp/wt-obs && node scripts/build.mjs libs/observability)
//   node bench/observability/request-log.mjs --a /tmp/wt-obs [--b .] [--rounds 5 --n 20000]
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROUNDS = Number(opt('rounds', 5));
const N = Number(opt('n', 20000));
const builds = { A: resolve(opt('a', '/tmp/wt-obs')), B: resolve(opt('b', ROOT)) };

const sink = {
  lines: 0,
  bytes: 0,
  write(line) {
    this.lines += 1;
    this.bytes += line.length;
  },
};

function load(root) {
  const lib = require(join(root, 'libs', 'observability', 'dist', 'index.js'));
  const logger = lib.createLogger({ service: 'gateway', destination: sink });
  const context = { requestId: '5b0e4f7e-8d3c-4a57-9f44-1b2f8a6f1d21', tenantId: '7d7c3a4e-0000-4000-8000-000000000001' };
  const trace = { trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331' };
  return {
    access: () =>
      lib.runWithRequestContext(context, () =>
        logger.info(
          { ...trace, method: 'POST', route: '/api/v1/chat', path: '/api/v1/chat', status: 200, duration_ms: 12.3 },
          'request completed',
        ),
      ),
    app: () =>
      lib.runWithRequestContext(context, () =>
        logger.info(
          {
            sessionId: '3f0c1a9e-1111-4222-8333-444455556666',
            turn: { model: 'gpt-4o-mini', tokens: { in: 412, out: 96 }, latency_ms: 812 },
            integration: { name: 'calendar', credentials: { clientSecret: 'xyz' } },
          },
          'turn completed',
        ),
      ),
  };
}

const impl = { A: load(builds.A), B: load(builds.B) };

// Same output for both, apart from time: the comparison is only fair if the lines are the same.
for (const kind of ['access', 'app']) {
  const seen = {};
  for (const name of ['A', 'B']) {
    const lines = [];
    const write = sink.write;
    sink.write = (line) => lines.push(JSON.parse(line));
    impl[name][kind]();
    sink.write = write;
    delete lines[0].time;
    seen[name] = JSON.stringify(lines[0]);
  }
  if (seen.A !== seen.B) console.log(`note: ${kind} lines differ\n  A ${seen.A}\n  B ${seen.B}`);
  else console.log(`${kind} line (both): ${seen.B}`);
}

function time(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i += 1) fn();
  return Number(process.hrtime.bigint() - start) / N / 1000; // µs per line
}

for (const name of ['A', 'B']) for (const kind of ['access', 'app']) time(impl[name][kind]); // warm-up
const results = { A: { access: [], app: [] }, B: { access: [], app: [] } };
console.log(`A ${builds.A}\nB ${builds.B}\n${N} lines per measurement, ${ROUNDS} rounds, µs per line`);
for (let round = 0; round < ROUNDS; round += 1) {
  const order = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  const row = {};
  for (const name of order)
    for (const kind of ['access', 'app']) row[`${name} ${kind}`] = results[name][kind][round] = time(impl[name][kind]);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `round ${round + 1}  load ${load}  access A ${row['A access'].toFixed(2)} B ${row['B access'].toFixed(2)}  app A ${row['A app'].toFixed(2)} B ${row['B app'].toFixed(2)}`,
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const kind of ['access', 'app'])
  console.log(`${kind}: median A ${median(results.A[kind]).toFixed(2)} µs, B ${median(results.B[kind]).toFixed(2)} µs`);
