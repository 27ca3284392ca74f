#!/usr/bin/env node
// The turn's one-statement read (apps/chat prepareTurn) sent in different ways, interleaved, to see
// what its time is made of: Prisma's client work, planning, round trips, the statement itself.
//
// On a throw-away database (one tenant, a session with 8 messages, 20 knowledge chunks), one at a
// time, in interleaved rounds, as the app role under RLS unless said otherwise:
//   prisma batch        the statement in a Prisma batch transaction (TenantDb.batch);
//   statement           TenantDb.statement(): node-postgres, BEGIN, set_config, the statement,
//                       COMMIT, named (prepared), pipelined; what prepareTurn sends;
//   pg prepared         the same four on a plain node-postgres pool, one round trip each;
//   pg unnamed          the same four on a plain node-postgres pool, unnamed (parsed and planned
//                       each time);
//   pg pipelined        the same four, named, sent at once on a `pipeline: true` client;
//   pg corked           the same, the four messages corked into one socket write;
//   statement alone     the statement with no transaction, as the owner role (RLS bypassed), unnamed;
//   SELECT 1            node-postgres and Prisma, for the round trip and the client's own cost.
// Also prints EXPLAIN (ANALYZE, BUFFERS) of the statement as the app role with the tenant set.
//
//   npm run build && node bench/chat-path/turn-read-shapes.mjs [--n 200] [--rounds 3]
import { arg, captureTurnRead, interleaved, load, openTurnDatabase, P, pg, printTable } from './turn-db.fixture.mjs';

const N = arg('n', 200);
const ROUNDS = arg('rounds', 3);
const SET_TENANT = `SELECT set_config('app.tenant_id', $1, true)`;

const fixture = await openTurnDatabase('turnread');
const { tenant, owner } = fixture;
const plain = new pg.Pool({ connectionString: fixture.urls.appUrl, max: 2 });
const piped = new pg.Pool({ connectionString: fixture.urls.appUrl, max: 2, pipeline: true });
const prisma = P.createPrismaClient({ databaseUrl: fixture.urls.appUrl, poolMax: 2, applicationName: 'turn-read-bench' });
try {
  const db = new P.TenantDb(prisma);
  // The statement prepareTurn sends, captured once.
  const read = await captureTurnRead(db, fixture);
  const values = [...read.values];

  const explained = await plain.connect();
  try {
    await explained.query('BEGIN');
    await explained.query(SET_TENANT, [tenant]);
    const plan = await explained.query(`EXPLAIN (ANALYZE, BUFFERS) ${read.text}`, values);
    await explained.query('COMMIT');
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  } finally {
    explained.release();
  }

  const inTransaction = async (pool, named) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(named ? { name: 'set_tenant', text: SET_TENANT, values: [tenant] } : { text: SET_TENANT, values: [tenant] });
      const r = await c.query(named ? { name: 'turn_read', text: read.text, values } : { text: read.text, values });
      await c.query('COMMIT');
      return r.rows;
    } finally {
      c.release();
    }
  };
  const pipelined = async () => {
    const c = await piped.connect();
    try {
      const all = await Promise.all([
        c.query('BEGIN'),
        c.query({ name: 'set_tenant', text: SET_TENANT, values: [tenant] }),
        c.query({ name: 'turn_read', text: read.text, values }),
        c.query('COMMIT'),
      ]);
      return all[2].rows;
    } finally {
      c.release();
    }
  };
  // The same, the four messages corked into one socket write (what TenantDb.statement() does since it corks).
  const corked = async () => {
    const c = await piped.connect();
    try {
      c.connection.stream.cork();
      const sent = Promise.all([
        c.query('BEGIN'),
        c.query({ name: 'set_tenant', text: SET_TENANT, values: [tenant] }),
        c.query({ name: 'turn_read', text: read.text, values }),
        c.query('COMMIT'),
      ]);
      c.connection.stream.uncork();
      return (await sent)[2].rows;
    } finally {
      c.release();
    }
  };
  const variants = {
    'prisma batch': () => db.batch(tenant, (c) => [c.$queryRawUnsafe(read.text, ...values)]),
    'statement (TenantDb.statement, prepared, pipelined)': () => db.statement(tenant, read),
    'pg prepared, one at a time (four round trips)': () => inTransaction(plain, true),
    'pg unnamed: BEGIN, set_config, statement, COMMIT': () => inTransaction(plain, false),
    'pg pipelined, prepared': pipelined,
    'pg pipelined, prepared, one socket write (corked)': corked,
    'statement alone (owner, unnamed)': () => owner.query(read.text, values),
    'SELECT 1 node-postgres': () => plain.query('SELECT 1'),
    'SELECT 1 Prisma': () => prisma.$queryRaw`SELECT 1`,
  };
  const results = await interleaved(variants, N, ROUNDS);
  printTable(`\nthe turn's read, ms (n=${N} per variant and round, ${ROUNDS} interleaved rounds; load ${load()})`, results);
} finally {
  await prisma.$disconnect();
  await plain.end();
  await piped.end();
  await fixture.drop();
}
