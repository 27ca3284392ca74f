// A tenant with a model: the model (the mock OpenAI-compatible server over real HTTP) calls the
// tenant's data tool, chat runs it through the fake Shopify, and the model's second round answers
// from the result. The model never sees the visitor's email. (Placeholders restored in a tool's
// arguments are covered by libs/llm's tool-loop tests: the mock cannot know a turn's placeholder.)
import { randomBytes, randomUUID } from 'node:crypto';
import { ChatSessionCreateRpc, ChatTurnRpc } from '@parley/contracts';
import { IntegrationCredentials } from '@parley/auth';
import { createTenant, startFakeShopify, startMockLlm, type FakeShopify, type MockChatRequest, type MockLlm } from '@parley/testing';
import { collectFrames, llmConfig, startChatHarness, turnRequest, type ChatHarness } from '../../__tests__/support/chat-harness';

const keys = new Map([['m1', randomBytes(32)]]);

describe('chat turns with live-data tools and a model', () => {
  let h: ChatHarness;
  let shop: FakeShopify;
  let mock: MockLlm;
  let tenant: string;

  beforeAll(async () => {
    shop = await startFakeShopify();
    mock = await startMockLlm();
    h = await startChatHarness({
      llm: llmConfig({ openai: { apiKey: 'sk-test', baseUrl: mock.url } }),
      integrations: { secretKeys: keys, activeKid: 'm1', allowPrivateTargets: true, production: false },
    });
    await h.owner.query(
      `INSERT INTO tools (key, name, description, kind, category, integration_kinds, input_schema, updated_at)
       SELECT k, k, 'Look up an order by number and email', 'builtin', 'orders', ARRAY['shopify'], '{"type":"object"}', now()
         FROM unnest(ARRAY['order_status','product_search']) AS k
       ON CONFLICT (key) DO NOTHING`,
    );
    tenant = (await createTenant(h.owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
    const integrationId = randomUUID();
    const sealed = new IntegrationCredentials({ secretKeys: keys, activeKid: 'm1' }).seal(
      { type: 'api_key', header: 'X-Shopify-Access-Token', value: shop.accessToken },
      integrationId,
    );
    await h.owner.query(
      `INSERT INTO integrations (id, tenant_id, kind, name, status, base_url, config, credentials_ciphertext, credentials_key_id, updated_at)
       VALUES ($1, $2, 'shopify', 'Shop', 'active', $3, '{"options":{"apiVersion":"2025-07"}}', $4, $5, now())`,
      [integrationId, tenant, shop.url, sealed?.ciphertext, sealed?.keyId],
    );
    await h.owner.query(
      `INSERT INTO tenant_tools (tenant_id, tool_id, integration_id, enabled, updated_at) SELECT $1, id, $2, true, now() FROM tools WHERE key IN ('order_status', 'product_search')`,
      [tenant, integrationId],
    );
  });

  afterEach(() => mock.reset());

  afterAll(async () => {
    await h.close();
    await mock.close();
    await shop.close();
  });

  it('runs the model’s tool call through the shop and answers from the result; the model never sees the visitor’s email', async () => {
    mock.enqueue(
      { type: 'tool_calls', toolCalls: [{ id: 'call_1', name: 'product_search', arguments: { query: 'iPhone 15', limit: 3 } }] },
      { type: 'text', text: 'Yes: the iPhone 15 128GB is in stock (5) at 799.00 USD.' },
    );
    const session = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget' })).session;
    const request = turnRequest(tenant, session.id, 'Do you have the iPhone 15 in stock? My email is alice@example.com');
    const collector = await collectFrames(h.client, request.turnId);
    const response = await h.rpc.request(ChatTurnRpc, request);
    const frames = await collector.finished;
    collector.stop();

    expect(response.content).toBe('Yes: the iPhone 15 128GB is in stock (5) at 799.00 USD.');
    const chatRequests = mock.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chatRequests).toHaveLength(2);
    const firstBody = chatRequests[0].body as MockChatRequest;
    expect((firstBody.tools as Array<{ function: { name: string } }>).map((t) => t.function.name)).toEqual(
      expect.arrayContaining(['order_status', 'product_search', 'notify_staff']),
    );
    expect(JSON.stringify(firstBody.messages)).not.toContain('alice@example.com');
    const second = JSON.stringify((chatRequests[1].body as MockChatRequest).messages);
    expect(second).toContain('tool_result');
    expect(second).toContain('799.00');
    expect(second).not.toContain('alice@example.com');
    expect(frames.filter((f) => f.type === 'tool').map((f) => f.type === 'tool' && f.tool.phase)).toEqual(['started', 'finished']);
    const logged = await h.owner.query(`SELECT tool_key, status, input FROM tool_executions WHERE session_id = $1`, [session.id]);
    expect(logged.rows).toEqual([{ tool_key: 'product_search', status: 'succeeded', input: { query: 'iPhone 15', limit: 3 } }]);
  });

  it('refuses a call whose arguments break the tool schema (an order lookup without email or phone) without calling the shop', async () => {
    mock.enqueue(
      { type: 'tool_calls', toolCalls: [{ id: 'call_2', name: 'order_status', arguments: { order_number: '1001' } }] },
      { type: 'text', text: 'Could you give me the email address you ordered with?' },
    );
    const before = shop.state.requests.length;
    const session = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget' })).session;
    const response = await h.rpc.request(ChatTurnRpc, turnRequest(tenant, session.id, 'Where is order 1001?'));
    expect(response.content).toBe('Could you give me the email address you ordered with?');
    expect(shop.state.requests.length).toBe(before);
    const logged = await h.owner.query(`SELECT tool_key, status, failure FROM tool_executions WHERE session_id = $1`, [session.id]);
    expect(logged.rows).toEqual([{ tool_key: 'order_status', status: 'failed', failure: 'invalid_arguments' }]);
    const second = JSON.stringify(
      (mock.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as MockChatRequest).messages,
    );
    expect(second).toContain('invalid_arguments');
  });
});
