#!/usr/bin/env node
// client-insights' per-turn ingest batch transaction, the Prisma way (TenantDb.run(), the
// statements as insight-ingest.repository sent them before the change) against the node-postgres
// way (TenantDb.transaction(), the statements it sends now), interleaved in one process with the
// services' telemetry on, each call inside a parent span: client CPU per call.
//
// One call = one turn's batch as the consumer runs it: processed_events, the tenant check, the
// session claim (an existing row: locked), the session save, the hour's bucket and the model's
// term upserts, in one tenant transaction. Both variants use this checkout's libs/persistence dist.
//
//   node scripts/build.mjs libs/persistence && node bench/chat-path/ingest-batch-tx.mjs [--n 300] [--rounds 10]
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg } from './cli.mjs';
import { openTracedBench, printMedians } from './traced-db.fixture.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const N = arg('n', 300);
const ROUNDS = arg('rounds', 10);

const bench = await openTracedBench('ingesttx');
const { Prisma } = require(join(ROOT, 'libs', 'persistence', 'dist', 'generated', 'prisma', 'client.js'));
const CONSUMER = 'client-insights-bench';
const { tenant, session } = bench.fixture;
const db = bench.dbOf();
const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
try {
  /** Before: the batch through Prisma's interactive transaction (the old repository's statements). */
  const prismaBatch = () =>
    db.run(tenant, async (tx) => {
      await tx.$queryRaw`
        INSERT INTO processed_events (consumer, message_id)
        SELECT ${CONSUMER}, id FROM unnest(${[randomUUID()]}::text[]) AS u(id)
        ON CONFLICT (consumer, message_id) DO NOTHING
        RETURNING message_id`;
      await tx.$queryRaw`SELECT EXISTS (SELECT 1 FROM tenants WHERE id = ${tenant}::uuid) AS found`;
      await tx.$queryRaw`
        WITH wanted AS (
          SELECT * FROM unnest(${[session]}::uuid[], ${[null]}::uuid[], ${[hour.toISOString()]}::timestamptz[],
                               ${[hour.toISOString()]}::timestamptz[]) AS w(session_id, contact_id, first_hour, started_at)
        ), created AS (
          INSERT INTO insight_sessions (tenant_id, session_id, contact_id, first_hour, started_at)
          SELECT ${tenant}::uuid, session_id, contact_id, first_hour, started_at FROM wanted ORDER BY session_id
          ON CONFLICT (tenant_id, session_id) DO NOTHING
          RETURNING session_id, contact_id, first_hour, lead, escalated, closed, summarized
        ), existing AS (
          SELECT session_id, contact_id, first_hour, lead, escalated, closed, summarized FROM insight_sessions
          WHERE tenant_id = ${tenant}::uuid AND session_id IN (SELECT session_id FROM wanted)
          ORDER BY session_id FOR UPDATE
        )
        SELECT true AS created, * FROM created
        UNION ALL
        SELECT false AS created, * FROM existing WHERE session_id NOT IN (SELECT session_id FROM created)`;
      await tx.$executeRaw`
        UPDATE insight_sessions s
        SET contact_id = u.contact_id, lead = u.lead, escalated = u.escalated, closed = u.closed, summarized = u.summarized
        FROM unnest(${[session]}::uuid[], ${[null]}::uuid[], ${[false]}::boolean[], ${[false]}::boolean[], ${[false]}::boolean[],
                    ${[false]}::boolean[]) AS u(session_id, contact_id, lead, escalated, closed, summarized)
        WHERE s.tenant_id = ${tenant}::uuid AND s.session_id = u.session_id`;
      const columns = ['turns', 'tokens_in', 'tokens_out'];
      await tx.$executeRaw`
        INSERT INTO insight_hourly_buckets AS b (tenant_id, hour_start, ${Prisma.join(columns.map((c) => Prisma.raw(`"${c}"`)))})
        VALUES (${tenant}::uuid, ${hour}, ${Prisma.join([1, 120, 36].map((v) => Prisma.sql`${v}`))})
        ON CONFLICT (tenant_id, hour_start) DO UPDATE SET ${Prisma.join(columns.map((c) => Prisma.raw(`"${c}" = b."${c}" + EXCLUDED."${c}"`)))}, updated_at = now()`;
      await tx.$executeRaw`
        INSERT INTO insight_hourly_terms AS t (tenant_id, hour_start, kind, key, count, tokens_in, tokens_out)
        VALUES ${Prisma.join([Prisma.sql`(${tenant}::uuid, ${hour}, ${'model'}, ${'openai/mock'}, ${1}, ${120}, ${36})`])}
        ON CONFLICT (tenant_id, hour_start, kind, key) DO UPDATE
          SET count = t.count + EXCLUDED.count, tokens_in = t.tokens_in + EXCLUDED.tokens_in, tokens_out = t.tokens_out + EXCLUDED.tokens_out`;
    });

  /** After: the same batch through TenantDb.transaction() with the repository's statements as they are now. */
  const { InsightIngestRepository } = require(join(ROOT, 'apps', 'client-insights', 'dist', 'ingest', 'insight-ingest.repository.js'));
  const { IngestBatchAccumulator } = require(join(ROOT, 'apps', 'client-insights', 'dist', 'ingest', 'ingest-batch.accumulator.js'));
  const repo = new InsightIngestRepository();
  const pgBatch = () =>
    db.transaction(tenant, async (tx) => {
      await repo.markProcessed(tx, CONSUMER, [randomUUID()]);
      await repo.tenantExists(tx, tenant);
      const claimed = await repo.claimSessions(tx, tenant, [{ sessionId: session, contactId: null, firstHour: hour, startedAt: hour }]);
      await repo.saveSessions(tx, tenant, claimed);
      const batch = new IngestBatchAccumulator();
      batch.bumpBucket(hour, { turns: 1, tokens_in: 120, tokens_out: 36 });
      batch.bumpTerm(hour, 'model', 'openai/mock', 1, { in: 120, out: 36 });
      await repo.flush(tx, tenant, batch);
    });

  const variants = {
    'A run() (Prisma, before)': bench.inSpan('batch', prismaBatch),
    'B transaction() (node-postgres, now)': bench.inSpan('batch', pgBatch),
  };
  console.log(`load before: ${bench.load()}`);
  const results = await bench.interleaved(variants, N, ROUNDS);
  bench.printTable(`client-insights' one-turn ingest batch, n=${N}`, results);
  printMedians(results);
  console.log(`load after: ${bench.load()}`);
} finally {
  await bench.close();
}
