// Shared by the database micro-benchmarks that run with the services' telemetry
// (statement-spans.mjs, ingest-batch-tx.mjs, l1b-batch-tx.mjs): starts libs/observability's
// telemetry (http, pg and ioredis instrumentations; requireParentSpan; no exporter, as in the bench)
// before pg is loaded, then loads turn-db.fixture.mjs and opens its throw-away database.
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg } from './cli.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/**
 * The A/B benches' command line: `--a <checkout>` (required: the build to compare this checkout's
 * with), `--n` calls per round (200), `--rounds` (8), `--batch` (1); WARMUP calls per variant first.
 */
export function abFlags() {
  const A = flag('a', null);
  if (!A) throw new Error('--a <checkout of the build to compare with> is required');
  return { A, N: arg('n', 200), ROUNDS: arg('rounds', 8), BATCH: arg('batch', 1), WARMUP: 30 };
}

/** `--name <value>` from the command line as a string (a path, a commit), else `fallback`. */
export function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/**
 * Telemetry on, then the turn database (`label` names it and the telemetry's service). Returns
 * turn-db.fixture.mjs' exports (P, interleaved, printTable, load, ...) with: `fixture` (tenant,
 * session, urls, owner), `api` and `tracer` (OpenTelemetry), `dbOf(lib)` (a TenantDb of that build
 * of libs/persistence over the app role, this checkout's by default), `inSpan(name, fn)` (fn inside a
 * parent span, as a service's work is), `compare(title, variants, { n, rounds, warmup })` (an A/B's spans per
 * call, interleaved rounds, table, median CPU and load) and `close()` (clients, database, telemetry).
 */
export async function openTracedBench(label) {
  const { startTelemetry } = require(join(ROOT, 'libs', 'observability', 'dist', 'startup', 'index.js'));
  const stopTelemetry = startTelemetry({ serviceName: `${label}-bench` });
  const api = require('@opentelemetry/api');
  // pg is loaded (and patched) only now.
  const turnDb = await import('./turn-db.fixture.mjs');
  const fixture = await turnDb.openTurnDatabase(label.replace(/[^a-z0-9]/g, ''));
  const tracer = api.trace.getTracer(`${label}-bench`);
  const clients = [];
  // Spans started per call, counted by a processor the SDK's provider takes at compare()'s first call (none without a list of them).
  let spans = 0;
  let processors;
  const countSpans = () => {
    if (processors !== undefined) return;
    const provider = api.trace.getTracerProvider().getDelegate?.() ?? api.trace.getTracerProvider();
    processors = provider._activeSpanProcessor?._spanProcessors ?? null;
    processors?.push({ onStart: () => spans++, onEnd() {}, forceFlush: async () => {}, shutdown: async () => {} });
  };
  return {
    ...turnDb,
    api,
    tracer,
    fixture,
    dbOf(lib = turnDb.P) {
      const prisma = lib.createPrismaClient({ databaseUrl: fixture.urls.appUrl, poolMax: 4, applicationName: `${label}-bench` });
      clients.push(prisma);
      return new lib.TenantDb(prisma);
    },
    inSpan: (name, fn) => () =>
      tracer.startActiveSpan(name, async (span) => {
        try {
          return await fn();
        } finally {
          span.end();
        }
      }),
    /**
     * One A/B comparison: each variant's spans per call, then `rounds` interleaved rounds of `n` calls
     * (after `warmup` each), the table and each variant's median client CPU, the load before and after.
     */
    async compare(title, variants, { n, rounds, warmup }) {
      countSpans();
      for (const [name, fn] of Object.entries(variants)) {
        spans = 0;
        await fn();
        console.log(`${title}, ${name}: ${processors ? spans : '?'} spans per call (the parent included)`);
      }
      console.log(`load before: ${turnDb.load()}`);
      const results = await turnDb.interleaved(variants, n, rounds, warmup);
      turnDb.printTable(`\n${title}, n=${n} per variant and round`, results);
      printMedians(results);
      console.log(`load after: ${turnDb.load()}\n`);
      return results;
    },
    async close() {
      for (const c of clients) await c.$disconnect();
      await fixture.drop();
      await stopTelemetry();
    },
  };
}

/** Each variant's median client CPU per call over its rounds (interleaved()'s results). */
export function printMedians(results) {
  for (const [name, rounds] of Object.entries(results)) {
    const cpu = rounds.map((r) => r.cpuUs).sort((a, b) => a - b);
    console.log(`${name}: median client CPU ${cpu[Math.floor(cpu.length / 2)]} µs per call over ${rounds.length} rounds`);
  }
}
