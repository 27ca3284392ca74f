#!/usr/bin/env node
// tenant-intelligence's L1b batch as the consumer runs it, two builds interleaved in one process with
// the services' telemetry on, each call inside a parent span: client CPU per batch.
//
// A = the build in `--a <checkout>` (e.g. a worktree of the commit before: its
// apps/tenant-intelligence and libs/persistence dist, the batch through TenantDb.run(), Prisma's
// interactive transaction), B = this checkout's (TenantDb.transaction(), node-postgres). Both use A's
// libs/signals build, so the deterministic extraction both run is the same code whatever this
// checkout's libs/signals holds. One call = TurnExtractionService.handle() of one turn (no model:
// deterministic L1b), a batch of one: processed_events, the contact lock, the session's reads, the
// contact's resolution when the message names the visitor, the preferences, the batch's writes
// (signals, interaction, outbox) and the commit. Turns come in sessions of five, as in bench.mjs: the
// first names the visitor (name, email, a preference: a contact is created and the session linked),
// the next four do not. The tenant's settings come from memory, as the app's TenantSettingsCache
// serves them; its catalogue is cached by the service after the first batch. `--batch k` hands the
// service k turns of k different sessions at once (one batch of k, as under load); the figures stay
// per call, i.e. per batch of k turns.
//
//   node scripts/build.mjs libs/persistence apps/tenant-intelligence && \
//     node bench/chat-path/l1b-batch-tx.mjs --a /tmp/wt-base [--n 200] [--rounds 8] [--batch 1]
import Module, { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abFlags, openTracedBench, printMedians } from './traced-db.fixture.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { A, N, ROUNDS, BATCH, WARMUP } = abFlags();

// Both builds' @parley/signals resolve to A's.
const SIGNALS = join(A, 'libs', 'signals', 'dist', 'index.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === '@parley/signals' ? SIGNALS : request, ...rest);
};

const bench = await openTracedBench('l1btx');
const { fixture } = bench;
const { tenant } = fixture;
const TEXTS = [
  (k) => `Hi, I'm Dave Morgan, my boiler is leaking, email me at dave.${k}@example.com, not before 10am please`,
  () => 'How much is the call-out fee at weekends?',
  () => 'Can someone come on Thursday morning?',
  () => 'The pressure gauge shows 0.5 bar and keeps dropping',
  () => 'Thanks, please book it',
];

/**
 * Sessions of five user messages each, made up front (outside the timed calls); the turn events in
 * order, BATCH sessions side by side (their first turns, then their second turns, ...).
 */
async function turns(count, label) {
  const sessions = Math.ceil(count / TEXTS.length / BATCH) * BATCH;
  const { rows } = await fixture.owner.query(`INSERT INTO chat_sessions (tenant_id) SELECT $1 FROM generate_series(1, $2) RETURNING id`, [
    tenant,
    sessions,
  ]);
  const events = [];
  const messages = { id: [], session: [], turn: [], content: [] };
  const bySession = rows.map(({ id: sessionId }, s) =>
    TEXTS.map((text) => {
      const event = {
        version: 1,
        tenantId: tenant,
        sessionId,
        turnId: randomUUID(),
        userMessageId: randomUUID(),
        assistantMessageId: randomUUID(),
        contactId: null,
        userText: text(`${label}${s}`),
        assistantText: 'Noted.',
        signals: { urgency: 'medium', sentiment: 'neutral', sentimentScore: 0, intents: [], flags: [], entityCount: 0 },
        actionIds: [],
        usage: { inputTokens: 10, outputTokens: 5, model: 'mock', provider: 'openai', latencyMs: 3 },
        occurredAt: new Date().toISOString(),
      };
      messages.id.push(event.userMessageId);
      messages.session.push(sessionId);
      messages.turn.push(event.turnId);
      messages.content.push(event.userText);
      return event;
    }),
  );
  for (let first = 0; first < bySession.length; first += BATCH)
    for (let t = 0; t < TEXTS.length; t++) for (const session of bySession.slice(first, first + BATCH)) events.push(session[t]);
  await fixture.owner.query(
    `INSERT INTO chat_messages (id, tenant_id, session_id, turn_id, role, content)
     SELECT m.id, $1, m.session_id, m.turn_id, 'user', m.content FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) AS m(id, session_id, turn_id, content)`,
    [tenant, messages.id, messages.session, messages.turn, messages.content],
  );
  return events;
}

/** handle() of `checkout`'s TurnExtractionService over its own libs/persistence, one turn after another. */
async function variant(checkout, label) {
  const dist = (...path) => require(join(checkout, 'apps', 'tenant-intelligence', 'dist', ...path));
  const persistence = require(join(checkout, 'libs', 'persistence', 'dist', 'index.js'));
  const { createLogger } = require(join(checkout, 'libs', 'observability', 'dist', 'index.js'));
  const { TurnExtractionService } = dist('extraction', 'turn-extraction.service.js');
  const { ExtractionRepository } = dist('extraction', 'extraction.repository.js');
  const { ChatTablesRepository } = dist('chat-tables', 'chat-tables.repository.js');
  const settings = { runtime: async () => ({ config: { country: 'GB' } }) };
  const service = new TurnExtractionService(
    bench.dbOf(persistence),
    new ExtractionRepository(),
    new ChatTablesRepository(),
    createLogger({ service: 'tenant-intelligence', level: 'silent' }),
    undefined,
    undefined,
    settings,
  );
  const events = await turns((WARMUP + N * ROUNDS) * BATCH, label);
  let next = 0;
  const one = bench.inSpan('turn', async () => {
    const outcome = await service.handle(events[next++], { msgId: randomUUID() });
    if (outcome.status !== 'extracted') throw new Error(`${label}: ${outcome.status}`);
  });
  return () => Promise.all(Array.from({ length: BATCH }, one));
}

try {
  const variants = {
    [`A ${A} (TenantDb.run, Prisma)`]: await variant(A, 'a'),
    'B this checkout (TenantDb.transaction, node-postgres)': await variant(ROOT, 'b'),
  };
  console.log(`load before: ${bench.load()}`);
  const results = await bench.interleaved(variants, N, ROUNDS, WARMUP);
  bench.printTable(`tenant-intelligence's L1b batch of ${BATCH} turn(s), n=${N}`, results);
  printMedians(results);
  console.log(`load after: ${bench.load()}`);
} finally {
  await bench.close();
}
