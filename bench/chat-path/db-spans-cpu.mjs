#!/usr/bin/env node
// Client CPU per database call under each OTEL_DB_SPANS mode (libs/observability's startTelemetry
// `dbSpans`: all, statements, none), one child process per mode and round, the modes interleaved
// round by round (all, statements, none, all, ...): the pg instrumentation patches pg when it is
// loaded, so a mode is a process.
//
// The parent opens the chat-path turn database (turn-db.fixture.mjs: one tenant, a session with
// messages, knowledge chunks) and captures the statement chat's prepareTurn sends. Each child starts
// the services' telemetry in its mode (no exporter, as in the bench), then loads pg and this
// checkout's libs/persistence and apps/chat dist, and times, each call inside a parent span as a
// request's work is:
//   turn read      TenantDb.statement() of prepareTurn's statement (pool connect, BEGIN, set_config,
//                  the read, COMMIT pipelined);
//   session read   chat's readSession() (the GET /api/v1/sessions/{id} read, one TenantDb.statement());
//   run + 2 raw    TenantDb.run() with two raw statements (Prisma's interactive transaction).
// Prints the spans one call makes (the parent included) and the child's CPU µs per call (user +
// system) per mode, workload and round, with the load average at each round's start.
//
//   node scripts/build.mjs libs/observability libs/persistence apps/chat && \
//     node bench/chat-path/db-spans-cpu.mjs [--n 400] [--rounds 4] [--modes all,none]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, load } from './cli.mjs';
import { flag } from './traced-db.fixture.mjs';

const require = createRequire(import.meta.url);
const SELF = fileURLToPath(import.meta.url);
const N = arg('n', 400);
const ROUNDS = arg('rounds', 4);
const MODES = flag('modes', 'all,statements,none').split(',');
const WARMUP = 50;

if (process.env.DB_SPANS_CHILD) await child(JSON.parse(process.env.DB_SPANS_CHILD));
else await parent();

async function parent() {
  const turnDb = await import('./turn-db.fixture.mjs');
  const fixture = await turnDb.openTurnDatabase('dbspans');
  const prisma = turnDb.P.createPrismaClient({ databaseUrl: fixture.urls.appUrl, poolMax: 2, applicationName: 'db-spans-bench' });
  try {
    const read = await turnDb.captureTurnRead(new turnDb.P.TenantDb(prisma), fixture);
    const job = { appUrl: fixture.urls.appUrl, tenant: fixture.tenant, session: fixture.session, read };
    const results = {};
    const loads = [];
    for (let round = 0; round < ROUNDS; round++) {
      loads.push(load());
      for (const mode of MODES) {
        const out = await runChild({ ...job, mode });
        for (const [workload, r] of Object.entries(out)) ((results[workload] ??= {})[mode] ??= []).push(r);
      }
    }
    console.log(`client CPU µs per call, n=${N} per mode, workload and round (after ${WARMUP} warm-up calls), modes interleaved`);
    console.log(`load at each round's start: ${loads.join('; ')}`);
    for (const [workload, byMode] of Object.entries(results)) {
      console.log(`\n${workload}`);
      console.log(`| mode | spans per call | ${loads.map((_, i) => `round ${i + 1}`).join(' | ')} | median |`);
      console.log(`|---|---|${loads.map(() => '---').join('|')}|---|`);
      for (const [mode, rounds] of Object.entries(byMode)) {
        const cpu = rounds.map((r) => r.cpuUs);
        const sorted = [...cpu].sort((a, b) => a - b);
        const median =
          sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        console.log(`| ${mode} | ${rounds[0].spans} | ${cpu.join(' | ')} | ${median} |`);
      }
    }
  } finally {
    await prisma.$disconnect();
    await fixture.drop();
  }
}

function runChild(job) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [SELF, '--n', String(N)], {
      env: { ...process.env, DB_SPANS_CHILD: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`child exited ${code}`))));
  });
}

async function child({ appUrl, tenant, session, read, mode }) {
  const root = join(SELF, '..', '..', '..');
  const { startTelemetry } = require(join(root, 'libs', 'observability', 'dist', 'startup', 'index.js'));
  const stopTelemetry = startTelemetry({ serviceName: 'db-spans-bench', dbSpans: mode });
  const api = require('@opentelemetry/api');
  // pg (and so the instrumentation's patch, when there is one) only now.
  const P = require(join(root, 'libs', 'persistence', 'dist', 'index.js'));
  const { readSession } = require(join(root, 'apps', 'chat', 'dist', 'sessions', 'session.repository.js'));
  const prisma = P.createPrismaClient({ databaseUrl: appUrl, poolMax: 4, applicationName: 'db-spans-bench' });
  const db = new P.TenantDb(prisma);
  const tracer = api.trace.getTracer('db-spans-bench');
  let spans = 0;
  const provider = api.trace.getTracerProvider().getDelegate?.() ?? api.trace.getTracerProvider();
  provider._activeSpanProcessor?._spanProcessors?.push({
    onStart: () => spans++,
    onEnd() {},
    forceFlush: async () => {},
    shutdown: async () => {},
  });
  const inSpan = (fn) => () =>
    tracer.startActiveSpan('request', async (span) => {
      try {
        return await fn();
      } finally {
        span.end();
      }
    });
  const workloads = {
    'turn read (TenantDb.statement)': inSpan(() => db.statement(tenant, read)),
    "session read (chat's readSession)": inSpan(async () => {
      if (!(await readSession(db, tenant, session))) throw new Error('the session is not visible');
    }),
    'run + 2 raw statements (TenantDb.run)': inSpan(() =>
      db.run(tenant, async (tx) => {
        await tx.$queryRaw`SELECT count(*)::int AS n FROM chat_messages WHERE session_id = ${session}::uuid`;
        await tx.$queryRaw`SELECT id::text AS id FROM chat_sessions WHERE id = ${session}::uuid`;
      }),
    ),
  };
  const out = {};
  try {
    for (const [name, fn] of Object.entries(workloads)) {
      for (let i = 0; i < WARMUP; i++) await fn();
      spans = 0;
      await fn();
      const perCall = spans;
      const cpu = process.cpuUsage();
      for (let i = 0; i < N; i++) await fn();
      const used = process.cpuUsage(cpu);
      out[name] = { spans: perCall, cpuUs: Math.round((used.user + used.system) / N) };
    }
  } finally {
    await prisma.$disconnect();
    await stopTelemetry();
  }
  console.log(JSON.stringify(out));
}
