#!/usr/bin/env node
// The outbox relay's cycle as every producing service runs it (chat, tenant-intelligence, ...):
// OutboxRelay.runOnce() = claimBatch (lease the oldest pending rows), the JetStream publishes with
// Nats-Msg-Id = outbox id, markSent. Two builds of libs/persistence's PrismaOutboxStore interleaved
// in one process with the services' telemetry on: client CPU per cycle.
//
// A = the store in `--a <checkout>` (e.g. a worktree of the commit before: its libs/persistence dist,
// the statements through Prisma's $queryRaw), B = this checkout's. Both relays are this checkout's
// libs/messaging OutboxRelay on one NATS connection (a namespace of its own, its streams deleted at
// the end), each store on a Prisma client of its build over the app role. The rows (a
// TenantUpdatedEvent-shaped payload each) are inserted up front, outside the timed calls; every cycle
// claims `--batch k` of them (1 by default: one turn's event, as at low load) and must publish and
// mark all k. The relays run outside any span, as the services' relay loops do.
//
//   node scripts/build.mjs libs/persistence && \
//     node bench/chat-path/outbox-relay-cycle.mjs --a /tmp/wt-base [--n 200] [--rounds 8] [--batch 1]
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abFlags, openTracedBench, printMedians } from './traced-db.fixture.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { A, N, ROUNDS, BATCH, WARMUP } = abFlags();

const bench = await openTracedBench('outboxrelay');
const { fixture } = bench;
const { NatsClient, OutboxRelay, ensureStreams } = require(join(ROOT, 'libs', 'messaging', 'dist', 'index.js'));
const namespace = `obr${randomUUID().slice(0, 8)}`;
const nats = await NatsClient.connect({ url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'outbox-relay-bench', namespace });
const clients = [];

/** `checkout`'s PrismaOutboxStore behind an OutboxRelay: one cycle per call. */
function variant(checkout, label) {
  const persistence = require(join(checkout, 'libs', 'persistence', 'dist', 'index.js'));
  const prisma = persistence.createPrismaClient({ databaseUrl: fixture.urls.appUrl, poolMax: 4, applicationName: `outbox-${label}-bench` });
  clients.push(prisma);
  const relay = new OutboxRelay({ client: nats, store: new persistence.PrismaOutboxStore(prisma), batchSize: BATCH });
  return async () => {
    const result = await relay.runOnce();
    if (result.published !== BATCH || result.failed !== 0) throw new Error(`${label}: ${JSON.stringify(result)}`);
  };
}

try {
  await ensureStreams(nats.jsm, nats.namer);
  const rows = 2 * (WARMUP + N * ROUNDS) * BATCH;
  await fixture.owner.query(
    `INSERT INTO outbox (subject, payload, headers)
     SELECT 'evt.tenant.updated.' || $1, jsonb_build_object('version', 1, 'tenantId', $1::text, 'changedFields', jsonb_build_array('f' || g), 'occurredAt', now()),
            jsonb_build_object('Parley-Contract', 'evt.tenant.updated')
       FROM generate_series(1, $2) g`,
    [fixture.tenant, rows],
  );
  const variants = {
    [`A ${A} (PrismaOutboxStore on Prisma)`]: variant(A, 'a'),
    'B this checkout (PrismaOutboxStore)': variant(ROOT, 'b'),
  };
  console.log(`load before: ${bench.load()}`);
  const results = await bench.interleaved(variants, N, ROUNDS, WARMUP);
  bench.printTable(`outbox relay cycle (claim, publish, mark) of ${BATCH} row(s), n=${N}`, results);
  printMedians(results);
  console.log(`load after: ${bench.load()}`);
} finally {
  for (const c of clients) await c.$disconnect();
  for await (const name of nats.jsm.streams.names()) if (name.startsWith(`${namespace}_`)) await nats.jsm.streams.delete(name);
  await nats.drain();
  await bench.close();
}
