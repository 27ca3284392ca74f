// Issue 13 point 4 (an action is recorded with its outcome) over the real database as the app
// role: the outcome follows delivery — done when the first delivery succeeds (an inbox entry
// at once), failed when every delivery ended dead, nothing could be planned or the params were
// refused — is stored in action_outcomes, and is published exactly once, however often the
// event comes back, however many deliveries finish, and after a restart.
import { randomUUID } from 'node:crypto';
import type { ActionRequested } from '@parley/contracts';
import { createTenant, createTenantUser } from '@parley/testing';
import { ACTION_DONE, ACTION_FAILED } from '../actions/action-outcome.publisher';
import { startReceiver, type HttpReceiver } from '../channels/__tests__/http-receiver';
import { notificationIntakeRoutes } from '../intake/notification-intake.handler';
import { sendDue, silent, startHarness, systemActor, type Harness } from './dispatch.harness';

const databases = { app: process.env.TEST_DATABASE_URL as string, owner: process.env.TEST_DATABASE_OWNER_URL as string };

describe('action outcomes follow delivery (real database, app role)', () => {
  let h: Harness;
  let ok: HttpReceiver;
  let failing: HttpReceiver;

  beforeAll(async () => {
    h = startHarness(databases);
    ok = await startReceiver((_req, res) => res.writeHead(200).end());
    failing = await startReceiver((_req, res) => res.writeHead(500).end());
  });
  afterAll(async () => {
    await ok.close();
    await failing.close();
    await h.close();
  });

  const callback = (tenantId: string, over: Partial<ActionRequested> = {}): ActionRequested => ({
    version: 1,
    tenantId,
    actionId: randomUUID(),
    sessionId: randomUUID(),
    turnId: randomUUID(),
    contactId: null,
    type: 'callback_request',
    label: 'Callback requested: burst pipe',
    params: { urgency: 'critical', evidence: 'the kitchen is flooding' },
    occurredAt: new Date().toISOString(),
    ...over,
  });

  /** The consumer's route for evt.action.requested, as the durable consumer calls it. */
  const consume = (harness: Harness, action: ActionRequested, msgId = randomUUID()) =>
    notificationIntakeRoutes(harness.intake, harness.outcomes, silent)[2].handle(action as never, { msgId } as never);

  const framesFor = (harness: Harness, action: ActionRequested) =>
    harness.published.filter((p) => p.subject.endsWith(action.sessionId)).map((p) => p.frame);

  const stored = (tenantId: string, actionId: string) => h.db.run(tenantId, (tx) => tx.actionOutcome.findUnique({ where: { actionId } }));

  async function webhook(tenantId: string, name: string, receiver: HttpReceiver) {
    const created = await h.channels.create({
      version: 1,
      tenantId,
      actor: systemActor,
      name,
      enabled: true,
      settings: { kind: 'webhook', url: `${receiver.origin}/${name}` },
    });
    return created.channel.id;
  }

  it('is done only when the first channel delivery succeeds, and is said once', async () => {
    const tenant = await createTenant(h.owner); // no staff: no inbox, the webhook is the only target
    await webhook(tenant.id, 'ops', ok);
    const action = callback(tenant.id);
    const msgId = randomUUID();
    await consume(h, action, msgId);
    expect(await stored(tenant.id, action.actionId)).toMatchObject({ status: 'requested', decidedAt: null, publishedAt: null });
    expect(framesFor(h, action)).toEqual([]);

    expect(await sendDue(h, tenant.id)).toBe(1);
    expect(ok.requests.filter((r) => r.path === '/ops')).toHaveLength(1);
    expect(await stored(tenant.id, action.actionId)).toMatchObject({
      status: 'done',
      reason: null,
      notificationId: action.actionId,
      decidedAt: expect.any(Date),
      publishedAt: expect.any(Date),
    });
    expect(framesFor(h, action)).toEqual([
      {
        version: 1,
        tenantId: tenant.id,
        type: 'action',
        action: { id: action.actionId, type: 'callback_request', status: 'done', detail: ACTION_DONE },
      },
    ]);

    // The same event again (same and new message id), and a notifier restarted over the same database: nothing more is said.
    await consume(h, action, msgId);
    await consume(h, action);
    const restarted = startHarness(databases);
    try {
      await consume(restarted, action);
      expect(await sendDue(restarted, tenant.id)).toBe(0);
      expect(framesFor(restarted, action)).toEqual([]);
    } finally {
      await restarted.close();
    }
    expect(framesFor(h, action)).toHaveLength(1);
  });

  it('is done at once when an inbox is among the targets (the entry is in the inbox when stored)', async () => {
    const tenant = await createTenant(h.owner);
    await createTenantUser(h.owner, tenant.id, { role: 'tenant_admin' });
    await webhook(tenant.id, 'never-sent', failing);
    const action = callback(tenant.id);
    await consume(h, action);
    expect(await stored(tenant.id, action.actionId)).toMatchObject({ status: 'done', publishedAt: expect.any(Date) });
    expect(framesFor(h, action).map((f) => (f.action as { status: string }).status)).toEqual(['done']);
    // The webhook failing for good later changes nothing.
    await sendDue(h, tenant.id);
    await sendDue(h, tenant.id);
    expect(await stored(tenant.id, action.actionId)).toMatchObject({ status: 'done' });
    expect(framesFor(h, action)).toHaveLength(1);
  });

  it('fails when every delivery ended dead (after its retries), not before, and says so once', async () => {
    const tenant = await createTenant(h.owner);
    const first = await webhook(tenant.id, 'down-a', failing);
    const second = await webhook(tenant.id, 'down-b', failing);
    const action = callback(tenant.id);
    await consume(h, action);
    await sendDue(h, tenant.id); // attempt 1 of 2 on both: retry
    expect(await stored(tenant.id, action.actionId)).toMatchObject({ status: 'requested' });

    // Attempt 2 of 2 on the first only: dead, but the second may still get through.
    await h.db.run(tenant.id, (tx) =>
      tx.notificationDelivery.updateMany({ where: { channelId: second }, data: { nextAttemptAt: new Date(Date.now() + 3_600_000) } }),
    );
    await sendDue(h, tenant.id);
    const rows = await h.db.run(tenant.id, (tx) => tx.notificationDelivery.findMany({ where: { notificationId: action.actionId } }));
    expect(rows.find((r) => r.channelId === first)?.status).toBe('dead');
    expect(await stored(tenant.id, action.actionId)).toMatchObject({ status: 'requested' });
    expect(framesFor(h, action)).toEqual([]);

    await h.db.run(tenant.id, (tx) =>
      tx.notificationDelivery.updateMany({ where: { channelId: second }, data: { nextAttemptAt: new Date() } }),
    );
    await sendDue(h, tenant.id);
    expect(await stored(tenant.id, action.actionId)).toMatchObject({ status: 'failed', reason: 'all_deliveries_dead' });
    expect(framesFor(h, action)).toEqual([
      {
        version: 1,
        tenantId: tenant.id,
        type: 'action',
        action: { id: action.actionId, type: 'callback_request', status: 'failed', detail: ACTION_FAILED },
      },
    ]);
    expect(failing.requests.filter((r) => r.path === '/down-a' || r.path === '/down-b')).toHaveLength(4);
  });

  it('fails at once when nobody can be told (no staff, no channel), once', async () => {
    const tenant = await createTenant(h.owner);
    const action = callback(tenant.id);
    await consume(h, action);
    await consume(h, action);
    expect(await stored(tenant.id, action.actionId)).toMatchObject({
      status: 'failed',
      reason: 'no_target',
      notificationId: action.actionId,
    });
    expect(framesFor(h, action).map((f) => (f.action as { status: string }).status)).toEqual(['failed']);
  });

  it('fails at once, and stores it, when the params are refused: nothing is sent', async () => {
    const tenant = await createTenant(h.owner);
    await createTenantUser(h.owner, tenant.id);
    const action = callback(tenant.id, { type: 'request_callback', params: { phone: 'not a phone' } });
    await consume(h, action);
    await consume(h, action);
    expect(await stored(tenant.id, action.actionId)).toMatchObject({ status: 'failed', reason: 'refused', notificationId: null });
    expect(await h.db.run(tenant.id, (tx) => tx.notification.count({ where: { id: action.actionId } }))).toBe(0);
    expect(framesFor(h, action).map((f) => (f.action as { status: string }).status)).toEqual(['failed']);
  });
});
