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
//   write batch: the same 4 and the audit row as one Prisma batch transaction (persistTurn before
//             it moved to TenantDb.statement);
//   write new: persistTurn (apps/chat): all of it as one statement through TenantDb.statement().
// Prints p50/p90 ms per variant and round. Needs a build (apps/chat, libs/persistence dist).
//
//   npm run build && node bench/chat-path/turn-db.mjs [--n 300] [--rounds 3]
import { randomUUID } from 'node:crypto';
import { arg, interleaved, load, openTurnDatabase, P, printTable, QUERY, repo } from './turn-db.fixture.mjs';

const N = arg('n', 300);
const ROUNDS = arg('rounds', 3);

const fixture = await openTurnDatabase('turndb');
const { tenant, session } = fixture;
const prisma = P.createPrismaClient({ databaseUrl: fixture.urls.appUrl, poolMax: 4, applicationName: 'turn-db-bench' });
try {
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
    'write batch: messages, signals, session, outbox, audit as a Prisma batch transaction (persistTurn before 2026-12-07)': () =>
      db.batch(tenant, (c) => {
        const r = record();
        const audit = {
          tenantId: tenant,
          actor: { type: 'session', id: session },
          action: 'chat.turn',
          targetType: 'chat_session',
          targetId: session,
        };
        return [...oldWrite(c, r).map((statement) => statement()), P.auditAppend(c, { ...audit, data: { turnId: r.turnId } })];
      }),
    'write new: persistTurn, one statement (TenantDb.statement)': () => repo.persistTurn(db, record()),
  };
  const results = await interleaved(variants, N, ROUNDS);
  printTable(`turn database work, ms (n=${N} per variant and round, ${ROUNDS} interleaved rounds; load ${load()})`, results);
} finally {
  await prisma.$disconnect();
  await fixture.drop();
}
