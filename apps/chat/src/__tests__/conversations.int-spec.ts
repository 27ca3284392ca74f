// chat.conversation.list / .get over NATS, against the app role (RLS applies): the staff
// console's conversation list with its filters and cursor, and one transcript with signals.
import { randomUUID } from 'node:crypto';
import {
  ChatAssistantSessionRpc,
  ChatConversationGetRpc,
  ChatConversationListRpc,
  ChatSessionCloseRpc,
  ChatSessionCreateRpc,
  ChatTurnRpc,
  type RpcRequestOf,
} from '@parley/contracts';
import { createChatMessage, createChatSession, createTenant, createTenantUser } from '@parley/testing';
import { readConversations, readConversationWithTranscript } from '../conversations/conversation.repository';
import { StaffHandoffService } from '../handoff/staff-handoff.service';
import { rpcError, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

describe('conversations for tenant staff', () => {
  let h: ChatHarness;
  let tenant: string;
  let otherTenant: string;
  let contactId: string;
  const ids = { urgent: '', handoff: '', closed: '', assistant: '' };

  const list = (tenantId: string, filter: Partial<RpcRequestOf<typeof ChatConversationListRpc>> = {}) =>
    h.rpc.request(ChatConversationListRpc, { version: 1, tenantId, limit: 50, cursor: null, ...filter });
  const newSession = async (tenantId: string, externalUserId?: string) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget', ...(externalUserId ? { externalUserId } : {}) }))
      .session;
  const say = (tenantId: string, sessionId: string, text: string) =>
    h.rpc.request(ChatTurnRpc, turnRequest(tenantId, sessionId, text, { stream: false }));

  beforeAll(async () => {
    h = await startChatHarness();
    const handoff = { escalation_settings: { handoffEnabled: true, handoffMessage: 'Sam will reply here.', notifyOnEscalation: false } };
    tenant = (await createTenant(h.owner, handoff)).id;
    otherTenant = (await createTenant(h.owner, handoff)).id;
    const contact = await h.owner.query<{ id: string }>(
      `INSERT INTO tenant_contacts (tenant_id, external_user_id, name, email) VALUES ($1, 'cust-42', 'Dana', 'dana@example.test') RETURNING id`,
      [tenant],
    );
    contactId = contact.rows[0].id;

    const urgent = await newSession(tenant);
    await say(tenant, urgent.id, 'Help! A pipe has burst and the kitchen is flooding right now');
    const waiting = await newSession(tenant);
    await say(tenant, waiting.id, 'Can I speak to a real person please, not a bot');
    await h.app.get(StaffHandoffService).replyAsStaff({ tenantId: tenant, sessionId: waiting.id, content: 'Sam here, how can I help?' });
    const closed = await newSession(tenant, 'cust-42');
    await say(tenant, closed.id, 'What are your opening hours?');
    await h.rpc.request(ChatSessionCloseRpc, { version: 1, tenantId: tenant, sessionId: closed.id });
    await h.owner.query(
      `INSERT INTO session_summaries (tenant_id, session_id, contact_id, summary, outcome) VALUES ($1, $2, $3, 'Asked for opening hours.', 'resolved')`,
      [tenant, closed.id, contactId],
    );
    // A staff user's assistant session is not a visitor conversation.
    const staff = await createTenantUser(h.owner, tenant);
    const assistant = await h.rpc.request(ChatAssistantSessionRpc, { version: 1, tenantId: tenant, staffUserId: staff.id });
    Object.assign(ids, { urgent: urgent.id, handoff: waiting.id, closed: closed.id, assistant: assistant.session.id });
  });

  afterAll(async () => {
    await h.close();
  });

  it('lists visitor sessions newest first with contact, latest signals and the summary marker', async () => {
    const page = await list(tenant);
    expect(page.items.map((c) => c.id)).toEqual([ids.closed, ids.handoff, ids.urgent]);
    expect(page.nextCursor).toBeNull();
    const [closed, handoff, urgent] = page.items;
    expect(closed).toMatchObject({
      status: 'closed',
      hasSummary: true,
      contact: { id: contactId, name: 'Dana', email: 'dana@example.test' },
      messageCount: 2,
    });
    expect(handoff).toMatchObject({ status: 'open', needsHuman: true, mode: 'human', hasSummary: false, contact: null, messageCount: 3 });
    expect(handoff.latestSignals.map((s) => s.kind)).toContain('escalation');
    expect(urgent.latestSignals.map((s) => s.kind)).toContain('urgency');
    expect(urgent.latestSignals.length).toBeLessThanOrEqual(5);
  });

  it('filters by status, signal, contact and start time, and walks pages with the cursor', async () => {
    expect((await list(tenant, { status: 'closed' })).items.map((c) => c.id)).toEqual([ids.closed]);
    expect((await list(tenant, { status: 'handoff' })).items.map((c) => c.id)).toEqual([ids.handoff]);
    expect((await list(tenant, { status: 'open' })).items.map((c) => c.id)).toEqual([ids.handoff, ids.urgent]);
    expect((await list(tenant, { signal: 'urgency' })).items.map((c) => c.id)).toEqual([ids.urgent]);
    expect((await list(tenant, { contactId })).items.map((c) => c.id)).toEqual([ids.closed]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(tenant, { since: future })).items).toEqual([]);
    expect((await list(tenant, { until: future })).items).toHaveLength(3);
    await expect(list(tenant, { since: future, until: future })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(list(tenant, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'VALIDATION' });

    const first = await list(tenant, { limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([ids.closed, ids.handoff]);
    const second = await list(tenant, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((c) => c.id)).toEqual([ids.urgent]);
    expect(second.nextCursor).toBeNull();
  });

  it('returns a transcript with staff messages and per-message signals, paged towards older messages', async () => {
    const detail = await h.rpc.request(ChatConversationGetRpc, {
      version: 1,
      tenantId: tenant,
      sessionId: ids.handoff,
      limit: 50,
      cursor: null,
    });
    expect(detail.conversation).toMatchObject({ id: ids.handoff, mode: 'human' });
    expect(detail.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'staff']);
    expect(detail.messages[0].signals.map((s) => s.kind)).toContain('escalation');
    expect(detail.nextCursor).toBeNull();

    const newest = await h.rpc.request(ChatConversationGetRpc, {
      version: 1,
      tenantId: tenant,
      sessionId: ids.handoff,
      limit: 1,
      cursor: null,
    });
    expect(newest.messages.map((m) => m.role)).toEqual(['staff']);
    const older = await h.rpc.request(ChatConversationGetRpc, {
      version: 1,
      tenantId: tenant,
      sessionId: ids.handoff,
      limit: 5,
      cursor: newest.nextCursor,
    });
    expect(older.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it("keeps tenants apart: another tenant's session is NOT_FOUND and its list is empty", async () => {
    expect((await list(otherTenant)).items).toEqual([]);
    expect((await list(otherTenant, { contactId })).items).toEqual([]);
    for (const sessionId of [ids.closed, randomUUID()]) {
      await expect(
        h.rpc.request(ChatConversationGetRpc, { version: 1, tenantId: otherTenant, sessionId, limit: 10, cursor: null }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it("reads in one statement each under RLS: tenant B never sees tenant A's conversations, and gets an unknown id's NOT_FOUND", async () => {
    // The harness's app role, as chat connects: RLS applies to it (no BYPASSRLS, not the tables' owner).
    const [role] = await h.db.statement<{ bypass: boolean; owner: boolean }>(tenant, {
      text: `SELECT r.rolbypassrls AS bypass,
                    r.rolname IN (SELECT tableowner FROM pg_tables WHERE tablename IN ('chat_sessions', 'chat_messages', 'message_signals',
                                                                                      'tenant_contacts', 'session_summaries')) AS owner
               FROM pg_roles r WHERE r.rolname = current_user`,
      values: [],
    });
    expect(role).toEqual({ bypass: false, owner: false });

    const all = { before: null, limit: 50 };
    expect((await readConversations(h.db, tenant, all)).map((r) => r.id)).toEqual([ids.closed, ids.handoff, ids.urgent]);
    for (const filter of [all, { ...all, contactId }, { ...all, signal: 'urgency' as const }, { ...all, status: 'handoff' as const }]) {
      expect(await readConversations(h.db, otherTenant, filter)).toEqual([]);
    }
    const mine = await readConversationWithTranscript(h.db, tenant, ids.closed, null, 10);
    expect(mine?.row).toMatchObject({ id: ids.closed, tenantId: tenant, contact: { id: contactId, name: 'Dana' }, hasSummary: true });
    expect(mine?.messages.map((m) => m.role)).toEqual(['assistant', 'user']);
    expect(mine?.messages[0].createdAt).toBeInstanceOf(Date);
    for (const sessionId of [ids.closed, ids.handoff, ids.urgent]) {
      expect(await readConversationWithTranscript(h.db, otherTenant, sessionId, null, 10)).toBeNull();
    }

    // Through the RPC: another tenant's session, a staff assistant session and an unknown id give the same error.
    const get = (tenantId: string, sessionId: string) =>
      rpcError(h.rpc.request(ChatConversationGetRpc, { version: 1, tenantId, sessionId, limit: 10, cursor: null }));
    const unknownId = randomUUID();
    const cases = [
      [otherTenant, ids.closed],
      [tenant, ids.assistant],
      [otherTenant, unknownId],
    ] as const;
    for (const [tenantId, sessionId] of cases) {
      const error = await get(tenantId, sessionId);
      expect(error.toBody()).toEqual({ code: 'NOT_FOUND', message: `session ${sessionId} not found` });
      expect(error.remote).toBe(true);
    }
  });

  it('breaks ties by id: sessions started and messages written at the same instant page in id order, newest signals first', async () => {
    const own = (await createTenant(h.owner)).id;
    const at = new Date(Date.now() - 60_000);
    const sessions = [await createChatSession(h.owner, own, { started_at: at }), await createChatSession(h.owner, own, { started_at: at })];
    const [low, high] = sessions.sort((x, y) => (x.id < y.id ? -1 : 1));
    const page1 = await list(own, { limit: 1 });
    const page2 = await list(own, { limit: 1, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((c) => c.id)).toEqual([high.id, low.id]);
    expect(page2.nextCursor).toBeNull();

    const ref = { id: high.id, tenant_id: own };
    const tied = [
      await createChatMessage(h.owner, ref, { role: 'user', content: 'first', created_at: at }),
      await createChatMessage(h.owner, ref, { role: 'assistant', content: 'second', created_at: at }),
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    await createChatMessage(h.owner, ref, { role: 'system', content: 'not in a transcript', created_at: new Date(at.getTime() + 1000) });
    // Seven signals on the first message, a second apart: the view keeps the five newest, newest first.
    for (let i = 0; i < 7; i++) {
      await h.owner.query(
        `INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score, created_at)
         VALUES ($1, $2, $3, 'l1a', 'intent', $4, 0.5, $5)`,
        [own, tied[0].id, high.id, `label-${i}`, new Date(at.getTime() + i * 1000)],
      );
    }
    const get = (cursor: string | null) =>
      h.rpc.request(ChatConversationGetRpc, { version: 1, tenantId: own, sessionId: high.id, limit: 1, cursor });
    const first = await get(null);
    const second = await get(first.nextCursor);
    expect([...first.messages, ...second.messages].map((m) => m.id)).toEqual([tied[1].id, tied[0].id]);
    expect(second.nextCursor).toBeNull();
    const withSignals = [...first.messages, ...second.messages].find((m) => m.id === tied[0].id);
    expect(withSignals?.signals.map((g) => g.label)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `label-${i}`));
    expect(first.conversation.latestSignals.map((g) => g.label)).toEqual(['label-6', 'label-5', 'label-4', 'label-3', 'label-2']);
    expect((await list(own, { signal: 'urgency' })).items).toEqual([]);

    // An empty page: a session with no transcript messages still answers, with none.
    const empty = await h.rpc.request(ChatConversationGetRpc, { version: 1, tenantId: own, sessionId: low.id, limit: 5, cursor: null });
    expect(empty).toMatchObject({ conversation: { id: low.id, contact: null, latestSignals: [], hasSummary: false }, messages: [] });
    expect(empty.nextCursor).toBeNull();
  });
});
