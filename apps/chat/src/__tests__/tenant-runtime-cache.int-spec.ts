// The tenant runtime is cached in memory between turns; evt.tenant.* make the next turn read it again.
import {
  ChatSessionCreateRpc,
  ChatTurnRpc,
  TenantDeactivatedEvent,
  TenantUpdatedEvent,
  type EventContract,
  type PayloadOf,
} from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import { createTenant } from '@parley/testing';
import { rpcError, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

describe('tenant runtime cache (evt.tenant.* invalidation)', () => {
  let h: ChatHarness;

  beforeAll(async () => {
    h = await startChatHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  const newSession = async (tenantId: string) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session;
  const turn = (tenantId: string, sessionId: string) =>
    h.rpc.request(ChatTurnRpc, turnRequest(tenantId, sessionId, 'hello, are you open on Sunday?', { stream: false }));
  const setStatus = (tenantId: string, status: string) => h.owner.query(`UPDATE tenants SET status = $2 WHERE id = $1`, [tenantId, status]);
  /** Publishes an event as the outbox relay would (same subject); the flush returns once chat's subscription has had it. */
  async function publish<C extends EventContract>(contract: C, payload: PayloadOf<C> & { tenantId: string }) {
    h.client.nc.publish(h.client.namer.subject(contract.subjectFor(payload.tenantId)), encodeJson(payload));
    await h.client.nc.flush();
  }

  it('keeps the runtime between turns until evt.tenant.deactivated / updated drops it', async () => {
    const tenant = (await createTenant(h.owner)).id;
    const session = await newSession(tenant);
    await expect(turn(tenant, session.id)).resolves.toMatchObject({ finishReason: 'stop' });

    // Changed behind chat's back (no event): the cached runtime still answers.
    await setStatus(tenant, 'deactivated');
    await expect(turn(tenant, session.id)).resolves.toMatchObject({ finishReason: 'stop' });

    await publish(TenantDeactivatedEvent, { version: 1, tenantId: tenant, reason: 'test', occurredAt: new Date().toISOString() });
    expect((await rpcError(turn(tenant, session.id))).code).toBe('FORBIDDEN');

    await setStatus(tenant, 'active');
    await publish(TenantUpdatedEvent, { version: 1, tenantId: tenant, changedFields: ['status'], occurredAt: new Date().toISOString() });
    await expect(turn(tenant, session.id)).resolves.toMatchObject({ finishReason: 'stop' });
  });

  it("an event for one tenant leaves another tenant's entry alone", async () => {
    const [a, b] = [(await createTenant(h.owner)).id, (await createTenant(h.owner)).id];
    const [sa, sb] = [await newSession(a), await newSession(b)];
    await turn(a, sa.id);
    await turn(b, sb.id);
    await setStatus(a, 'deactivated');
    await setStatus(b, 'deactivated');
    await publish(TenantUpdatedEvent, { version: 1, tenantId: a, changedFields: ['status'], occurredAt: new Date().toISOString() });
    expect((await rpcError(turn(a, sa.id))).code).toBe('FORBIDDEN');
    await expect(turn(b, sb.id)).resolves.toMatchObject({ finishReason: 'stop' });
  });
});
