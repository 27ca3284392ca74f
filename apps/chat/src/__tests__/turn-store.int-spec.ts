// persistTurn: the turn's rows in one statement and one transaction (TenantDb.statement()), all or
// nothing, as the app role under RLS.
import { randomUUID } from 'node:crypto';
import { ChatSessionCreateRpc } from '@parley/contracts';
import { isUniqueViolation } from '@parley/persistence';
import type { SignalFinding } from '@parley/signals';
import { ChatError } from '../common/chat.errors';
import type { ToolExecutionWrite } from '../tools/tool-executions.repository';
import { createTenant } from '@parley/testing';
import { persistTurn, type TurnRecord } from '../turn/turn.repository';
import { startChatHarness, type ChatHarness } from './support/chat-harness';

describe('persistTurn (one statement, one transaction)', () => {
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
  it('writes every finding, the tool calls, the handoff, the outbox rows in order (relay ids) and the audit row', async () => {
    const session = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget' })).session;
    const findings: SignalFinding[] = [
      { type: 'urgency', subtype: 'time_pressure', severity: 'high', confidence: 0.9, evidence: { start: 0, end: 5, text: 'today' } },
      { type: 'frustration', subtype: 'anger', severity: 'medium', confidence: 0.7, evidence: { start: 6, end: 10, text: 'fed up' } },
    ];
    const base = record(session.id);
    const at = new Date();
    const toolCall = (
      call: Pick<ToolExecutionWrite, 'toolKey' | 'status' | 'input' | 'output' | 'latencyMs'> & Partial<ToolExecutionWrite>,
    ) => ({
      id: randomUUID(),
      tenantId: tenant,
      sessionId: session.id,
      messageId: base.assistant.id,
      tenantToolId: null,
      integrationId: null,
      failure: null,
      error: null,
      cacheHit: false,
      createdAt: at,
      finishedAt: at,
      ...call,
    });
    const turn: TurnRecord = {
      ...base,
      findings,
      unanswered: false,
      needsHuman: true,
      handoff: true,
      toolExecutions: [
        toolCall({ toolKey: 'order_status', status: 'succeeded', input: { order: 'A-1' }, output: { status: 'shipped' }, latencyMs: 12.4 }),
        toolCall({
          toolKey: 'stock_level',
          status: 'failed',
          input: {},
          output: null,
          failure: 'timeout',
          error: 'no answer',
          latencyMs: 30,
        }),
      ],
      outbox: (userMessageId) =>
        ['first', 'second', 'third'].map((n) => ({
          subject: `evt.chat.turn_completed.${tenant}`,
          payload: { version: 1, n, userMessageId, at },
          headers: { 'x-order': n },
        })),
    };
    const userId = await persistTurn(h.db, turn);

    expect(
      await rows(
        'SELECT message_id, source, kind, label, score, data FROM message_signals WHERE session_id = $1 ORDER BY label',
        session.id,
      ),
    ).toEqual([
      {
        message_id: userId,
        source: 'l1a',
        kind: 'sentiment',
        label: 'anger',
        score: 0.7,
        data: { type: 'frustration', subtype: 'anger', severity: 'medium', evidence: { start: 6, end: 10, text: 'fed up' } },
      },
      {
        message_id: userId,
        source: 'l1a',
        kind: 'urgency',
        label: 'time_pressure',
        score: 0.9,
        data: { type: 'urgency', subtype: 'time_pressure', severity: 'high', evidence: { start: 0, end: 5, text: 'today' } },
      },
    ]);
    expect(
      await rows(
        'SELECT tenant_id::text, message_id::text, tool_key, status::text, input, output, failure, error, latency_ms FROM tool_executions WHERE session_id = $1 ORDER BY tool_key',
        session.id,
      ),
    ).toEqual([
      {
        tenant_id: tenant,
        message_id: turn.assistant.id,
        tool_key: 'order_status',
        status: 'succeeded',
        input: { order: 'A-1' },
        output: { status: 'shipped' },
        failure: null,
        error: null,
        latency_ms: 12,
      },
      {
        tenant_id: tenant,
        message_id: turn.assistant.id,
        tool_key: 'stock_level',
        status: 'failed',
        input: {},
        output: null,
        failure: 'timeout',
        error: 'no answer',
        latency_ms: 30,
      },
    ]);
    expect(await rows('SELECT message_count, needs_human, mode::text FROM chat_sessions WHERE id = $1', session.id)).toEqual([
      { message_count: 2, needs_human: true, mode: 'human' },
    ]);
    const assistant = await rows(
      'SELECT tokens_in, tokens_out, provider, model, latency_ms, interrupted, turn_id::text FROM chat_messages WHERE id = $1',
      turn.assistant.id,
    );
    expect(assistant).toEqual([
      { tokens_in: 10, tokens_out: 5, provider: 'offline', model: 'offline', latency_ms: 3, interrupted: false, turn_id: turn.turnId },
    ]);

    // The relay reads these rows by seq and publishes each with Nats-Msg-Id = its id.
    const outbox = await rows(
      `SELECT id::text, subject, payload, headers, sent_at FROM outbox WHERE payload->>'userMessageId' = $1 ORDER BY seq`,
      userId,
    );
    expect(outbox.map((o: { payload: { n: string } }) => o.payload.n)).toEqual(['first', 'second', 'third']);
    expect(outbox[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      subject: `evt.chat.turn_completed.${tenant}`,
      payload: { version: 1, n: 'first', userMessageId: userId, at: at.toISOString() },
      headers: { 'x-order': 'first' },
      sent_at: null,
    });
    expect(new Set(outbox.map((o: { id: string }) => o.id)).size).toBe(3);

    const audit = await rows(`SELECT actor_type, action, target_id, data FROM audit_log WHERE data->>'turnId' = $1`, turn.turnId);
    expect(audit).toEqual([
      {
        actor_type: 'session',
        action: 'chat.turn',
        target_id: session.id,
        data: expect.objectContaining({ turnId: turn.turnId, messageId: turn.assistant.id, outcome: 'handed_off', toolCalls: 2 }),
      },
    ]);
  });

  it('writes nothing at all (no outbox row, no audit row) for an unknown session, and fails NOT_FOUND', async () => {
    const missing = randomUUID();
    const turn = {
      ...record(missing),
      outbox: () => [{ subject: `evt.chat.turn_completed.${tenant}`, payload: { version: 1, marker: missing } }],
    };
    const failure = await persistTurn(h.db, turn).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ChatError);
    expect((failure as ChatError).code).toBe('NOT_FOUND');
    expect(await rows('SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1', missing)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'marker' = $1`, missing)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM audit_log WHERE data->>'turnId' = $1`, turn.turnId)).toEqual([{ n: 0 }]);
  });

  it("leaves another tenant's session, its counters and its audit chain untouched", async () => {
    const other = (await createTenant(h.owner)).id;
    const foreign = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: other, channel: 'widget' })).session;
    const turn = record(foreign.id);
    await expect(persistTurn(h.db, turn)).rejects.toBeInstanceOf(ChatError);
    expect(await rows('SELECT message_count, needs_human FROM chat_sessions WHERE id = $1', foreign.id)).toEqual([
      { message_count: 0, needs_human: false },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM audit_log WHERE data->>'turnId' = $1`, turn.turnId)).toEqual([{ n: 0 }]);
    // The same turn under the session's own tenant id, from the app role: WITH CHECK and the tenant setting agree, so it is stored.
    await persistTurn(h.db, { ...turn, tenantId: other });
    expect(await rows('SELECT tenant_id::text AS tenant FROM chat_messages WHERE session_id = $1', foreign.id)).toEqual([
      { tenant: other },
      { tenant: other },
    ]);
  });
});
