#!/usr/bin/env node
// TenantDb.statement() and TenantDb.run() with OpenTelemetry on, as the services run them: client
// CPU per call of two builds of libs/persistence, interleaved in one process (same pg module, same
// instrumentation).
//
// Starts libs/observability's telemetry (http, pg and ioredis instrumentations; requireParentSpan;
// no exporter, as in the bench) before pg is loaded, opens the chat-path turn database (one tenant,
// a session with messages, knowledge chunks), captures the statement chat's prepareTurn sends, then
// runs it through TenantDb.statement() of build A (`--a <checkout>`, e.g. a worktree of the commit
// before) and of this checkout (B), each call inside a parent span as a turn's statements are, in
// interleaved rounds; then TenantDb.run() with two raw statements (the shape of a consumer's batch
// transaction) the same way. Spans made per call are counted by a span processor added for the run.
//
//   node scripts/build.mjs libs/persistence && node bench/chat-path/statement-spans.mjs --a /tmp/wt-base [--n 400] [--rounds 4]
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { startTelemetry } = require(join(ROOT, 'libs', 'observability', 'dist', 'startup', 'index.js'));
const stopTelemetry = startTelemetry({ serviceName: 'statement-spans-bench' });
const api = require('@opentelemetry/api');

const argv = process.argv;
const flag = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const A = flag('a', null);
const N = Number(flag('n', 400));
const ROUNDS = Number(flag('rounds', 4));
if (!A) throw new Error('--a <checkout of the build to compare with> is required');

// pg is loaded (and patched) only now.
const { openTurnDatabase, P, captureTurnRead, interleaved, printTable, load } = await import('./turn-db.fixture.mjs');
const PA = require(join(A, 'libs', 'persistence', 'dist', 'index.js'));

// Count the spans each variant makes: the SDK's provider takes another processor.
let spans = 0;
const provider = api.trace.getTracerProvider().getDelegate?.() ?? api.trace.getTracerProvider();
const processors = provider._activeSpanProcessor?._spanProcessors;
if (processors) processors.push({ onStart: () => spans++, onEnd() {}, forceFlush: async () => {}, shutdown: async () => {} });
const tracer = api.trace.getTracer('statement-spans-bench');

const fixture = await openTurnDatabase('stmtspans');
const { tenant, session } = fixture;
const clients = [];
try {
  const dbOf = (lib) => {
    const prisma = lib.createPrismaClient({ databaseUrl: fixture.urls.appUrl, poolMax: 4, applicationName: 'statement-spans-bench' });
    clients.push(prisma);
    return new lib.TenantDb(prisma);
  };
  const dbA = dbOf(PA);
  const dbB = dbOf(P);
  const read = await captureTurnRead(dbB, fixture);
  const inSpan = (db) => () =>
    tracer.startActiveSpan('turn', async (span) => {
      try {
        await db.statement(tenant, read);
      } finally {
        span.end();
      }
    });
  const inRun = (db) => () =>
    tracer.startActiveSpan('batch', async (span) => {
      try {
        await db.run(tenant, async (tx) => {
          await tx.$queryRaw`SELECT count(*)::int AS n FROM chat_messages WHERE session_id = ${session}::uuid`;
          await tx.$queryRaw`SELECT id::text AS id FROM chat_sessions WHERE id = ${session}::uuid`;
        });
      } finally {
        span.end();
      }
    });
  for (const [title, make] of [
    ['TenantDb.statement() of the turn read inside a span', inSpan],
    ['TenantDb.run() with two raw statements inside a span', inRun],
  ]) {
    const variants = { [`A ${A}`]: make(dbA), 'B this checkout': make(dbB) };
    for (const [name, fn] of Object.entries(variants)) {
      spans = 0;
      await fn();
      console.log(`${title}, ${name}: ${processors ? spans : '?'} spans per call (the parent included)`);
    }
    console.log(`load before: ${load()}`);
    printTable(`${title}, n=${N}`, await interleaved(variants, N, ROUNDS));
    console.log(`load after: ${load()}`);
  }
} finally {
  for (const c of clients) await c.$disconnect();
  await fixture.drop();
  await stopTelemetry();
}
