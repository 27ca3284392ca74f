#!/usr/bin/env node
// The staff console's conversation reads as two builds serve them, interleaved in one process with the
// services' telemetry on, each call inside a parent span as an RPC's work is: latency and client CPU
// per call (session-reads-ab.mjs' sibling).
//
// A = the build in `--a <checkout>` (e.g. a worktree of the commit before: its apps/chat and
// libs/persistence dist), B = this checkout's. Each build's own ConversationsService over a TenantDb of
// its own libs/persistence (app role, RLS on), on a throw-away database with 41 visitor sessions (one
// with the fixture's 8 messages, a contact, a summary and signals; every third with an urgency signal)
// and a staff assistant session:
//   list  ConversationsService.list(), chat.conversation.list (the console's list): a page of 20;
//   get   ConversationsService.get(), chat.conversation.get (the console's transcript): the
//         conversation and a page of 20 of its 8 messages.
// Before timing, both builds must answer alike: the list with each filter and its second page, the
// transcript whole and paged, an unknown id's error.
//
// `--stress a|b` instead runs only that build, `--concurrency` (16) calls of each read at once for
// `--rounds` rounds, and reports the Node warnings the process emitted (pg's DeprecationWarning
// "Calling client.query() when the client is already executing a query" is printed once per process,
// so each build needs its own run).
//
//   node scripts/build.mjs libs/persistence apps/chat && \
//     node bench/chat-path/console-reads-ab.mjs --a /tmp/wt-base [--n 200] [--rounds 8] [--only list]
//   node bench/chat-path/console-reads-ab.mjs --a /tmp/wt-base --stress a [--concurrency 16] [--rounds 20]
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { arg } from './cli.mjs';
import { abFlags, flag, openTracedBench } from './traced-db.fixture.mjs';

const require = createRequire(import.meta.url);
const { A, N, ROUNDS, WARMUP } = abFlags();
const ONLY = flag('only', null); // list, get
const STRESS = flag('stress', null); // a, b
const CONCURRENCY = arg('concurrency', 16);

const warnings = [];
process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message}`));

const bench = await openTracedBench('consolereads');
const { fixture } = bench;
const { tenant, session } = fixture;
const q = (sql, params) => fixture.owner.query(sql, params).then((r) => r.rows);

// The fixture's session: a contact, a summary, signals on its user messages; 40 more visitor sessions
// a minute apart (every third with an urgency signal); one staff assistant session (never listed).
const [{ id: contact }] = await q(
  `INSERT INTO tenant_contacts (tenant_id, external_user_id, name, email) VALUES ($1, 'bench-contact', 'Dana', 'dana@example.test') RETURNING id`,
  [tenant],
);
await q(`UPDATE chat_sessions SET contact_id = $2, needs_human = true, started_at = now() - interval '1 hour' WHERE id = $1`, [
  session,
  contact,
]);
await q(`INSERT INTO session_summaries (tenant_id, session_id, contact_id, summary) VALUES ($1, $2, $3, 'Asked about prices.')`, [
  tenant,
  session,
  contact,
]);
await q(
  // A second apart: A orders a message's signals by created_at alone (ties in no set order), B by created_at, then id.
  `INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score, created_at)
   SELECT tenant_id, id, session_id, 'l1a', k.kind, k.label, 0.8, now() - (k.n || ' s')::interval FROM chat_messages,
          (VALUES ('urgency', 'flooding', 3), ('intent', 'pricing', 2), ('sentiment', 'neutral', 1)) AS k(kind, label, n)
    WHERE session_id = $1 AND role = 'user'`,
  [session],
);
for (let i = 0; i < 40; i++) {
  const [{ id }] = await q(
    `INSERT INTO chat_sessions (tenant_id, status, started_at) VALUES ($1, $2, now() - ($3 || ' min')::interval) RETURNING id`,
    [tenant, i % 4 === 0 ? 'closed' : 'open', String(i)],
  );
  const [message] = await q(
    `INSERT INTO chat_messages (tenant_id, session_id, role, content) VALUES ($1, $2, 'user', 'hello') RETURNING id`,
    [tenant, id],
  );
  if (i % 3 === 0)
    await q(
      `INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score) VALUES ($1, $2, $3, 'l1a', 'urgency', 'leak', 0.7)`,
      [tenant, message.id, id],
    );
}
const [{ id: staffUser }] = await q(`INSERT INTO tenant_users (tenant_id, email, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [
  tenant,
  `staff-${randomUUID()}@bench.test`,
]);
await q(`INSERT INTO chat_sessions (tenant_id, staff_user_id) VALUES ($1, $2)`, [tenant, staffUser]);

