// The staff assistant with a model (issue 13 point 5): a tenant's staff user chats with the
// tenant's model through the `openai` provider against the mock OpenAI-compatible server over real
// HTTP. Per-user memory reaches the prompt across sessions (never another user's), and the
// model's notify_staff call becomes an action for the manager, resolved within the tenant.
import { ActionRequestedEvent, ChatAssistantSessionRpc, ChatSessionCloseRpc, ChatTurnRpc, type ChatTurnRequest } from '@parley/contracts';
import { createTenant, createTenantUser, startMockLlm, type MockChatRequest, type MockLlm, type TenantUserRow } from '@parley/testing';
import { randomUUID } from 'node:crypto';
import { llmConfig, outboxRowsOf, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

describe('staff assistant with a model (mock OpenAI-compatible server over HTTP)', () => {
  let h: ChatHarness;
  let mock: MockLlm;
  let tenant: string;
  let manager: TenantUserRow;
  let sam: TenantUserRow;
  let alex: TenantUserRow;
  const domain = `a${randomUUID().slice(0, 8)}.test`;

  beforeAll(async () => {
    mock = await startMockLlm();
    h = await startChatHarness({ llm: llmConfig({ openai: { apiKey: 'sk-test', baseUrl: mock.url } }) });
    tenant = (await createTenant(h.owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
    manager = await createTenantUser(h.owner, tenant, { email: `manager@${domain}`, role: 'tenant_admin' });
    sam = await createTenantUser(h.owner, tenant, { email: `sam@${domain}`, role: 'tenant_agent' });
    alex = await createTenantUser(h.owner, tenant, { email: `alex@${domain}`, role: 'tenant_agent' });
  });

  afterEach(() => mock.reset());

  afterAll(async () => {
    await h.close();
    await mock.close();
  });

  const assistantSession = async (user: TenantUserRow) =>
    (await h.rpc.request(ChatAssistantSessionRpc, { version: 1, tenantId: tenant, staffUserId: user.id })).session;

  async function staffTurn(user: TenantUserRow, message: string, overrides: Partial<ChatTurnRequest> = {}) {
    const session = await assistantSession(user);
    const request = turnRequest(tenant, session.id, message, { channel: 'assistant', staffUserId: user.id, stream: false, ...overrides });
    const response = await h.rpc.request(ChatTurnRpc, request);
    const sent = mock.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as MockChatRequest;
    return { session, response, prompt: JSON.stringify(sent.messages) };
  }

  it("remembers the user's earlier session in the prompt, and passes a sick note on to the manager", async () => {
    mock.enqueue({ type: 'text', text: 'You start at 10:00 on Saturday.' });
    const first = await staffTurn(sam, 'What time do I start on Saturday? (Sam, bar team)');
    expect(first.response.content).toBe('You start at 10:00 on Saturday.');
    await h.rpc.request(ChatSessionCloseRpc, { version: 1, tenantId: tenant, sessionId: first.session.id });

    mock.enqueue({
      type: 'tool_calls',
      text: "Sorry you're unwell. I've told the manager.",
      toolCalls: [{ id: 'call_sick', name: 'notify_staff', arguments: { recipient: 'manager', message: 'Sam is off sick tomorrow' } }],
    });
    const second = await staffTurn(sam, "I'm off sick tomorrow, tell the manager");
    expect(second.session.id).not.toBe(first.session.id);
    // The earlier session's question and answer reached the model: memory across sessions.
    expect(second.prompt).toContain('What time do I start on Saturday?');
    expect(second.prompt).toContain('You start at 10:00 on Saturday.');
    expect(second.response.content).toBe("Sorry you're unwell. I've told the manager.");

    const actions = (await outboxRowsOf(h.owner, second.session.id))
      .filter((r) => r.subject === ActionRequestedEvent.subjectFor(tenant))
      .map((r) => ActionRequestedEvent.schema.parse(r.payload));
    expect(actions).toHaveLength(1);
    expect(actions[0].type).toBe('notify_staff');
    expect(actions[0].params).toMatchObject({ recipient: 'manager', recipientUserIds: [manager.id] });
  });

  it("never shows one user's assistant memory to another", async () => {
    mock.enqueue({ type: 'text', text: 'Noted.' });
    const alexTurn = await staffTurn(alex, 'Can I swap my Sunday shift?');
    expect(alexTurn.prompt).toContain('Can I swap my Sunday shift?');
    expect(alexTurn.prompt).not.toContain('What time do I start on Saturday?');
    expect(alexTurn.prompt).not.toContain('off sick');
  });

  it("refuses a turn in another user's assistant session", async () => {
    const samSession = await assistantSession(sam);
    const request = turnRequest(tenant, samSession.id, 'show me what Sam said', {
      channel: 'assistant',
      staffUserId: alex.id,
      stream: false,
    });
    await expect(h.rpc.request(ChatTurnRpc, request)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(mock.requests).toHaveLength(0);
  });
});
