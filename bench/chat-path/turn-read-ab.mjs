#!/usr/bin/env node
// The turn's context read (apps/chat prepareTurn: the session, its history, `answered`, the returning
// contact's name and the full-text knowledge search in one TenantDb.statement()) as two builds send it,
// interleaved in one process with the services' telemetry on, each call inside a parent span as a
// turn's work is: latency and client CPU per call. A = the build in `--a <checkout>` (e.g. a worktree
// of the commit before), B = this checkout's, each over a TenantDb of its own libs/persistence (app
// role, RLS on).
//
// The data is the bench's (bench.mjs) at its c=1 phase: one tenant with the bench's 4 knowledge
// documents (one chunk each, as provisioning chunks them), `--sessions` sessions (40) of 8 messages
// each (`--chunks n`: a fifth document of n more chunks); the turns read one session with the bench's
// questions in turn. Also, for this checkout only:
//   session only   a plain session read by statement() (the floor: BEGIN, set_config, a one-row
//                  statement, COMMIT);
//   no search      prepareTurn without the knowledge search (an embedder configured, or a plan
//                  without knowledge).
// Then each build's EXPLAIN (ANALYZE, BUFFERS) of the read as the app role: planning and execution time
// with the custom plan, the generic plan and plan_cache_mode auto (--plans prints the plans).
//
//   npm run build && node bench/chat-path/turn-read-ab.mjs --a /tmp/ab-turn [--n 200] [--rounds 8] [--plans]
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { KNOWLEDGE, QUESTIONS } from './bench-content.mjs';
import { arg } from './cli.mjs';
import { abFlags, openTracedBench } from './traced-db.fixture.mjs';

const require = createRequire(import.meta.url);
const { A, N, ROUNDS, WARMUP } = abFlags();
const SESSIONS = arg('sessions', 40);
const EXTRA_CHUNKS = arg('chunks', 0);

const bench = await openTracedBench('turnreadab');
const { fixture } = bench;
const { tenant, session, owner } = fixture;
// The bench's knowledge instead of the fixture's 20 chunks, and more sessions of the tenant.
await owner.query(`DELETE FROM knowledge_chunks WHERE tenant_id = $1`, [tenant]);
await owner.query(`DELETE FROM knowledge_documents WHERE tenant_id = $1`, [tenant]);
for (const [i, { title, content: text }] of KNOWLEDGE.entries()) {
  const { rows } = await owner.query(
    `INSERT INTO knowledge_documents (tenant_id, title, status, content_hash) VALUES ($1, $2, 'ready', $3) RETURNING id`,
    [tenant, title, `h${i}`],
  );
  await owner.query(`INSERT INTO knowledge_chunks (tenant_id, document_id, ordinal, text) VALUES ($1, $2, 0, $3)`, [
    tenant,
    rows[0].id,
    `${title}\n\n${text}`,
  ]);
}
if (EXTRA_CHUNKS > 0) {
  // A larger knowledge base: one more document of EXTRA_CHUNKS chunks, a few of them on the bench's topics.
  const { rows } = await owner.query(
    `INSERT INTO knowledge_documents (tenant_id, title, status, content_hash) VALUES ($1, 'Handbook', 'ready', 'handbook') RETURNING id`,
    [tenant],
  );
  await owner.query(
    `INSERT INTO knowledge_chunks (tenant_id, document_id, ordinal, text)
     SELECT $1, $2, i, CASE WHEN i % 50 = 0 THEN 'Section ' || i || ': boiler pressure, tap washers and weekend call-outs.'
                            ELSE 'Section ' || i || ': site safety, van stock, insurance paperwork and customer records number ' || i || '.' END
       FROM generate_series(1, $3::int) i`,
    [tenant, rows[0].id, EXTRA_CHUNKS],
  );
}
for (let s = 1; s < SESSIONS; s++) {
  const { rows } = await owner.query(`INSERT INTO chat_sessions (tenant_id) VALUES ($1) RETURNING id`, [tenant]);
  await owner.query(
    `INSERT INTO chat_messages (tenant_id, session_id, turn_id, role, content, created_at)
     SELECT $1, $2, gen_random_uuid(), CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END::message_role, 'message ' || i, now() - (60 - i) * interval '1 s'
       FROM generate_series(0, 7) i`,
    [tenant, rows[0].id],
  );
}
await owner.query('ANALYZE');

