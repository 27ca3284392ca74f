#!/usr/bin/env node
// Chat's single-statement session reads as two builds serve them, interleaved in one process with the
// services' telemetry on, each call inside a parent span as an RPC's work is: latency and client CPU
// per call.
//
// A = the build in `--a <checkout>` (e.g. a worktree of the commit before: its apps/chat and
// libs/persistence dist), B = this checkout's. Each build's own service class over a TenantDb of its
// own libs/persistence (app role, RLS on):
//   get      SessionService.get(), what chat.session.get (GET /api/v1/sessions/{id}) runs;
//   waiting  StaffHandoffService.listSessionsNeedingHuman(tenant, 20), the staff console's list of
//            sessions waiting for a person (the fixture's session is one of them);
//   history  HistoryService.get(), chat.history (GET /api/v1/chat/history): a page of 20 of the
//            session's 8 messages, one of them with a stored signal.
// Spans made per call are counted by a span processor added for the run (the parent included).
//
//   node scripts/build.mjs libs/persistence apps/chat && \
//     node bench/chat-path/session-reads-ab.mjs --a /tmp/wt-base [--n 200] [--rounds 8] [--only history]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { abFlags, flag, openTracedBench } from './traced-db.fixture.mjs';

const require = createRequire(import.meta.url);
const { A, N, ROUNDS, WARMUP } = abFlags();
const ONLY = flag('only', null); // a title's first word: get, list, history

const bench = await openTracedBench('sessreads');
const { fixture } = bench;
const { tenant, session } = fixture;
await fixture.owner.query(`UPDATE chat_sessions SET needs_human = true WHERE id = $1`, [session]);
await fixture.owner.query(
  `INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score)
   SELECT tenant_id, id, session_id, 'l1a', 'urgency', 'flooding', 0.9 FROM chat_messages WHERE session_id = $1 AND role = 'user' LIMIT 1`,
  [session],
);

/** The services of the build at `root` over a TenantDb of its libs/persistence. */
function servicesOf(root) {
  const db = bench.dbOf(require(join(root, 'libs', 'persistence', 'dist', 'index.js')));
  const { SessionService } = require(join(root, 'apps', 'chat', 'dist', 'sessions', 'session.service.js'));
  const { StaffHandoffService } = require(join(root, 'apps', 'chat', 'dist', 'handoff', 'staff-handoff.service.js'));
  const { HistoryService } = require(join(root, 'apps', 'chat', 'dist', 'sessions', 'history.service.js'));
  return { sessions: new SessionService(db), handoff: new StaffHandoffService(db), history: new HistoryService(db) };
}

try {
  const builds = { [`A ${A}`]: servicesOf(A), 'B this checkout': servicesOf(bench.ROOT) };
  const request = { version: 1, tenantId: tenant, sessionId: session };
  // The two builds must answer alike before they are timed.
  const views = await Promise.all(Object.values(builds).map((b) => b.sessions.get(request)));
  if (JSON.stringify(views[0]) !== JSON.stringify(views[1])) throw new Error(`the builds' views differ:\n${JSON.stringify(views)}`);
  const lists = await Promise.all(Object.values(builds).map((b) => b.handoff.listSessionsNeedingHuman(tenant, 20)));
  if (JSON.stringify(lists[0]) !== JSON.stringify(lists[1]) || lists[0].length !== 1) throw new Error("the builds' lists differ");
  const page = { version: 1, tenantId: tenant, sessionId: session, limit: 20, cursor: null };
  const pages = await Promise.all(Object.values(builds).map((b) => b.history.get(page)));
  if (JSON.stringify(pages[0]) !== JSON.stringify(pages[1]) || pages[0].items.length !== 8) throw new Error("the builds' pages differ");

  for (const [title, call] of [
    ['SessionService.get (chat.session.get)', (b) => b.sessions.get(request)],
    ['StaffHandoffService.listSessionsNeedingHuman(20)', (b) => b.handoff.listSessionsNeedingHuman(tenant, 20)],
    ['HistoryService.get (chat.history, limit 20)', (b) => b.history.get(page)],
  ]) {
    if (ONLY && !title.toLowerCase().includes(ONLY)) continue;
    const variants = Object.fromEntries(Object.entries(builds).map(([name, b]) => [name, bench.inSpan('rpc', () => call(b))]));
    await bench.compare(title, variants, { n: N, rounds: ROUNDS, warmup: WARMUP });
  }
} finally {
  await bench.close();
}
