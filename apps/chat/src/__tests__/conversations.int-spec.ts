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
import { createTenant, createTenantUser } from '@parley/testing';
import { StaffHandoffService } from '../handoff/staff-handoff.service';
import { startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

describe('conversations for tenant staff', () => {
  let h: ChatHarness;
  let tenant: string;
  let otherTenant: string;
  let contactId: string;
  const ids = { urgent: '', handoff: '', closed: '' };

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
    await h.rpc.request(ChatAssistantSessionRpc, { version: 1, tenantId: tenant, staffUserId: staff.id });
    Object.assign(ids, { urgent: urgent.id, handoff: waiting.id, closed: closed.id });
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
});
