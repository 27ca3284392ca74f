// The delivery lease is a fencing token (ADR 0010): a sender whose lease ran out and was taken
// by another sender records nothing, so only the holder of the current lease decides a row.
import { randomUUID } from 'node:crypto';
import { createTenant, createTenantUser } from '@parley/testing';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { startHarness, type Harness } from './dispatch.harness';

const databases = { app: process.env.TEST_DATABASE_URL as string, owner: process.env.TEST_DATABASE_OWNER_URL as string };

describe('delivery leases (real database, app role)', () => {
  let h: Harness;
  let repo: DeliveryRepository;

  beforeAll(() => {
    h = startHarness(databases);
    repo = new DeliveryRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('ignores the outcome of a sender whose lease was taken over, and records the current holder', async () => {
    const tenant = await createTenant(h.owner);
    await createTenantUser(h.owner, tenant.id);
    const notificationId = randomUUID();
    await h.intake.accept(
      {
        id: notificationId,
        scope: tenant.id,
        kind: 'handoff',
        severity: 'info',
        title: 'lease',
        body: '',
        link: null,
        source: 'notify.requested',
        occurredAt: new Date(),
        data: {},
      },
      { msgId: randomUUID() },
    );
    const first = new Date(Date.now() + 10_000);
    const second = new Date(Date.now() + 20_000);
    const id = await h.db.run(tenant.id, async (tx) => {
      const row = await tx.notificationDelivery.findFirstOrThrow({ where: { notificationId } });
      await tx.notificationDelivery.update({ where: { id: row.id }, data: { status: 'sending', lockedUntil: first } });
      return row.id;
    });
    const loaded = await h.db.run(tenant.id, (tx) => repo.load(tx, id));
    expect(loaded?.lockedUntil).toEqual(first);
    // The first lease ran out and another sender claimed the row.
    await h.db.run(tenant.id, (tx) => tx.notificationDelivery.update({ where: { id }, data: { lockedUntil: second } }));
    const outcome = { latencyMs: 1, statusCode: 200, error: null };
    expect(await h.db.run(tenant.id, (tx) => repo.markDelivered(tx, id, first, 1, outcome))).toBe(false);
    expect(await h.db.run(tenant.id, (tx) => repo.markDead(tx, id, first, 1, { ...outcome, error: 'late' }))).toBe(false);
    expect(await h.db.run(tenant.id, (tx) => tx.notificationDelivery.findUniqueOrThrow({ where: { id } }))).toMatchObject({
      status: 'sending',
      attempts: 0,
    });
    expect(await h.db.run(tenant.id, (tx) => repo.markDelivered(tx, id, second, 1, outcome))).toBe(true);
    expect(await h.db.run(tenant.id, (tx) => tx.notificationDelivery.findUniqueOrThrow({ where: { id } }))).toMatchObject({
      status: 'delivered',
      attempts: 1,
    });
  });
});
