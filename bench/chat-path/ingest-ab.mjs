#!/usr/bin/env node
// client-insights' ingest as the consumer runs it per turn, two builds interleaved in one process
// with the services' telemetry on, each call inside a parent span: client CPU per batch.
//
// A = the build in `--a <checkout>` (its apps/client-insights and libs/persistence dist), B = this
// checkout's. One call = a turn's two events handed to InsightEventsService at once, as the consumer
// gets them under load (handleTurn + handleExtracted of the same session: one micro-batch, one tenant
// transaction: processed_events, the tenant check, the session claim, the session save when a flag
// changes, the bucket and term upserts, the commit). Sessions of five turns, the first creates the
// session's row. `--batch k` hands k turns of k sessions at once (one batch of 2k events).
//
//   node scripts/build.mjs libs/persistence apps/client-insights && \
//     node bench/chat-path/ingest-ab.mjs --a /tmp/wt-base [--n 200] [--rounds 8] [--batch 1]
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abFlags, openTracedBench } from './traced-db.fixture.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { A, N, ROUNDS, BATCH, WARMUP } = abFlags();

const bench = await openTracedBench('ingestab');
const { tenant } = bench.fixture;

/** `checkout`'s InsightEventsService over its own libs/persistence; one call = BATCH turns' events at once. */
function variant(checkout, label) {
  const dist = (...path) => require(join(checkout, 'apps', 'client-insights', 'dist', 'ingest', ...path));
  const persistence = require(join(checkout, 'libs', 'persistence', 'dist', 'index.js'));
  const { InsightEventsService } = dist('insight-events.service.js');
  const { InsightIngestRepository } = dist('insight-ingest.repository.js');
  const events = new InsightEventsService(bench.dbOf(persistence), new InsightIngestRepository());
  const sessions = Array.from({ length: BATCH }, () => ({ id: randomUUID(), turns: 0 }));
  const one = (session) => {
    if (session.turns++ % 5 === 0) session.id = randomUUID();
    const occurredAt = new Date().toISOString();
    const turn = {
      version: 1,
      tenantId: tenant,
      sessionId: session.id,
      turnId: randomUUID(),
      userMessageId: randomUUID(),
      assistantMessageId: randomUUID(),
      contactId: null,
      userText: 'How long does a boiler service take and what does it cost?',
      assistantText: 'About an hour; it costs 89 pounds.',
      signals: { urgency: 'low', sentiment: 'neutral', sentimentScore: 0, intents: [], flags: [], entityCount: 0 },
      actionIds: [],
      usage: { inputTokens: 820, outputTokens: 41, model: 'mock', provider: 'openai', latencyMs: 12 },
      occurredAt,
    };
    const extracted = {
      version: 1,
      tenantId: tenant,
      sessionId: session.id,
      turnId: turn.turnId,
      messageId: turn.userMessageId,
      contactId: null,
      interactionId: randomUUID(),
      intent: 'enquiry',
      sentiment: 'neutral',
      sentimentScore: 0,
      urgency: 'low',
      topics: ['boiler service take'],
      entities: [],
      leadScore: 0,
      method: 'llm',
      occurredAt,
    };
    return [events.handleTurn(turn, { msgId: randomUUID() }), events.handleExtracted(extracted, { msgId: randomUUID() })];
  };
  return bench.inSpan(`ingest ${label}`, async () => {
    const outcomes = await Promise.all(sessions.flatMap(one));
    if (outcomes.some((o) => o !== 'counted')) throw new Error(`${label}: ${outcomes.join(', ')}`);
  });
}

try {
  await bench.compare(
    `client-insights ingest, ${BATCH} turn(s) (${2 * BATCH} events) per batch`,
    { [`A ${A}`]: variant(A, 'a'), 'B this checkout': variant(ROOT, 'b') },
    { n: N, rounds: ROUNDS, warmup: WARMUP },
  );
} finally {
  await bench.close();
}
