// Turns through the real libs/llm router with the offline responder (no model), over NATS.
import {
  ActionRequestedEvent,
  ChatSessionCloseRpc,
  ChatSessionCreateRpc,
  ChatSessionGetRpc,
  ChatTurnCompletedEvent,
  ChatTurnRpc,
  NotifyRequestedEvent,
  chatCancelSubject,
} from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import { createKnowledgeChunk, createKnowledgeDocument, createTenant } from '@parley/testing';
import { TenantRuntimeCache } from '../tenants/tenant-runtime.cache';
import { collectFrames, outboxRowsOf, rpcError, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

const EMERGENCY = 'If you smell gas, leave the building and call the National Gas Emergency line on 0800 111 999.';

describe('chat turn with the offline responder', () => {
  let h: ChatHarness;
  let tenant: string;
  let otherTenant: string;

  beforeAll(async () => {
    h = await startChatHarness();
    tenant = (await createTenant(h.owner, { display_name: 'Pipe Pros', emergency_text: EMERGENCY })).id;
    otherTenant = (await createTenant(h.owner)).id;
    const doc = await createKnowledgeDocument(h.owner, tenant, { title: 'Prices' });
    await createKnowledgeChunk(h.owner, doc, 'Our call-out fee is £65 on weekdays and £95 at weekends.');
  });

  afterAll(async () => {
    await h.close();
  });

  const newSession = async (tenantId = tenant) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session;

  const countRows = async (table: string, sessionId: string) =>
    (await h.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE session_id = $1`, [sessionId])).rows[0].n as number;

  it('streams the signal frame first, then tokens in seq order, then done; stores messages, signals and outbox rows together', async () => {
    const session = await newSession();
    const request = turnRequest(tenant, session.id, 'my pipe burst and the kitchen is flooding, what do I do?');
    const collector = await collectFrames(h.client, request.turnId);
    const response = await h.rpc.request(ChatTurnRpc, request);
    const frames = await collector.finished;
    collector.stop();

    expect(frames.map((f) => f.seq)).toEqual(frames.map((_, i) => i));
    expect(frames[0]).toMatchObject({ type: 'signal' });
    expect(frames[0].type === 'signal' && frames[0].signals.map((s) => s.kind)).toContain('urgency');
    const firstToken = frames.findIndex((f) => f.type === 'token');
    expect(firstToken).toBeGreaterThan(0);
    expect(frames.filter((f) => f.type === 'done')).toHaveLength(1);
    expect(frames[frames.length - 1]).toMatchObject({ type: 'done', message_id: response.messageId, usage: response.usage });
    const streamed = frames.flatMap((f) => (f.type === 'token' ? [f.content] : [])).join('');
    expect(streamed).toBe(response.content);
    expect(response.usage).toMatchObject({ provider: 'offline' });
    expect(response.actions.map((a) => a.type)).toContain('callback_request');
    const actionFrame = frames.findIndex((f) => f.type === 'action');
    expect(actionFrame).toBeGreaterThan(firstToken);

    const { rows: messages } = await h.owner.query(
      'SELECT id, role, content, turn_id, provider, interrupted FROM chat_messages WHERE session_id = $1 ORDER BY created_at',
      [session.id],
    );
    expect(messages.map((m) => [m.role, m.turn_id])).toEqual([
      ['user', request.turnId],
      ['assistant', request.turnId],
    ]);
    expect(messages[1]).toMatchObject({ id: response.messageId, content: response.content, provider: 'offline', interrupted: false });
    const { rows: signals } = await h.owner.query('SELECT message_id, source, kind, label FROM message_signals WHERE session_id = $1', [
      session.id,
    ]);
    const l1a = signals.filter((s) => s.source === 'l1a');
    expect(l1a.map((s) => s.kind)).toContain('urgency');
    expect(signals.every((s) => s.message_id === messages[0].id)).toBe(true);
    // The offline responder had no knowledge about floods: the question is recorded as unanswered
    // (the statement alone would not be: only a real question is, issue 15).
    expect(signals.filter((s) => s.source !== 'l1a')).toEqual([
      { message_id: messages[0].id, source: 'offline', kind: 'intent', label: 'unanswered_question' },
    ]);

    const outbox = await outboxRowsOf(h.owner, session.id);
    const completed = outbox.filter((r) => r.subject === ChatTurnCompletedEvent.subjectFor(tenant));
    expect(completed).toHaveLength(1);
    expect(completed[0].payload).toMatchObject({
      turnId: request.turnId,
      userMessageId: messages[0].id,
      assistantMessageId: response.messageId,
      assistantText: response.content,
    });
    expect(outbox.filter((r) => r.subject === ActionRequestedEvent.subjectFor(tenant)).map((r) => r.payload.type)).toEqual([
      'callback_request',
    ]);
    const session2 = (await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenant, sessionId: session.id })).session;
    expect(session2.messageCount).toBe(2);
  });

  it('gives the tenant emergency text for a safety finding and asks to notify the tenant and the owner', async () => {
    const session = await newSession();
    const response = await h.rpc.request(
      ChatTurnRpc,
      turnRequest(tenant, session.id, 'I can smell gas really strongly in the hallway, what do I do', { stream: false }),
    );
    expect(response.content).toContain(EMERGENCY);
    expect(response.signals.map((s) => s.kind)).toContain('safety');
    const notify = (await outboxRowsOf(h.owner, session.id)).filter((r) => r.subject === NotifyRequestedEvent.subjectFor(tenant));
    const safety = notify.filter((r) => r.payload.category === 'alert' && String(r.payload.title).toLowerCase().includes('safety'));
    expect(safety.map((r) => r.payload.audience).sort()).toEqual(['owner', 'tenant']);
    expect(safety.every((r) => r.payload.tenantId === tenant && r.payload.severity === 'critical')).toBe(true);
  });

  it('answers from the tenant knowledge', async () => {
    const session = await newSession();
    const response = await h.rpc.request(
      ChatTurnRpc,
      turnRequest(tenant, session.id, 'How much is your call-out fee at weekends?', { stream: false }),
    );
    expect(response.content).toContain('£95');
    expect(response.signals).toEqual([]);
  });

  it('uses no knowledge for a tenant whose plan does not include it (ADR 0025), and uses it again once the plan does', async () => {
    const key = `nok-${Date.now().toString(36)}`;
    const { rows } = await h.owner.query<{ id: string }>(
      `INSERT INTO plans (key, name, currency, features) VALUES ($1, 'No knowledge', 'EUR', ARRAY['tools']) RETURNING id`,
      [key],
    );
    const planned = (await createTenant(h.owner, { display_name: 'Plan Pipes' })).id;
    const doc = await createKnowledgeDocument(h.owner, planned, { title: 'Prices' });
    await createKnowledgeChunk(h.owner, doc, 'Our call-out fee is £70 on weekdays and £110 at weekends.');
    const ask = async () => {
      const session = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: planned, channel: 'widget' })).session;
      return h.rpc.request(ChatTurnRpc, turnRequest(planned, session.id, 'How much is your call-out fee at weekends?', { stream: false }));
    };
    try {
      await h.owner.query(`UPDATE tenants SET plan_id = $2 WHERE id = $1`, [planned, rows[0]!.id]);
      expect((await ask()).content).not.toContain('£110');
      // The runtime is cached per tenant and dropped on evt.tenant.updated (a plan change publishes it): drop it as the event would.
      await h.owner.query(`UPDATE tenants SET plan_id = NULL WHERE id = $1`, [planned]);
      h.app.get(TenantRuntimeCache).invalidate(planned);
      expect((await ask()).content).toContain('£110');
    } finally {
      await h.owner.query(`UPDATE tenants SET plan_id = NULL WHERE id = $1`, [planned]);
      await h.owner.query(`DELETE FROM plans WHERE key = $1`, [key]);
    }
  });

  it("greets a returning customer by name, never with another tenant's contact", async () => {
    await h.owner.query(
      `INSERT INTO tenant_contacts (tenant_id, external_user_id, name, created_at) VALUES ($1, 'cust-7', 'Priya', now() - interval '3 days')`,
      [tenant],
    );
    await h.owner.query(
      `INSERT INTO tenant_contacts (tenant_id, external_user_id, name, created_at) VALUES ($1, 'cust-8', 'Oscar', now() - interval '3 days')`,
      [otherTenant],
    );
    const known = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget', externalUserId: 'cust-7' }))
      .session;
    expect(known.contactId).not.toBeNull();
    const greeted = await h.rpc.request(ChatTurnRpc, turnRequest(tenant, known.id, 'hello', { stream: false }));
    expect(greeted.content).toContain('Priya');

    const stranger = (
      await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget', externalUserId: 'cust-8' })
    ).session;
    expect(stranger.contactId).toBeNull();
    const plain = await h.rpc.request(ChatTurnRpc, turnRequest(tenant, stranger.id, 'hello', { stream: false }));
    expect(plain.content).not.toContain('Oscar');
  });

  it('publishes no frames when the caller does not stream', async () => {
    const session = await newSession();
    const request = turnRequest(tenant, session.id, 'my pipe burst and the kitchen is flooding', { stream: false });
    const collector = await collectFrames(h.client, request.turnId);
    await h.rpc.request(ChatTurnRpc, request);
    await h.client.nc.flush();
    collector.stop();
    expect(collector.frames).toEqual([]);
  });

  it('answers a retried turnId with the stored answer and stores nothing twice', async () => {
    const session = await newSession();
    const request = turnRequest(tenant, session.id, 'How much is your call-out fee on weekdays?', { stream: false });
    const first = await h.rpc.request(ChatTurnRpc, request);
    const retry = await h.rpc.request(ChatTurnRpc, { ...request, stream: true });
    expect(retry).toMatchObject({ messageId: first.messageId, content: first.content, turnId: first.turnId });
    expect(await countRows('chat_messages', session.id)).toBe(2);
    const completed = (await outboxRowsOf(h.owner, session.id)).filter((r) => r.subject === ChatTurnCompletedEvent.subjectFor(tenant));
    expect(completed).toHaveLength(1);
  });

  it('honours a cancel that arrived before its turn started (the client left at once)', async () => {
    const session = await newSession();
    const request = turnRequest(tenant, session.id, 'How much is your call-out fee at weekends?', { stream: false });
    h.client.nc.publish(
      h.client.namer.subject(chatCancelSubject(request.turnId)),
      encodeJson({ version: 1, tenantId: tenant, turnId: request.turnId, reason: 'client_disconnected' }),
    );
    await h.client.nc.flush();
    const response = await h.rpc.request(ChatTurnRpc, request);
    expect(response.finishReason).toBe('cancelled');
    const { rows } = await h.owner.query("SELECT interrupted FROM chat_messages WHERE session_id = $1 AND role = 'assistant'", [
      session.id,
    ]);
    expect(rows).toEqual([{ interrupted: true }]);
  });

  it('answers two concurrent copies of one turnId with the same stored turn', async () => {
    const session = await newSession();
    const request = turnRequest(tenant, session.id, 'How much is your call-out fee at weekends?', { stream: false });
    const [a, b] = await Promise.all([h.rpc.request(ChatTurnRpc, request), h.rpc.request(ChatTurnRpc, request)]);
    expect(b.messageId).toBe(a.messageId);
    expect(b.content).toBe(a.content);
    expect(await countRows('chat_messages', session.id)).toBe(2);
    const completed = (await outboxRowsOf(h.owner, session.id)).filter((r) => r.subject === ChatTurnCompletedEvent.subjectFor(tenant));
    expect(completed).toHaveLength(1);
  });

  it('stores nothing of a turn whose transaction fails, and ends the stream with an error frame', async () => {
    const session = await newSession();
    const marker = 'atomicity probe: my pipe burst and the kitchen is flooding';
    // An outbox insert that fails after the messages and signals were written in the same transaction.
    await h.owner.query(`
      CREATE OR REPLACE FUNCTION chat_test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'userText' = '${marker}' THEN RAISE EXCEPTION 'outbox insert refused by test'; END IF;
        RETURN NEW;
      END $$`);
    await h.owner.query(
      'CREATE TRIGGER chat_test_fail_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION chat_test_fail_outbox()',
    );
    try {
      const request = turnRequest(tenant, session.id, marker);
      const collector = await collectFrames(h.client, request.turnId);
      const err = await rpcError(h.rpc.request(ChatTurnRpc, request));
      const frames = await collector.finished;
      collector.stop();
      expect(err.code).toBe('INTERNAL');
      expect(frames[frames.length - 1]).toMatchObject({ type: 'error', error: { code: 'INTERNAL' } });
      expect(frames.some((f) => f.type === 'done')).toBe(false);
    } finally {
      await h.owner.query('DROP TRIGGER chat_test_fail_outbox ON outbox');
      await h.owner.query('DROP FUNCTION chat_test_fail_outbox()');
    }
    expect(await countRows('chat_messages', session.id)).toBe(0);
    expect(await countRows('message_signals', session.id)).toBe(0);
    expect(await outboxRowsOf(h.owner, session.id)).toEqual([]);
    const after = (await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenant, sessionId: session.id })).session;
    expect(after).toMatchObject({ messageCount: 0, needsHuman: false });
  });

  it("refuses another tenant's session (NOT_FOUND), a deactivated tenant (FORBIDDEN) and a closed session (CONFLICT), storing nothing", async () => {
    const foreign = await newSession(otherTenant);
    const request = turnRequest(tenant, foreign.id, 'I smell gas');
    const collector = await collectFrames(h.client, request.turnId);
    const err = await rpcError(h.rpc.request(ChatTurnRpc, request));
    expect(err.code).toBe('NOT_FOUND');
    expect(await collector.finished).toEqual([
      { version: 1, seq: 0, type: 'error', error: { code: 'NOT_FOUND', message: expect.any(String) } },
    ]);
    collector.stop();
    expect(await countRows('chat_messages', foreign.id)).toBe(0);
    expect(await countRows('message_signals', foreign.id)).toBe(0);
    expect(await outboxRowsOf(h.owner, foreign.id)).toEqual([]);

    const deactivatedTenant = (await createTenant(h.owner)).id;
    const orphan = await newSession(deactivatedTenant);
    await h.owner.query(`UPDATE tenants SET status = 'deactivated' WHERE id = $1`, [deactivatedTenant]);
    const forbidden = await rpcError(h.rpc.request(ChatTurnRpc, turnRequest(deactivatedTenant, orphan.id, 'hello?', { stream: false })));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(await countRows('chat_messages', orphan.id)).toBe(0);

    const closed = await newSession();
    await h.rpc.request(ChatSessionCloseRpc, { version: 1, tenantId: tenant, sessionId: closed.id });
    const conflict = await rpcError(h.rpc.request(ChatTurnRpc, turnRequest(tenant, closed.id, 'hello?', { stream: false })));
    expect(conflict.code).toBe('CONFLICT');
    expect(await countRows('chat_messages', closed.id)).toBe(0);
  });
});
