#!/usr/bin/env node
// The database read behind GET /api/v1/sessions/{id} (chat's SessionService.get for the
// chat.session.get RPC), as chat sends it today and as one TenantDb.statement(), interleaved, to
// see how much of the GET floor is the read's client work.
//
// On a throw-away database (turn-db.fixture.mjs: one tenant, a session), one at a time, in
// interleaved rounds, as the app role under RLS, each call inside a parent span as a request is:
//   run + findUnique    TenantDb.run(tenant, tx => tx.chatSession.findUnique(...)): Prisma's
//                       interactive transaction (connect, BEGIN, set_config, SELECT, COMMIT through
//                       Prisma's client and driver adapter); what SessionService.get does;
//   statement           TenantDb.statement(): BEGIN, set_config, the same SELECT, COMMIT, prepared
//                       and pipelined in one socket write (what the turn's read uses);
//   SELECT 1            node-postgres, for the round trip alone.
// p50 / p90 ms per variant and round, and the process's CPU µs per call (the client's own work).
//
//   npm run build && node bench/chat-path/session-get-shapes.mjs [--n 300] [--rounds 4]
import { arg, interleaved, load, openTurnDatabase, P, pg, printTable } from './turn-db.fixture.mjs';

const N = arg('n', 300);
const ROUNDS = arg('rounds', 4);

// The columns findUnique reads (every scalar of ChatSession), by the primary key.
const READ = `SELECT * FROM chat_sessions WHERE id = $1::uuid`;

const fixture = await openTurnDatabase('sessget');
const { tenant, session } = fixture;
const prisma = P.createPrismaClient({ databaseUrl: fixture.urls.appUrl, poolMax: 2, applicationName: 'session-get-bench' });
const plain = new pg.Pool({ connectionString: fixture.urls.appUrl, max: 2 });
try {
  const db = new P.TenantDb(prisma);
  const viaRun = await db.run(tenant, (tx) => tx.chatSession.findUnique({ where: { id: session } }));
  const [viaStatement] = await db.statement(tenant, { text: READ, values: [session] });
  if (!viaRun || !viaStatement || viaRun.id !== viaStatement.id) throw new Error('the two reads disagree');
  const other = await db.statement('00000000-0000-4000-8000-000000000000', { text: READ, values: [session] });
  if (other.length !== 0) throw new Error('RLS: another tenant sees the session');
  const variants = {
    'run + findUnique (SessionService.get today)': () => db.run(tenant, (tx) => tx.chatSession.findUnique({ where: { id: session } })),
    'statement (BEGIN, set_config, SELECT, COMMIT pipelined)': () => db.statement(tenant, { text: READ, values: [session] }),
    'SELECT 1 node-postgres': () => plain.query('SELECT 1'),
  };
  const results = await interleaved(variants, N, ROUNDS);
  printTable(`\nGET session's read, ms (n=${N} per variant and round, ${ROUNDS} interleaved rounds; load ${load()})`, results);
} finally {
  await prisma.$disconnect();
  await plain.end();
  await fixture.drop();
}
