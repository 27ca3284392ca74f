// The staff side of a handoff, through the use cases (no RPC contract serves them yet) and the
// turn RPC with the offline responder.
import { ChatHistoryRpc, ChatSessionCreateRpc, ChatSessionGetRpc, ChatTurnRpc } from '@parley/contracts';
import { createTenant } from '@parley/testing';
import { StaffHandoffService } from '../handoff/staff-handoff.service';
import { startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

describe('human handoff, staff side', () => {
  let h: ChatHarness;
  let tenant: string;
  let otherTenant: string;

  beforeAll(async () => {
    h = await startChatHarness();
    const handoff = {
      escalation_settings: { handoffEnabled: true, handoffMessage: 'Sam from the office will reply here.', notifyOnEscalation: false },
    };
    tenant = (await createTenant(h.owner, handoff)).id;
    otherTenant = (await createTenant(h.owner, handoff)).id;
  });

  afterAll(async () => {
    await h.close();
  });

  const newSession = async (tenantId: string) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session;
  const getSession = async (tenantId: string, sessionId: string) =>
    (await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId, sessionId })).session;
  /** The service behind chat.handoff.*, from the booted module graph. */
  const handoff = () => h.app.get(StaffHandoffService);

  it('lists the sessions waiting for a person, staff reply into one, and hand it back to the bot', async () => {
    const waiting = await newSession(tenant);
    const quiet = await newSession(tenant);
    const escalated = await h.rpc.request(
      ChatTurnRpc,
      turnRequest(tenant, waiting.id, 'Can I speak to a real person please, not a bot', { stream: false }),
    );
    expect(escalated.content).toContain('Sam from the office will reply here.');
    await h.rpc.request(ChatTurnRpc, turnRequest(tenant, quiet.id, 'hello', { stream: false }));

    const listed = await handoff().listSessionsNeedingHuman(tenant, 50);
    expect(listed.map((s) => s.id)).toEqual([waiting.id]);
    expect(listed[0]).toMatchObject({ needsHuman: true, mode: 'human' });

    const reply = await handoff().replyAsStaff({
      tenantId: tenant,
      sessionId: waiting.id,
      content: '  Hi, Sam here. What is the address?  ',
    });
    expect(reply).toMatchObject({ role: 'staff', content: 'Hi, Sam here. What is the address?', turnId: null });
    const history = await h.rpc.request(ChatHistoryRpc, { version: 1, tenantId: tenant, sessionId: waiting.id, limit: 10, cursor: null });
    expect(history.items.map((m) => m.role)).toEqual(['user', 'assistant', 'staff']);

    const back = await handoff().handBackToBot({ tenantId: tenant, sessionId: waiting.id });
    expect(back).toMatchObject({ mode: 'bot', needsHuman: false, messageCount: 3 });
    expect(await handoff().listSessionsNeedingHuman(tenant, 50)).toEqual([]);
    const next = await h.rpc.request(ChatTurnRpc, turnRequest(tenant, waiting.id, 'thanks, what are your prices?', { stream: false }));
    expect(next.usage.provider).toBe('offline');
  });

  it('keeps tenants apart and rejects bad replies without storing anything', async () => {
    const session = await newSession(tenant);
    await h.rpc.request(ChatTurnRpc, turnRequest(tenant, session.id, 'Can I speak to a real person please, not a bot', { stream: false }));
    expect(await handoff().listSessionsNeedingHuman(otherTenant, 50)).toEqual([]);
    await expect(handoff().replyAsStaff({ tenantId: otherTenant, sessionId: session.id, content: 'hi' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(handoff().handBackToBot({ tenantId: otherTenant, sessionId: session.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(handoff().replyAsStaff({ tenantId: tenant, sessionId: session.id, content: '   ' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(handoff().listSessionsNeedingHuman(tenant, 0)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await getSession(tenant, session.id)).toMatchObject({ mode: 'human', needsHuman: true, messageCount: 2 });
    const { rows } = await h.owner.query(`SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1 AND role = 'staff'`, [
      session.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
