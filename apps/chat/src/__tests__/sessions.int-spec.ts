import {
  ChatFeedbackRpc,
  ChatHistoryRpc,
  ChatSessionCloseRpc,
  ChatSessionCreateRpc,
  ChatSessionGetRpc,
  ChatSessionClosedEvent,
} from '@parley/contracts';
import { createChatMessage, createChatSession, createTenant, createTenantUser } from '@parley/testing';
import { randomUUID } from 'node:crypto';
import { silentChatLogger } from '../common/chat.logger';
import { IdleSessionSweeper } from '../sessions/idle-session.sweeper';
import { readVisitorHistoryPage } from '../sessions/message.repository';
import { readSession, readSessionsNeedingHuman } from '../sessions/session.repository';
import { outboxRowsOf, rpcError, startChatHarness, type ChatHarness } from './support/chat-harness';

describe('chat session RPCs', () => {
  let h: ChatHarness;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    h = await startChatHarness();
    tenantA = (await createTenant(h.owner)).id;
    tenantB = (await createTenant(h.owner)).id;
  });

  afterAll(async () => {
    await h.close();
  });

  const create = (tenantId: string, extra: Record<string, unknown> = {}) =>
    h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget', ...extra });

  it('creates a session with metadata and origin, and reads it back', async () => {
    const { session } = await create(tenantA, {
      externalUserId: 'cust-42',
      origin: 'https://plumber.example',
      metadata: { page: '/boilers' },
    });
    expect(session).toMatchObject({
      tenantId: tenantA,
      externalUserId: 'cust-42',
      status: 'open',
      needsHuman: false,
      mode: 'bot',
      channel: 'widget',
      messageCount: 0,
    });
    const got = await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenantA, sessionId: session.id });
    expect(got.session).toEqual(session);
    const { rows } = await h.owner.query('SELECT origin, metadata FROM chat_sessions WHERE id = $1', [session.id]);
    expect(rows[0]).toEqual({ origin: 'https://plumber.example', metadata: { page: '/boilers' } });
  });

  it('refuses a session for an unknown tenant (NOT_FOUND) or a deactivated one (FORBIDDEN)', async () => {
    expect((await rpcError(create(randomUUID()))).code).toBe('NOT_FOUND');
    const gone = (await createTenant(h.owner, { status: 'deactivated' })).id;
    expect((await rpcError(create(gone))).code).toBe('FORBIDDEN');
    expect((await h.owner.query('SELECT count(*)::int AS n FROM chat_sessions WHERE tenant_id = $1', [gone])).rows[0].n).toBe(0);
  });

  it('rejects oversized metadata and stores nothing', async () => {
    const before = (await h.owner.query('SELECT count(*)::int AS n FROM chat_sessions WHERE tenant_id = $1', [tenantB])).rows[0].n;
    const err = await rpcError(create(tenantB, { metadata: { blob: 'x'.repeat(5000) } }));
    expect(err.code).toBe('VALIDATION');
    expect((await h.owner.query('SELECT count(*)::int AS n FROM chat_sessions WHERE tenant_id = $1', [tenantB])).rows[0].n).toBe(before);
  });

  it("answers NOT_FOUND for another tenant's session on get, close, history and feedback", async () => {
    const { session } = await create(tenantA);
    const asB = { version: 1 as const, tenantId: tenantB, sessionId: session.id };
    expect((await rpcError(h.rpc.request(ChatSessionGetRpc, asB))).code).toBe('NOT_FOUND');
    expect((await rpcError(h.rpc.request(ChatSessionCloseRpc, asB))).code).toBe('NOT_FOUND');
    expect((await rpcError(h.rpc.request(ChatHistoryRpc, { ...asB, limit: 10, cursor: null }))).code).toBe('NOT_FOUND');
    const message = await createChatMessage(h.owner, { id: session.id, tenant_id: tenantA }, { role: 'assistant', content: 'Hello' });
    expect((await rpcError(h.rpc.request(ChatFeedbackRpc, { ...asB, messageId: message.id, rating: 1 }))).code).toBe('NOT_FOUND');
    const { rows } = await h.owner.query('SELECT status FROM chat_sessions WHERE id = $1', [session.id]);
    expect(rows[0].status).toBe('open');
    expect((await h.owner.query('SELECT count(*)::int AS n FROM message_feedback WHERE message_id = $1', [message.id])).rows[0].n).toBe(0);
    expect(await outboxRowsOf(h.owner, session.id)).toEqual([]);
  });

  it("reads a session in one statement under RLS: tenant B never sees tenant A's, and gets the unknown session's NOT_FOUND", async () => {
    // The harness's app role, as chat connects: RLS applies to it (no BYPASSRLS, not the table owner).
    const [role] = await h.db.statement<{ bypass: boolean; owner: boolean }>(tenantA, {
      text: `SELECT r.rolbypassrls AS bypass, r.rolname = (SELECT tableowner FROM pg_tables WHERE tablename = 'chat_sessions') AS owner
               FROM pg_roles r WHERE r.rolname = current_user`,
      values: [],
    });
    expect(role).toEqual({ bypass: false, owner: false });

    const { session } = await create(tenantA, { externalUserId: 'rls-reader' });
    await h.owner.query(`UPDATE chat_sessions SET needs_human = true, last_activity_at = now() - interval '1 day' WHERE id = $1`, [
      session.id,
    ]);
    const mine = await readSession(h.db, tenantA, session.id);
    expect(mine).toMatchObject({ id: session.id, tenantId: tenantA, externalUserId: 'rls-reader', status: 'open', needsHuman: true });
    expect(mine?.startedAt).toBeInstanceOf(Date);
    expect(await readSession(h.db, tenantB, session.id)).toBeNull();
    expect((await readSessionsNeedingHuman(h.db, tenantA, 100)).map((s) => s.id)).toContain(session.id);
    expect((await readSessionsNeedingHuman(h.db, tenantB, 100)).map((s) => s.tenantId)).not.toContain(tenantA);

    // Through the RPC: the view is the one create and close give, and B's error is exactly an unknown id's.
    const got = await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenantA, sessionId: session.id });
    expect(got.session).toEqual({ ...session, needsHuman: true, lastActivityAt: mine?.lastActivityAt.toISOString() });
    const foreign = await rpcError(h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenantB, sessionId: session.id }));
    const unknownId = randomUUID();
    const unknown = await rpcError(h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenantB, sessionId: unknownId }));
    expect(foreign.toBody()).toEqual({ code: 'NOT_FOUND', message: `session ${session.id} not found` });
    expect(unknown.toBody()).toEqual({ code: 'NOT_FOUND', message: `session ${unknownId} not found` });
    expect(foreign.remote).toBe(true);
  });

  it('reads a history page in one statement under RLS: tenant B, an assistant session and an unknown id are alike NOT_FOUND', async () => {
    const { session } = await create(tenantA);
    const ref = { id: session.id, tenant_id: tenantA };
    const at = new Date('2026-02-01T09:00:00.000Z');
    // Two messages at the same instant: the id breaks the tie, on both sides of a page boundary.
    const tied = [
      await createChatMessage(h.owner, ref, { role: 'user', content: 'first', created_at: at }),
      await createChatMessage(h.owner, ref, { role: 'assistant', content: 'second', created_at: at }),
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    await createChatMessage(h.owner, ref, { role: 'system', content: 'hidden', created_at: new Date(at.getTime() + 1000) });
    const asA = { version: 1 as const, tenantId: tenantA, sessionId: session.id, limit: 1 };
    const page1 = await h.rpc.request(ChatHistoryRpc, { ...asA, cursor: null });
    const page2 = await h.rpc.request(ChatHistoryRpc, { ...asA, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((m) => m.id)).toEqual([tied[1].id, tied[0].id]);
    expect(page2.nextCursor).toBeNull();
    expect(page1.items[0]).toMatchObject({ sessionId: session.id, signals: [], interrupted: false, createdAt: at.toISOString() });

    expect(await readVisitorHistoryPage(h.db, tenantB, session.id, ['user', 'assistant', 'staff'], null, 10)).toBeNull();
    expect(await readVisitorHistoryPage(h.db, tenantA, session.id, ['user', 'assistant', 'staff'], null, 10)).toHaveLength(2);
    const empty = (await create(tenantA)).session;
    expect(await h.rpc.request(ChatHistoryRpc, { ...asA, sessionId: empty.id, cursor: null })).toEqual({
      version: 1,
      items: [],
      nextCursor: null,
    });
    const staff = await createTenantUser(h.owner, tenantA);
    const assistant = await createChatSession(h.owner, tenantA, { staff_user_id: staff.id, channel: 'assistant' });
    await createChatMessage(h.owner, { id: assistant.id, tenant_id: tenantA }, { role: 'user', content: 'staff only' });
    const unknownId = randomUUID();
    for (const [tenantId, sessionId] of [
      [tenantB, session.id],
      [tenantA, assistant.id],
      [tenantB, unknownId],
    ]) {
      const err = await rpcError(h.rpc.request(ChatHistoryRpc, { version: 1, tenantId, sessionId, limit: 10, cursor: null }));
      expect(err.toBody()).toEqual({ code: 'NOT_FOUND', message: `session ${sessionId} not found` });
    }
  });

  it('closes idempotently: one session_closed outbox row, later closes return the session unchanged', async () => {
    const { session } = await create(tenantA, { externalUserId: 'closer' });
    const [first, second] = await Promise.all([
      h.rpc.request(ChatSessionCloseRpc, { version: 1, tenantId: tenantA, sessionId: session.id }),
      h.rpc.request(ChatSessionCloseRpc, { version: 1, tenantId: tenantA, sessionId: session.id }),
    ]);
    const third = await h.rpc.request(ChatSessionCloseRpc, { version: 1, tenantId: tenantA, sessionId: session.id });
    expect(first.session).toMatchObject({ status: 'closed', closeReason: 'client' });
    expect(second.session).toEqual(first.session);
    expect(third.session).toEqual(first.session);
    const rows = await outboxRowsOf(h.owner, session.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe(ChatSessionClosedEvent.subjectFor(tenantA));
    expect(rows[0].payload).toMatchObject({
      tenantId: tenantA,
      sessionId: session.id,
      reason: 'client',
      turnCount: 0,
      closedAt: first.session.closedAt,
    });
  });

  it('closes stale sessions with the idle sweeper, once, and leaves fresh ones open', async () => {
    const stale = (await create(tenantA)).session;
    const fresh = (await create(tenantA)).session;
    await h.owner.query(`UPDATE chat_sessions SET last_activity_at = now() - interval '2 hours' WHERE id = $1`, [stale.id]);
    // Two replicas sweeping at the same time close each stale session once between them.
    const replica = new IdleSessionSweeper(h.prisma, h.db, h.options, silentChatLogger);
    const sweeper = h.app.get(IdleSessionSweeper);
    const [a, b] = await Promise.all([sweeper.sweepOnce(), replica.sweepOnce()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await sweeper.sweepOnce()).toBe(0);
    const after = await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenantA, sessionId: stale.id });
    expect(after.session).toMatchObject({ status: 'closed', closeReason: 'idle_timeout' });
    expect((await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenantA, sessionId: fresh.id })).session.status).toBe('open');
    const rows = await outboxRowsOf(h.owner, stale.id);
    expect(rows.map((r) => [r.subject, r.payload.reason])).toEqual([[ChatSessionClosedEvent.subjectFor(tenantA), 'idle_timeout']]);
  });

  it('pages history newest page first, oldest first within a page, with stored signals', async () => {
    const { session } = await create(tenantA);
    const ref = { id: session.id, tenant_id: tenantA };
    const base = Date.parse('2026-01-01T10:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const role = i % 2 === 0 ? 'user' : 'assistant';
      ids.push((await createChatMessage(h.owner, ref, { role, content: `m${i}`, created_at: new Date(base + i * 1000) })).id);
    }
    await h.owner.query(
      `INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score) VALUES ($1, $2, $3, 'l1a', 'urgency', 'flooding', 0.9)`,
      [tenantA, ids[4], session.id],
    );
    const page1 = await h.rpc.request(ChatHistoryRpc, { version: 1, tenantId: tenantA, sessionId: session.id, limit: 2, cursor: null });
    expect(page1.items.map((m) => m.content)).toEqual(['m3', 'm4']);
    expect(page1.items[1].signals).toEqual([{ kind: 'urgency', label: 'flooding', score: 0.9 }]);
    const page2 = await h.rpc.request(ChatHistoryRpc, {
      version: 1,
      tenantId: tenantA,
      sessionId: session.id,
      limit: 2,
      cursor: page1.nextCursor,
    });
    expect(page2.items.map((m) => m.content)).toEqual(['m1', 'm2']);
    const page3 = await h.rpc.request(ChatHistoryRpc, {
      version: 1,
      tenantId: tenantA,
      sessionId: session.id,
      limit: 2,
      cursor: page2.nextCursor,
    });
    expect(page3.items.map((m) => m.content)).toEqual(['m0']);
    expect(page3.nextCursor).toBeNull();
    const bad = await rpcError(
      h.rpc.request(ChatHistoryRpc, { version: 1, tenantId: tenantA, sessionId: session.id, limit: 2, cursor: 'not-a-cursor' }),
    );
    expect(bad.code).toBe('VALIDATION');
  });

  it('accepts feedback on an assistant message only, and a second rating replaces the first', async () => {
    const { session } = await create(tenantA);
    const ref = { id: session.id, tenant_id: tenantA };
    const user = await createChatMessage(h.owner, ref, { role: 'user', content: 'Hi' });
    const assistant = await createChatMessage(h.owner, ref, { role: 'assistant', content: 'Hello!' });
    const base = { version: 1 as const, tenantId: tenantA, sessionId: session.id };

    expect((await rpcError(h.rpc.request(ChatFeedbackRpc, { ...base, messageId: user.id, rating: 1 }))).code).toBe('VALIDATION');
    expect((await rpcError(h.rpc.request(ChatFeedbackRpc, { ...base, messageId: randomUUID(), rating: 1 }))).code).toBe('NOT_FOUND');
    const other = (await create(tenantA)).session;
    expect(
      (await rpcError(h.rpc.request(ChatFeedbackRpc, { ...base, sessionId: other.id, messageId: assistant.id, rating: 1 }))).code,
    ).toBe('NOT_FOUND');

    const first = await h.rpc.request(ChatFeedbackRpc, { ...base, messageId: assistant.id, rating: 1, comment: 'great' });
    expect(first).toMatchObject({ messageId: assistant.id, rating: 1, updated: false });
    const second = await h.rpc.request(ChatFeedbackRpc, { ...base, messageId: assistant.id, rating: -1 });
    expect(second).toMatchObject({ feedbackId: first.feedbackId, rating: -1, updated: true });
    const { rows } = await h.owner.query('SELECT rating, comment FROM message_feedback WHERE message_id = $1', [assistant.id]);
    expect(rows).toEqual([{ rating: -1, comment: null }]);
    expect((await h.owner.query('SELECT count(*)::int AS n FROM message_feedback WHERE message_id = $1', [user.id])).rows[0].n).toBe(0);
  });
});
