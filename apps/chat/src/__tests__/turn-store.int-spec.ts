// persistTurn: the turn's rows in one batch transaction, all or nothing, under RLS.
import { randomUUID } from 'node:crypto';
import { ChatSessionCreateRpc } from '@parley/contracts';
import { isUniqueViolation } from '@parley/persistence';
import { createTenant } from '@parley/testing';
import { persistTurn, type TurnRecord } from '../turn/turn.repository';
import { startChatHarness, type ChatHarness } from './support/chat-harness';

describe('persistTurn (one batch transaction)', () => {
  let h: ChatHarness;
  let tenant: string;

  beforeAll(async () => {
    h = await startChatHarness();
    tenant = (await createTenant(h.owner)).id;
  });

  afterAll(async () => {
    await h.close();
  });

  const record = (sessionId: string, turnId: string = randomUUID()): TurnRecord => ({
    tenantId: tenant,
    sessionId,
    turnId,
    userText: 'what does a call-out cost?',
    userAt: new Date(),
    findings: [],
    unanswered: true,
    assistant: {
      id: randomUUID(),
      content: 'It is £65 on weekdays.',
      interrupted: false,
      at: new Date(),
      inputTokens: 10,
      outputTokens: 5,
      provider: 'offline',
      model: 'offline',
      latencyMs: 3,
    },
    needsHuman: true,
    handoff: false,
    outbox: (userMessageId) => [{ subject: `evt.chat.turn_completed.${tenant}`, payload: { version: 1, userMessageId } }],
  });
  const rows = async (sql: string, sessionId: string) => (await h.owner.query(sql, [sessionId])).rows;

  it('writes the messages, signals, session counters and outbox rows together; a second store of the turn changes nothing', async () => {
    const session = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget' })).session;
    const turn = record(session.id);
    const userId = await persistTurn(h.db, turn);

    expect(await rows('SELECT id, role FROM chat_messages WHERE session_id = $1 ORDER BY created_at', session.id)).toEqual([
      { id: userId, role: 'user' },
      { id: turn.assistant.id, role: 'assistant' },
    ]);
    expect(await rows('SELECT message_id, label FROM message_signals WHERE session_id = $1', session.id)).toEqual([
      { message_id: userId, label: 'unanswered_question' },
    ]);
    expect(await rows('SELECT message_count, needs_human FROM chat_sessions WHERE id = $1', session.id)).toEqual([
      { message_count: 2, needs_human: true },
    ]);
    const outbox = await rows(`SELECT payload FROM outbox WHERE payload->>'userMessageId' = $1`, userId);
    expect(outbox).toHaveLength(1);

    // The same turn again (a retry racing the original): a unique violation, and nothing of it is kept.
    const again = {
      ...record(session.id, turn.turnId),
      outbox: () => [{ subject: `evt.chat.turn_completed.${tenant}`, payload: { version: 1, again: session.id } }],
    };
    const failure = await persistTurn(h.db, again).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await rows('SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1', session.id)).toEqual([{ n: 2 }]);
    expect(await rows('SELECT message_count FROM chat_sessions WHERE id = $1', session.id)).toEqual([{ message_count: 2 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'again' = $1`, session.id)).toEqual([{ n: 0 }]);
  });

  it("cannot write into another tenant's session", async () => {
    const other = (await createTenant(h.owner)).id;
    const foreign = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: other, channel: 'widget' })).session;
    await expect(persistTurn(h.db, record(foreign.id))).rejects.toBeDefined();
    expect(await rows('SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1', foreign.id)).toEqual([{ n: 0 }]);
  });
});
