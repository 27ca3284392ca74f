#!/usr/bin/env node
// The chat turn's database work in isolation, old and new shapes side by side (issue 16 point 2).
//
// On a throw-away database (one tenant, a session with 8 messages, 20 knowledge chunks), as the
// app role under RLS, one at a time, in interleaved rounds so the variants share the machine's
// state (it is shared and noisy): the turn's read before generation and its write after it,
//   read  old: interactive transaction, session + 50 recent messages + full-text search
//             (findUnique, findMany, searchKnowledge: 4 statements after set_config);
//   read  batch: the same one statement in a Prisma batch transaction (TenantDb.batch; prepareTurn
//             before it moved to TenantDb.statement);
//   read  new: prepareTurn (apps/chat): that statement through TenantDb.statement() (node-postgres,
//             prepared, BEGIN / set_config / statement / COMMIT on one pooled connection);
//   write old: interactive transaction, messages, signals, session, outbox (4 statements);
//   write new: persistTurn (apps/chat): the same 4 statements as one batch transaction.
// Prints p50/p90 ms per variant and round. Needs a build (apps/chat, libs/persistence dist).
//
//   npm run build && node bench/chat-path/turn-db.mjs [--n 300] [--rounds 3]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupDatabase, dropDatabase, optionsFromEnv } from '../../scripts/db-setup.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const pg = require('pg');
const P = require(join(ROOT, 'libs', 'persistence', 'dist', 'index.js'));
const repo = require(join(ROOT, 'apps', 'chat', 'dist', 'turn', 'turn.repository.js'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 300);
const ROUNDS = arg('rounds', 3);
const QUERY = 'what is the call-out fee at weekends?';

const superuserUrl = process.env.PGSUPERUSER_URL || readFileSync(join(ROOT, '.parley', 'pgsuperuser-url'), 'utf8').trim();
const database = `parley_turndb_${randomUUID().slice(0, 8)}`;
const urls = await setupDatabase({ ...optionsFromEnv(process.env), superuserUrl, database });
const owner = new pg.Pool({ connectionString: urls.ownerUrl, max: 1 });
const prisma = P.createPrismaClient({ databaseUrl: urls.appUrl, poolMax: 4, applicationName: 'turn-db-bench' });
try {
  const q = (sql, params) => owner.query(sql, params).then((r) => r.rows);
  const [{ id: tenant }] = await q(`INSERT INTO tenants (slug, display_name) VALUES ($1, 'Bench') RETURNING id`, [`b${Date.now()}`]);
  const [{ id: session }] = await q(`INSERT INTO chat_sessions (tenant_id) VALUES ($1) RETURNING id`, [tenant]);
  for (let i = 0; i < 8; i++)
    await q(
      `INSERT INTO chat_messages (tenant_id, session_id, turn_id, role, content, created_at)
       VALUES ($1, $2, $3, $4, $5, now() - ($6 || ' s')::interval)`,
      [tenant, session, randomUUID(), i % 2 ? 'assistant' : 'user', `message ${i} about prices and opening hours`, String(60 - i)],
    );
  const [{ id: doc }] = await q(
    `INSERT INTO knowledge_documents (tenant_id, title, status, content_hash) VALUES ($1, 'Prices', 'ready', 'h') RETURNING id`,
    [tenant],
  );
  for (let i = 0; i < 20; i++)
    await q(`INSERT INTO knowledge_chunks (tenant_id, document_id, ordinal, text) VALUES ($1, $2, $3, $4)`, [
      tenant,
      doc,
      i,
      `Chunk ${i}: our call-out fee is ${60 + i} pounds on weekdays and more at weekends; we open at nine.`,
    ]);
  const db = new P.TenantDb(prisma);
  // The statement prepareTurn sends (captured once), replayed through a Prisma batch for the "read batch" row.
  let captured;
  const capture = Object.create(db);
  capture.statement = async (tenantId, statement) => {
    captured = statement;
    return db.statement(tenantId, statement);
  };
  await repo.prepareTurn(capture, tenant, session, randomUUID(), null, { query: QUERY, limit: 4, staff: false });
  const turnReadSql = () => captured;
  const record = () => ({
    tenantId: tenant,
    sessionId: session,
    turnId: randomUUID(),
    userText: QUERY,
    userAt: new Date(),
    findings: [],
    unanswered: true,
    assistant: {
      id: randomUUID(),
      content: 'The call-out fee is 65 pounds on weekdays.',
      interrupted: false,
      at: new Date(),
      inputTokens: 120,
      outputTokens: 20,
      provider: 'openai',
      model: 'mock',
      latencyMs: 20,
    },
    needsHuman: false,
    handoff: false,
    outbox: () => [
      { subject: `evt.chat.turn_completed.${tenant}`, payload: { version: 1, text: 'x'.repeat(800) } },
      { subject: `evt.notify.requested.${tenant}`, payload: { version: 1 } },
    ],
  });
  const oldWrite = (tx, r) => {
    const userId = randomUUID();
    const base = { tenantId: tenant, sessionId: session, turnId: r.turnId };
    return [
      () =>
        tx.chatMessage.createMany({
          data: [
            { ...base, id: userId, role: 'user', content: r.userText, createdAt: r.userAt },
            {
              ...base,
              id: r.assistant.id,
              role: 'assistant',
              content: r.assistant.content,
              tokensIn: 120,
              tokensOut: 20,
              provider: 'openai',
              model: 'mock',
              latencyMs: 20,
              createdAt: new Date(r.userAt.getTime() + 1),
            },
          ],
        }),
      () =>
        tx.messageSignal.createMany({
          data: [
            {
              tenantId: tenant,
              messageId: userId,
              sessionId: session,
              source: 'offline',
              kind: 'intent',
              label: 'unanswered_question',
              score: 1,
              data: {},
            },
          ],
          skipDuplicates: true,
        }),
      () =>
        tx.chatSession.update({
          where: { id: session },
          data: { messageCount: { increment: 2 }, lastActivityAt: new Date() },
          select: { id: true },
        }),
      () => tx.outbox.createMany({ data: r.outbox().map((m) => ({ subject: m.subject, payload: m.payload, headers: {} })) }),
    ];
  };
  const variants = {
    'read old: interactive tx, session + history + full-text search': () =>
      db.run(tenant, async (tx) => {
        await tx.chatSession.findUnique({ where: { id: session } });
        await tx.chatMessage.findMany({
          where: { sessionId: session, role: { in: ['user', 'assistant', 'staff'] } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 50,
          select: { role: true, content: true, turnId: true },
        });
        return P.searchKnowledge(tx, { tenantId: tenant, query: QUERY, embedding: null, limit: 4 });
      }),
    'read batch: the one statement, Prisma batch transaction': () =>
      db.batch(tenant, (c) => {
        const read = turnReadSql();
        return [c.$queryRawUnsafe(read.text, ...read.values)];
      }),
    'read new: prepareTurn, one statement (TenantDb.statement)': () =>
      repo.prepareTurn(db, tenant, session, randomUUID(), null, { query: QUERY, limit: 4, staff: false }),
    'write old: interactive tx, 4 statements': () =>
      db.run(tenant, async (tx) => {
        for (const statement of oldWrite(tx, record())) await statement();
      }),
    'write new: persistTurn, 4 statements (batch)': () => repo.persistTurn(db, record()),
  };
  for (const fn of Object.values(variants)) for (let i = 0; i < 30; i++) await fn();
  const results = {};
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, fn] of Object.entries(variants)) {
      const t = [];
      for (let i = 0; i < N; i++) {
        const s = performance.now();
        await fn();
        t.push(performance.now() - s);
      }
      t.sort((a, b) => a - b);
      (results[name] ??= []).push({ p50: +t[Math.floor(N / 2)].toFixed(2), p90: +t[Math.floor(N * 0.9)].toFixed(2) });
    }
  console.log(
    `turn database work, ms (n=${N} per variant and round, ${ROUNDS} interleaved rounds; load ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')})`,
  );
  console.log('| variant | ' + results[Object.keys(results)[0]].map((_, i) => `round ${i + 1} p50 / p90`).join(' | ') + ' |');
  console.log('|---|' + results[Object.keys(results)[0]].map(() => '---').join('|') + '|');
  for (const [name, rounds] of Object.entries(results))
    console.log(`| ${name} | ${rounds.map((r) => `${r.p50} / ${r.p90}`).join(' | ')} |`);
} finally {
  await prisma.$disconnect();
  await owner.end();
  await dropDatabase(superuserUrl, database);
}