/** The ConversationsService of the build at `root` over a TenantDb of its libs/persistence. */
function serviceOf(root) {
  const db = bench.dbOf(require(join(root, 'libs', 'persistence', 'dist', 'index.js')));
  const { ConversationsService } = require(join(root, 'apps', 'chat', 'dist', 'conversations', 'conversations.service.js'));
  return new ConversationsService(db);
}

const listRequest = (extra = {}) => ({ version: 1, tenantId: tenant, limit: 20, cursor: null, ...extra });
const getRequest = (extra = {}) => ({ version: 1, tenantId: tenant, sessionId: session, limit: 20, cursor: null, ...extra });
const outcome = (promise) =>
  promise.then(
    (value) => value,
    (error) => ({ error: error.code, message: error.message }),
  );

/** Both builds answer alike (responses compared as JSON): the list's filters and pages, the transcript's pages, errors. */
async function checkAlike(builds) {
  const services = Object.values(builds);
  const [unknown, otherTenant] = [randomUUID(), randomUUID()];
  const same = async (what, call) => {
    const [a, b] = await Promise.all(services.map((s) => outcome(call(s))));
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`the builds differ on ${what}:\nA ${JSON.stringify(a)}\nB ${JSON.stringify(b)}`);
    return a;
  };
  const first = await same('the list', (s) => s.list(listRequest()));
  if (first.items.length !== 20 || !first.nextCursor) throw new Error('the list should be a full page with a cursor');
  await same("the list's second page", (s) => s.list(listRequest({ cursor: first.nextCursor })));
  const since = new Date(Date.now() - 30 * 60_000).toISOString();
  for (const filter of [
    { status: 'open' },
    { status: 'closed' },
    { status: 'handoff' },
    { signal: 'urgency' },
    { signal: 'safety' },
    { contactId: contact },
    { contactId: unknown },
    { since },
    { until: since },
    { since: new Date(Date.now() - 3 * 3_600_000).toISOString(), until: since, limit: 5 },
  ])
    await same(`the list with ${JSON.stringify(filter)}`, (s) => s.list(listRequest(filter)));
  await same('the list with since after until', (s) => s.list(listRequest({ since, until: since })));
  await same('the list with a bad cursor', (s) => s.list(listRequest({ cursor: 'nope' })));
  await same('the list of another tenant', (s) => s.list(listRequest({ tenantId: otherTenant })));
  const page = await same('the transcript', (s) => s.get(getRequest()));
  if (page.messages.length !== 8 || !page.conversation.hasSummary || !page.conversation.contact) throw new Error('unexpected transcript');
  let cursor = null;
  for (let i = 0; i < 4; i++) {
    const part = await same(`the transcript's page ${i + 1} of 3`, (s) => s.get(getRequest({ limit: 3, cursor })));
    cursor = part.nextCursor;
  }
  await same('an unknown session', (s) => s.get(getRequest({ sessionId: unknown })));
  await same("another tenant's session", (s) => s.get(getRequest({ tenantId: otherTenant })));
  await same('a bad cursor', (s) => s.get(getRequest({ cursor: 'nope' })));
}

const CALLS = [
  ['ConversationsService.list (chat.conversation.list, limit 20)', (s) => s.list(listRequest())],
  ['ConversationsService.get (chat.conversation.get, limit 20)', (s) => s.get(getRequest())],
];

try {
  if (STRESS) {
    // Only the one build is loaded and called: pg's deprecation warning is printed once per process.
    const [name, service] = STRESS === 'a' ? [`A ${A}`, serviceOf(A)] : ['B this checkout', serviceOf(bench.ROOT)];
    console.log(`load before: ${bench.load()}`);
    for (let round = 0; round < ROUNDS; round++)
      await Promise.all(
        Array.from({ length: CONCURRENCY }, () => Promise.all(CALLS.map(([, call]) => bench.inSpan('rpc', () => call(service))()))),
      );
    console.log(`${name}: ${ROUNDS} rounds of ${CONCURRENCY} concurrent list and get calls; Node warnings: ${warnings.length}`);
    for (const warning of warnings) console.log(`  ${warning}`);
    console.log(`load after: ${bench.load()}`);
  } else {
    const builds = { [`A ${A}`]: serviceOf(A), 'B this checkout': serviceOf(bench.ROOT) };
    await checkAlike(builds);
    console.log('both builds answer alike (list: 10 filters, 2 pages, errors; transcript: whole, 3 pages, errors)');
    for (const [title, call] of CALLS) {
      if (ONLY && !title.toLowerCase().includes(`.${ONLY}`)) continue;
      const variants = Object.fromEntries(Object.entries(builds).map(([name, s]) => [name, bench.inSpan('rpc', () => call(s))]));
      await bench.compare(title, variants, { n: N, rounds: ROUNDS, warmup: WARMUP });
    }
    if (warnings.length) console.log(`Node warnings in this process: ${warnings.join(' | ')}`);
  }
} finally {
  await bench.close();
}
