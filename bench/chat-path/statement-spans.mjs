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
import { join } from 'node:path';
import { arg } from './cli.mjs';
import { flag, openTracedBench } from './traced-db.fixture.mjs';

const require = createRequire(import.meta.url);
const A = flag('a', null);
const N = arg('n', 400);
const ROUNDS = arg('rounds', 4);
if (!A) throw new Error('--a <checkout of the build to compare with> is required');

const bench = await openTracedBench('stmtspans');
const { fixture, api } = bench;
const PA = require(join(A, 'libs', 'persistence', 'dist', 'index.js'));

// Count the spans each variant makes: the SDK's provider takes another processor.
let spans = 0;
const provider = api.trace.getTracerProvider().getDelegate?.() ?? api.trace.getTracerProvider();
const processors = provider._activeSpanProcessor?._spanProcessors;
if (processors) processors.push({ onStart: () => spans++, onEnd() {}, forceFlush: async () => {}, shutdown: async () => {} });

const { tenant, session } = fixture;
try {
  const dbA = bench.dbOf(PA);
  const dbB = bench.dbOf();
  const read = await bench.captureTurnRead(dbB, fixture);
  const inSpan = (db) => bench.inSpan('turn', () => db.statement(tenant, read));
  const inRun = (db) =>
    bench.inSpan('batch', () =>
      db.run(tenant, async (tx) => {
        await tx.$queryRaw`SELECT count(*)::int AS n FROM chat_messages WHERE session_id = ${session}::uuid`;
        await tx.$queryRaw`SELECT id::text AS id FROM chat_sessions WHERE id = ${session}::uuid`;
      }),
    );
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
    console.log(`load before: ${bench.load()}`);
    bench.printTable(`${title}, n=${N}`, await bench.interleaved(variants, N, ROUNDS));
    console.log(`load after: ${bench.load()}`);
  }
} finally {
  await bench.close();
}
