// Turns that answer from a tenant's live shop data: the offline responder (no model) over a fake
// Shopify (the GraphQL Admin API shapes) through the real executor (SSRF guard with private
// targets allowed, Redis cache, breaker), with the tool calls logged in the turn's transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import { ChatSessionCreateRpc, ChatTurnRpc, TenantUpdatedEvent, ToolExecutionListRpc } from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import { IntegrationCredentials } from '@parley/auth';
import { createTenant, startFakeShopify, type FakeShopify } from '@parley/testing';
import { collectFrames, rpcError, startChatHarness, turnRequest, type ChatHarness } from '../../__tests__/support/chat-harness';
import { TenantRuntimeCache } from '../../tenants/tenant-runtime.cache';

const keys = new Map([['t1', randomBytes(32)]]);
const credentials = new IntegrationCredentials({ secretKeys: keys, activeKid: 't1' });

describe('chat turns with live-data tools (offline responder, fake Shopify)', () => {
  let h: ChatHarness;
  let shop: FakeShopify;
  let tenant: string;
  let otherTenant: string;
  let hoursTenant: string;

  /** Connects a Shopify integration and enables the given tools on it, as provisioning stores them. */
  async function connectShop(tenantId: string, toolKeys: string[], token = shop.accessToken): Promise<string> {
    const integrationId = randomUUID();
    const sealed = credentials.seal({ type: 'api_key', header: 'X-Shopify-Access-Token', value: token }, integrationId);
    await h.owner.query(
      `INSERT INTO integrations (id, tenant_id, kind, name, status, base_url, config, credentials_ciphertext, credentials_key_id, updated_at)
       VALUES ($1, $2, 'shopify', $3, 'active', $4, $5, $6, $7, now())`,
      [
        integrationId,
        tenantId,
        `Shop ${integrationId.slice(0, 6)}`,
        shop.url,
        { options: { apiVersion: '2025-07' }, auth: { type: 'api_key', header: 'X-Shopify-Access-Token' } },
        sealed?.ciphertext,
        sealed?.keyId,
      ],
    );
    for (const key of toolKeys) {
      await h.owner.query(
        `INSERT INTO tenant_tools (tenant_id, tool_id, integration_id, enabled, settings, updated_at)
         SELECT $1, id, $2, true, '{}', now() FROM tools WHERE key = $3`,
        [tenantId, integrationId, key],
      );
    }
    return integrationId;
  }

  const newSession = async (tenantId = tenant) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session;

  async function ask(tenantId: string, sessionId: string, message: string) {
    const request = turnRequest(tenantId, sessionId, message);
    const collector = await collectFrames(h.client, request.turnId);
    const response = await h.rpc.request(ChatTurnRpc, request);
    const frames = await collector.finished;
    collector.stop();
    return { response, frames };
  }

  const executionsOf = async (sessionId: string) =>
    (
      await h.owner.query(
        `SELECT tool_key, status, failure, cache_hit, message_id, input, integration_id FROM tool_executions WHERE session_id = $1 ORDER BY created_at`,
        [sessionId],
      )
    ).rows;

  beforeAll(async () => {
    shop = await startFakeShopify();
    h = await startChatHarness({
      integrations: { secretKeys: keys, activeKid: 't1', allowPrivateTargets: true, production: false },
    });
    // The catalogue's built-in tools (provisioning keeps them at its start; here, as it would).
    await h.owner.query(
      `INSERT INTO tools (key, name, description, kind, category, integration_kinds, input_schema, updated_at)
       SELECT k, k, 'built-in', 'builtin', 'catalog', ARRAY['shopify'], '{"type":"object"}', now()
         FROM unnest(ARRAY['product_search','product_details','order_status','shipment_tracking','store_hours']) AS k
       ON CONFLICT (key) DO NOTHING`,
    );
    tenant = (await createTenant(h.owner, { display_name: 'Gadget Corner' })).id;
    otherTenant = (await createTenant(h.owner)).id;
    hoursTenant = (await createTenant(h.owner, { display_name: 'Open Late' })).id;
    await connectShop(tenant, ['product_search', 'product_details', 'order_status', 'shipment_tracking']);
    await h.owner.query(
      `INSERT INTO tenant_tools (tenant_id, tool_id, enabled, settings, updated_at)
       SELECT $1, id, true, $2, now() FROM tools WHERE key = 'store_hours'`,
      [hoursTenant, { timezone: 'Europe/London', hours: [{ weekday: 6, opens: '10:00', closes: '16:00' }] }],
    );
  });

  afterAll(async () => {
    await h.close();
    await shop.close();
  });

  beforeEach(() => shop.reset());

  it('answers a stock question from the shop, shows tool frames, and logs the call with the turn', async () => {
    const session = await newSession();
    const { response, frames } = await ask(tenant, session.id, 'Do you have the iPhone 15 in stock?');
    expect(response.content).toMatch(/iPhone 15/);
    expect(response.content).toMatch(/5 (available|in stock)/);
    expect(response.content).toContain('799.00');
    const tools = frames.filter((f) => f.type === 'tool');
    expect(tools.map((f) => f.type === 'tool' && f.tool.phase)).toEqual(['started', 'finished']);
    expect(tools[1]).toMatchObject({ tool: { name: expect.stringMatching(/^product_/), outcome: 'ok' } });
    expect(JSON.stringify(tools)).not.toContain(shop.accessToken);
    const firstToken = frames.findIndex((f) => f.type === 'token');
    expect(frames.findIndex((f) => f.type === 'tool')).toBeLessThan(firstToken);
    const logged = await executionsOf(session.id);
    expect(logged).toEqual([expect.objectContaining({ status: 'succeeded', cache_hit: false, message_id: response.messageId })]);
    const unanswered = await h.owner.query(
      `SELECT count(*)::int AS n FROM message_signals WHERE session_id = $1 AND label = 'unanswered_question'`,
      [session.id],
    );
    expect(unanswered.rows[0].n).toBe(0);
  });

  it('answers the same question again from the cache, without calling the shop', async () => {
    const first = await newSession();
    await ask(tenant, first.id, 'Is the iPhone 15 128GB in stock?');
    const calls = shop.state.requests.length;
    const second = await newSession();
    const { response } = await ask(tenant, second.id, 'Is the iPhone 15 128GB in stock?');
    expect(response.content).toContain('799.00');
    expect(shop.state.requests.length).toBe(calls);
    expect(await executionsOf(second.id)).toEqual([expect.objectContaining({ status: 'succeeded', cache_hit: true })]);
  });

  it('asks for the email or phone before an order lookup, then looks it up', async () => {
    const session = await newSession();
    const ask1 = await ask(tenant, session.id, 'Where is my order #1001?');
    expect(ask1.response.content).toMatch(/email|phone/i);
    expect(await executionsOf(session.id)).toEqual([]);
    const ask2 = await ask(tenant, session.id, 'It was ordered with alice@example.com');
    expect(ask2.response.content).toMatch(/#?1001/);
    expect(ask2.response.content).toMatch(/shipped|delivered|processing/);
    const logged = await executionsOf(session.id);
    expect(logged).toEqual([expect.objectContaining({ tool_key: expect.stringMatching(/order_status|shipment_tracking/) })]);
    // The log keeps which lookup ran, not the visitor's address (that is the CRM's to keep).
    expect(logged[0].input).toMatchObject({ email: 'a***@example.com' });
    expect(JSON.stringify(logged[0])).not.toContain('alice@example.com');
  });

  it('never confirms an order for the wrong email: the same answer as an unknown number', async () => {
    const wrong = await newSession();
    const a = await ask(tenant, wrong.id, 'What is the status of order #1001? My email is mallory@example.com');
    const unknown = await newSession();
    const b = await ask(tenant, unknown.id, 'What is the status of order #9999? My email is mallory@example.com');
    expect(a.response.content).not.toMatch(/shipped|fulfilled|delivered|paid/i);
    expect(a.response.content).toMatch(/couldn't find order/);
    expect(a.response.content.replace(/1001/g, 'N')).toBe(b.response.content.replace(/9999/g, 'N'));
  });

  it('tells the visitor the shop cannot be reached when it fails, and logs the failure', async () => {
    shop.state.faults.serverErrorNext = 10;
    const session = await newSession();
    const { response } = await ask(tenant, session.id, 'Do you have the Pixel 8 Pro in stock?');
    expect(response.content).toMatch(/can't reach|cannot reach|try again/i);
    const logged = await executionsOf(session.id);
    expect(logged).toEqual([expect.objectContaining({ status: 'failed', failure: expect.any(String) })]);
  });

  it('stops calling a failing shop (breaker open) until the integration is edited, then calls it at once', async () => {
    const breakerTenant = (await createTenant(h.owner, { display_name: 'Flaky Gadgets' })).id;
    const integrationId = await connectShop(breakerTenant, ['product_search', 'product_details']);
    shop.state.faults.serverErrorNext = 1000;
    // Different products, so no answer comes from the cache: enough failures to open the breaker.
    for (const product of ['Pixel 8', 'Galaxy S24', 'Xperia 5', 'Moto G', 'Nothing Phone', 'OnePlus 12']) {
      const session = await newSession(breakerTenant);
      await ask(breakerTenant, session.id, `Do you have the ${product} in stock?`);
    }
    shop.reset(); // the shop is fixed, but the open breaker does not let a call through
    const refused = await newSession(breakerTenant);
    const { response: down } = await ask(breakerTenant, refused.id, 'Do you have the iPhone 15 in stock?');
    expect(down.content).toMatch(/can't reach|cannot reach|try again/i);
    expect(shop.state.requests).toHaveLength(0);

    // The tenant edits the integration: provisioning's event names it, and chat forgets its breaker.
    await h.client.nc.publish(
      h.client.namer.subject(TenantUpdatedEvent.subjectFor(breakerTenant)),
      encodeJson({
        version: 1,
        tenantId: breakerTenant,
        changedFields: ['integrations', `integration:${integrationId}`],
        occurredAt: new Date().toISOString(),
      }),
    );
    await h.client.nc.flush();
    let answer = '';
    for (let attempt = 0; attempt < 20 && !/799\.00/.test(answer); attempt++) {
      const session = await newSession(breakerTenant);
      answer = (await ask(breakerTenant, session.id, 'Do you have the iPhone 15 in stock?')).response.content;
    }
    expect(answer).toContain('799.00');
    expect(shop.state.requests.length).toBeGreaterThan(0);
  });

  it('answers opening hours from the tool settings, with no integration', async () => {
    const session = await newSession(hoursTenant);
    const { response } = await ask(hoursTenant, session.id, 'Are you open on Saturday?');
    expect(response.content).toMatch(/10:00/);
    expect(await executionsOf(session.id)).toEqual([expect.objectContaining({ tool_key: 'store_hours', integration_id: null })]);
  });

  it('calls no tool for a tenant whose plan does not include tools (ADR 0025), and calls it again once the plan does', async () => {
    const key = `notools-${Date.now().toString(36)}`;
    const { rows } = await h.owner.query<{ id: string }>(
      `INSERT INTO plans (key, name, currency, features) VALUES ($1, 'No tools', 'EUR', ARRAY['knowledge']) RETURNING id`,
      [key],
    );
    const runtimes = h.app.get(TenantRuntimeCache);
    try {
      await h.owner.query(`UPDATE tenants SET plan_id = $2 WHERE id = $1`, [hoursTenant, rows[0]!.id]);
      runtimes.invalidate(hoursTenant); // as evt.tenant.updated (changedFields ['plan']) does
      const without = await newSession(hoursTenant);
      const { response } = await ask(hoursTenant, without.id, 'Are you open on Saturday?');
      expect(response.content).not.toMatch(/10:00/);
      expect(await executionsOf(without.id)).toEqual([]);
      await h.owner.query(`UPDATE tenants SET plan_id = NULL WHERE id = $1`, [hoursTenant]);
      runtimes.invalidate(hoursTenant);
      const withTools = await newSession(hoursTenant);
      await ask(hoursTenant, withTools.id, 'Are you open on Saturday?');
      expect(await executionsOf(withTools.id)).toEqual([expect.objectContaining({ tool_key: 'store_hours' })]);
    } finally {
      await h.owner.query(`UPDATE tenants SET plan_id = NULL WHERE id = $1`, [hoursTenant]);
      runtimes.invalidate(hoursTenant);
      await h.owner.query(`DELETE FROM plans WHERE key = $1`, [key]);
    }
  });

  it('gives another tenant none of these tools, and lists each tenant only its own calls', async () => {
    const session = await newSession(otherTenant);
    await ask(otherTenant, session.id, 'Do you have the iPhone 15 in stock?');
    expect(await executionsOf(session.id)).toEqual([]);
    const mine = await h.rpc.request(ToolExecutionListRpc, { version: 1, tenantId: tenant, limit: 100, cursor: null });
    expect(mine.items.length).toBeGreaterThan(0);
    const theirs = await h.rpc.request(ToolExecutionListRpc, { version: 1, tenantId: otherTenant, limit: 100, cursor: null });
    expect(theirs.items).toEqual([]);
    const page = await h.rpc.request(ToolExecutionListRpc, { version: 1, tenantId: tenant, limit: 1, cursor: null });
    expect(page.nextCursor).not.toBeNull();
    const bad = await rpcError(h.rpc.request(ToolExecutionListRpc, { version: 1, tenantId: tenant, limit: 1, cursor: 'not-a-cursor' }));
    expect(bad.code).toBe('VALIDATION');
  });
});