/** The turn repository of the build at `root` over a TenantDb of its libs/persistence. */
function buildOf(root) {
  const db = bench.dbOf(require(join(root, 'libs', 'persistence', 'dist', 'index.js')));
  const repo = require(join(root, 'apps', 'chat', 'dist', 'turn', 'turn.repository.js'));
  return { db, repo };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the build's read as the app role with the tenant set, as a prepared
 * statement after 6 executions (21 times: the medians), with the custom plan (planned for the values) and the generic one (what
 * plan_cache_mode = auto settles on after 5 executions on a connection); prints each plan's planning and
 * execution time and, with --plans, the plans.
 */
async function explain(name, b) {
  let read;
  const capture = Object.create(b.db);
  capture.statement = (tenantId, statement) => {
    read = statement;
    return b.db.statement(tenantId, statement);
  };
  await b.repo.prepareTurn(capture, tenant, session, randomUUID(), null, { query: QUESTIONS[0], limit: 4, staff: false });
  const literal = (v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));
  const client = new bench.pg.Client({ connectionString: fixture.urls.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
    await client.query(`PREPARE turn_read AS ${read.text}`);
    const call = `EXECUTE turn_read(${read.values.map(literal).join(', ')})`;
    for (const mode of ['force_custom_plan', 'force_generic_plan', 'auto']) {
      await client.query(`SET LOCAL plan_cache_mode = ${mode}`);
      for (let i = 0; i < 6; i++) await client.query(call);
      const plans = [];
      for (let i = 0; i < 21; i++) plans.push((await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${call}`)).rows.map((r) => r['QUERY PLAN']));
      const median = (what) => {
        const ms = plans.map((p) => Number(p.find((l) => l.startsWith(`${what} Time`)).match(/([\d.]+) ms/)[1])).sort((x, y) => x - y);
        return ms[Math.floor(ms.length / 2)];
      };
      console.log(`${name}, plan_cache_mode ${mode}, median of 21: planning ${median('Planning')} ms, execution ${median('Execution')} ms`);
      if (process.argv.includes('--plans')) console.log(plans[0].join('\n'));
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

let q = 0;
const search = () => ({ query: QUESTIONS[q++ % QUESTIONS.length], limit: 4, staff: false });
try {
  const builds = { [`A ${A}`]: buildOf(A), 'B this checkout': buildOf(bench.ROOT) };
  // The two builds must answer alike before they are timed.
  for (const question of QUESTIONS) {
    const s = { query: question, limit: 4, staff: false };
    const out = await Promise.all(Object.values(builds).map((b) => b.repo.prepareTurn(b.db, tenant, session, randomUUID(), null, s)));
    if (JSON.stringify(out[0]) !== JSON.stringify(out[1])) throw new Error(`the builds' turns differ:\n${JSON.stringify(out)}`);
    if (out[0].knowledge.length === 0 || out[0].recent.length !== 8) throw new Error(`unexpected turn: ${JSON.stringify(out[0])}`);
  }
  const B = builds['B this checkout'];
  const variants = Object.fromEntries(
    Object.entries(builds).map(([name, b]) => [
      `${name}: prepareTurn`,
      bench.inSpan('turn', () => b.repo.prepareTurn(b.db, tenant, session, randomUUID(), null, search())),
    ]),
  );
  variants['B: prepareTurn, no search'] = bench.inSpan('turn', () => B.repo.prepareTurn(B.db, tenant, session, randomUUID(), null, null));
  variants['B: session only (statement)'] = bench.inSpan('turn', () =>
    B.db.statement(tenant, {
      text: `SELECT id, mode::text AS mode FROM chat_sessions WHERE id = $1::uuid AND tenant_id = $2::uuid`,
      values: [session, tenant],
    }),
  );
  await bench.compare("the turn's context read", variants, { n: N, rounds: ROUNDS, warmup: WARMUP });
  for (const [name, b] of Object.entries(builds)) await explain(name, b);
} finally {
  await bench.close();
}
