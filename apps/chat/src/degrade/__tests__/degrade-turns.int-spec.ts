// Degrade switches (ADR 0022) through the real chat service: the owner's rows (written here as
// provisioning writes them), evt.tenant.updated dropping the cached switches, and the automatic
// controller fed by real provider failures of the mock OpenAI-compatible server over HTTP.
import {
  ChatDegradeStatusRpc,
  ChatSessionCreateRpc,
  ChatTurnRpc,
  PLATFORM_TENANT_ID,
  TenantUpdatedEvent,
  type ChatTurnResponse,
} from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import { createTenant, startMockLlm, type MockChatMessage, type MockLlm } from '@parley/testing';
import { llmConfig, startChatHarness, TEST_CHAT_CONFIG, turnRequest, type ChatHarness } from '../../__tests__/support/chat-harness';

const BIG = 'mock-big';
const SMALL = 'mock-small';

describe('degrade switches in chat turns', () => {
  let h: ChatHarness;
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm();
    h = await startChatHarness({
      llm: llmConfig({ openai: { apiKey: 'sk-test', baseUrl: mock.url } }),
      // Two model calls are enough to judge the error rate; no hold, so recovery clears at once.
      config: {
        degrade: { ...TEST_CHAT_CONFIG.degrade, errorMinCalls: 2, holdMs: 0, errorWindowMs: 3_600_000, leanHistoryTokenBudget: 20 },
      },
    });
  });

  afterEach(async () => {
    mock.reset();
    await h.owner.query('DELETE FROM platform_degrade_switches');
    await announce(PLATFORM_TENANT_ID);
  });

  afterAll(async () => {
    await h.close();
    await mock.close();
  });

  const chats = () => mock.requests.filter((r) => r.path === '/v1/chat/completions');
  const modelsCalled = () => chats().map((r) => (r.body as { model: string }).model);
  const messagesSent = (i: number) => (chats()[i].body as { messages: MockChatMessage[] }).messages;

  /** A tenant whose primary is the big model with the small one as its first fallback. */
  const modelTenant = async () =>
    (
      await createTenant(h.owner, {
        llm_provider: 'openai',
        llm_model: BIG,
        llm_fallbacks: JSON.stringify([{ provider: 'openai', model: SMALL }]),
      })
    ).id;
  const newSession = async (tenantId: string) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session.id;
  const turn = (tenantId: string, sessionId: string, message = 'Do you fix boilers?'): Promise<ChatTurnResponse> =>
    h.rpc.request(ChatTurnRpc, turnRequest(tenantId, sessionId, message, { stream: false }));

  /** What provisioning's change publishes (through the outbox relay, which does not run here). */
  async function announce(tenantId: string): Promise<void> {
    const payload = { version: 1, tenantId, changedFields: ['degrade'], occurredAt: new Date().toISOString() };
    h.client.nc.publish(h.client.namer.subject(TenantUpdatedEvent.subjectFor(tenantId)), encodeJson(payload));
    await h.client.nc.flush();
  }

  async function setTenantSwitches(tenantId: string, switches: Record<string, boolean>): Promise<void> {
    const cols = Object.keys(switches);
    await h.owner.query(
      `INSERT INTO tenant_degrade_switches (tenant_id, ${cols.join(', ')}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(', ')})
       ON CONFLICT (tenant_id) DO UPDATE SET ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
      [tenantId, ...Object.values(switches)],
    );
    await announce(tenantId);
  }

  it('offline_only answers with the offline responder: the model gets no request', async () => {
    const tenant = await modelTenant();
    const session = await newSession(tenant);
    await turn(tenant, session);
    expect(modelsCalled()).toEqual([BIG]);

    mock.reset();
    await setTenantSwitches(tenant, { offline_only: true });
    const answer = await turn(tenant, session);
    expect(answer.usage.provider).toBe('offline');
    expect(answer.content.length).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(0);
  });

  it('cheaper_model calls the first fallback model instead of the primary', async () => {
    const tenant = await modelTenant();
    await setTenantSwitches(tenant, { cheaper_model: true });
    const answer = await turn(tenant, await newSession(tenant));
    expect(modelsCalled()).toEqual([SMALL]);
    expect(answer.usage).toMatchObject({ provider: 'openai', model: SMALL });
  });

  it('lean_context sends fewer history messages', async () => {
    const tenant = await modelTenant();
    const session = await newSession(tenant);
    for (const message of ['My boiler is a Worcester 30i.', 'It is in the loft.', 'The pressure drops every night.']) {
      await turn(tenant, session, message);
    }
    mock.reset();
    await turn(tenant, session, 'What could it be?');
    const full = messagesSent(0).filter((m) => m.role !== 'system').length;

    await setTenantSwitches(tenant, { lean_context: true });
    mock.reset();
    await turn(tenant, session, 'What could it be?');
    const lean = messagesSent(0).filter((m) => m.role !== 'system').length;
    expect(full).toBe(7); // three earlier turns (user + assistant) and the new message
    expect(lean).toBeLessThan(full);
    expect(lean).toBeGreaterThanOrEqual(1);
  });

  it("a tenant's switch changes only that tenant's turns", async () => {
    const degraded = await modelTenant();
    const other = await modelTenant();
    await setTenantSwitches(degraded, { offline_only: true, cheaper_model: true });
    await turn(degraded, await newSession(degraded));
    await turn(other, await newSession(other));
    expect(modelsCalled()).toEqual([BIG]);
  });

  it('the platform switch applies to every tenant once evt.tenant.updated for the platform arrives', async () => {
    const a = await modelTenant();
    const b = await modelTenant();
    await turn(a, await newSession(a));
    expect(modelsCalled()).toEqual([BIG]);
    // The platform row may exist already (an earlier suite of the run saved switches, all off).
    await h.owner.query(
      `INSERT INTO platform_degrade_switches (id, cheaper_model) VALUES (1, true)
       ON CONFLICT (id) DO UPDATE SET cheaper_model = true, lean_context = false, skip_model_extraction = false, offline_only = false`,
    );
    await announce(PLATFORM_TENANT_ID);
    mock.reset();
    await turn(a, await newSession(a));
    await turn(b, await newSession(b));
    expect(modelsCalled()).toEqual([SMALL, SMALL]);
  });
});

describe('automatic degrade on provider errors', () => {
  let h: ChatHarness;
  let mock: MockLlm;

  // A harness of its own: the controller's window must hold only this test's model calls.
  beforeAll(async () => {
    mock = await startMockLlm();
    h = await startChatHarness({
      llm: llmConfig({ openai: { apiKey: 'sk-test', baseUrl: mock.url } }),
      config: { degrade: { ...TEST_CHAT_CONFIG.degrade, errorMinCalls: 2, holdMs: 0, errorWindowMs: 3_600_000 } },
    });
  });

  afterAll(async () => {
    await h.close();
    await mock.close();
  });

  const chats = () => mock.requests.filter((r) => r.path === '/v1/chat/completions');
  const modelsCalled = () => chats().map((r) => (r.body as { model: string }).model);
  const turn = (tenantId: string, sessionId: string): Promise<ChatTurnResponse> =>
    h.rpc.request(ChatTurnRpc, turnRequest(tenantId, sessionId, 'Do you fix boilers?', { stream: false }));

  it('provider errors trip the automatic cheaper_model mode, and it clears after recovery', async () => {
    const tenant = (
      await createTenant(h.owner, {
        llm_provider: 'openai',
        llm_model: BIG,
        llm_fallbacks: JSON.stringify([{ provider: 'openai', model: SMALL }]),
      })
    ).id;
    const session = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget' })).session.id;
    // Two turns whose primary fails: each is answered by the fallback, each counts as failed.
    mock.enqueue({ type: 'error', status: 500 }, { type: 'text', text: 'From the small model.' });
    mock.enqueue({ type: 'error', status: 500 }, { type: 'text', text: 'From the small model again.' });
    await turn(tenant, session);
    await turn(tenant, session);
    expect(modelsCalled()).toEqual([BIG, SMALL, BIG, SMALL]);

    const tripped = await h.rpc.request(ChatDegradeStatusRpc, { version: 1 });
    expect(tripped.switches.cheaperModel).toBe(true);
    expect(tripped.signals.find((s) => s.name === 'provider_error_rate')).toMatchObject({ tripped: true, value: 1 });

    // Degraded: the primary is skipped. Eight good calls bring the rate to 2/10 = the leave threshold.
    mock.reset();
    for (let i = 0; i < 8; i++) await turn(tenant, session);
    expect(modelsCalled()).toEqual(Array.from({ length: 8 }, () => SMALL));

    const cleared = await h.rpc.request(ChatDegradeStatusRpc, { version: 1 });
    expect(cleared.switches.cheaperModel).toBe(false);
    mock.reset();
    await turn(tenant, session);
    expect(modelsCalled()).toEqual([BIG]);
  });
});
