// Outbox and consumer idempotency against the real database, as the app role.
import { randomUUID } from 'node:crypto';
import { createTenant, testDbEnv, type TenantRow } from './fixtures';
import { createPgAdapter, poolOf } from '../client/prisma-client.factory';
import { PrismaClient } from '../generated/prisma/client';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { PrismaOutboxStore } from '../outbox/prisma-outbox.store';
import { markProcessed, markProcessedMany, markProcessedManyPg } from '../idempotency/mark-processed';
import { TenantDb } from '../tenant/tenant-db';
import { openDbTestContext, rejection, type DbTestContext } from './db-test-context';

describe('outbox', () => {
  let ctx: DbTestContext;
  let db: TenantDb;
  let tenant: TenantRow;

  beforeAll(async () => {
    ctx = openDbTestContext(process.env, 4);
    db = new TenantDb(ctx.app);
    tenant = await createTenant(ctx.owner);
  });
  beforeEach(() => ctx.owner.query('DELETE FROM outbox'));
  afterAll(() => ctx.close());

  const subject = (name: string) => `evt.test.${name}.${tenant.id}`;

  it('enqueue is atomic with the caller’s rows: commit keeps both, rollback leaves neither', async () => {
    const id = await db.run(tenant.id, async (tx) => {
      await tx.tenantContact.create({ data: { tenantId: tenant.id, name: 'Ada' } });
      return enqueueOutbox(tx, {
        subject: subject('committed'),
        payload: { version: 1, name: 'Ada', at: new Date('2026-01-02T03:04:05Z') },
        headers: { 'x-trace': 't1' },
      });
    });
    const failed = db.run(tenant.id, async (tx) => {
      await tx.tenantContact.create({ data: { tenantId: tenant.id, name: 'Bob' } });
      await enqueueOutbox(tx, { subject: subject('rolled_back'), payload: { version: 1 } });
      throw new Error('use case failed after enqueue');
    });
    await expect(failed).rejects.toThrow('use case failed after enqueue');

    const { rows } = await ctx.owner.query('SELECT id, subject, payload, headers, sent_at FROM outbox ORDER BY created_at');
    expect(rows).toEqual([
      {
        id,
        subject: subject('committed'),
        payload: { version: 1, name: 'Ada', at: '2026-01-02T03:04:05.000Z' },
        headers: { 'x-trace': 't1' },
        sent_at: null,
      },
    ]);
    const contacts = await ctx.owner.query('SELECT name FROM tenant_contacts WHERE tenant_id = $1 ORDER BY name', [tenant.id]);
    expect(contacts.rows).toEqual([{ name: 'Ada' }]);
  });

  it('enqueue refuses an undefined or null payload', async () => {
    const err = await rejection(db.run(tenant.id, (tx) => enqueueOutbox(tx, { subject: subject('bad'), payload: undefined })));
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('claimBatch returns pending rows in insertion order (even within one transaction), leases them, and markSent retires them', async () => {
    const store = new PrismaOutboxStore(ctx.app, { leaseMs: 60_000 });
    const ids = await ctx.app.$transaction(async (tx) => {
      const inserted: string[] = [];
      for (let i = 0; i < 5; i++) inserted.push(await enqueueOutbox(tx, { subject: subject(`n${i}`), payload: { i } }));
      return inserted;
    });

    const first = await store.claimBatch(3);
    expect(first.map((r) => r.id)).toEqual(ids.slice(0, 3));
    expect(first[0]).toMatchObject({ subject: subject('n0'), payload: { i: 0 }, headers: {}, attempts: 1 });
    const second = await store.claimBatch(10);
    expect(second.map((r) => r.id)).toEqual(ids.slice(3)); // leased rows are not handed out again
    await expect(store.claimBatch(10)).resolves.toEqual([]);

    await expect(store.markSent(first.map((r) => r.id))).resolves.toBe(3);
    await expect(store.markSent(first.map((r) => r.id))).resolves.toBe(0);
    await expect(store.countPending()).resolves.toBe(2);
  });

  it('an expired lease makes the row claimable again; markFailed releases it at once', async () => {
    const store = new PrismaOutboxStore(ctx.app, { leaseMs: 60_000 });
    const id = await enqueueOutbox(ctx.app, { subject: subject('retry'), payload: { ok: true } });
    await store.claimBatch(1);
    await ctx.owner.query("UPDATE outbox SET locked_until = now() - interval '1 second' WHERE id = $1", [id]);
    const reclaimed = await store.claimBatch(1);
    expect(reclaimed.map((r) => [r.id, r.attempts])).toEqual([[id, 2]]);

    await store.markFailed(id, 'nats: timeout');
    const again = await store.claimBatch(1);
    expect(again.map((r) => [r.id, r.attempts])).toEqual([[id, 3]]);
    const { rows } = await ctx.owner.query('SELECT last_error FROM outbox WHERE id = $1', [id]);
    expect(rows).toEqual([{ last_error: 'nats: timeout' }]);
  });

  it('two concurrent claimers never receive the same row', async () => {
    const storeA = new PrismaOutboxStore(ctx.app, { leaseMs: 60_000 });
    const storeB = new PrismaOutboxStore(ctx.app, { leaseMs: 60_000 });
    const total = 200;
    await ctx.owner.query(
      `INSERT INTO outbox (subject, payload) SELECT 'evt.test.bulk.' || g, jsonb_build_object('g', g) FROM generate_series(1, $1) g`,
      [total],
    );

    const claimed: string[][] = [[], []];
    const drain = async (store: PrismaOutboxStore, into: string[]) => {
      for (;;) {
        const batch = await store.claimBatch(7);
        if (batch.length === 0) return;
        into.push(...batch.map((r) => r.id));
      }
    };
    await Promise.all([drain(storeA, claimed[0]), drain(storeB, claimed[1]), drain(storeA, claimed[0]), drain(storeB, claimed[1])]);

    const all = [...claimed[0], ...claimed[1]];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(total);
  });

  it('on a Prisma client without companion pools the store sends the same statements through Prisma, with the same answers', async () => {
    const plain = new PrismaClient({ adapter: createPgAdapter({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 2 }) });
    try {
      expect(poolOf(plain)).toBeUndefined();
      const viaPrisma = new PrismaOutboxStore(plain, { leaseMs: 60_000 });
      const viaPg = new PrismaOutboxStore(ctx.app, { leaseMs: 60_000 });
      const ids = await ctx.app.$transaction(async (tx) => {
        const inserted: string[] = [];
        for (let i = 0; i < 4; i++)
          inserted.push(await enqueueOutbox(tx, { subject: subject(`d${i}`), payload: { i }, headers: { h: `${i}` } }));
        return inserted;
      });
      const a = await viaPrisma.claimBatch(2);
      const b = await viaPg.claimBatch(2);
      const record = (i: number) => ({
        id: ids[i],
        subject: subject(`d${i}`),
        payload: { i },
        headers: { h: `${i}` },
        createdAt: expect.any(Date),
        attempts: 1,
      });
      expect([...a, ...b]).toEqual([0, 1, 2, 3].map(record));
      await expect(viaPrisma.countPending()).resolves.toBe(4);
      await expect(viaPg.countPending()).resolves.toBe(4);

      await viaPrisma.markFailed(ids[0], 'nats: timeout');
      await viaPg.markFailed(ids[2], 'nats: timeout');
      await expect(viaPg.claimBatch(10)).resolves.toMatchObject([
        { id: ids[0], attempts: 2 },
        { id: ids[2], attempts: 2 },
      ]);
      await expect(viaPrisma.markSent([ids[0], ids[1]])).resolves.toBe(2);
      await expect(viaPg.markSent([ids[1], ids[2], ids[3]])).resolves.toBe(2); // ids[1] was sent already
      await expect(viaPrisma.countPending()).resolves.toBe(0);
      const { rows } = await ctx.owner.query(
        'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NOT NULL AND last_error IS NULL AND locked_until IS NULL',
      );
      expect(rows).toEqual([{ n: 4 }]);

      await ctx.owner.query("UPDATE outbox SET sent_at = now() - interval '2 hours' WHERE id = ANY($1::uuid[])", [ids.slice(0, 2)]);
      const hourAgo = new Date(Date.now() - 3_600_000);
      await expect(viaPrisma.deleteSentBefore(hourAgo)).resolves.toBe(2);
      await expect(viaPg.deleteSentBefore(hourAgo)).resolves.toBe(0);
      await ctx.owner.query("UPDATE outbox SET sent_at = now() - interval '2 hours' WHERE id = ANY($1::uuid[])", [ids.slice(2)]);
      await expect(viaPg.deleteSentBefore(hourAgo)).resolves.toBe(2);
    } finally {
      await plain.$disconnect();
    }
  });

  it('claimBatch rejects a non-positive limit', async () => {
    const store = new PrismaOutboxStore(ctx.app);
    await expect(store.claimBatch(0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('markProcessed', () => {
  let ctx: DbTestContext;
  let db: TenantDb;

  beforeAll(() => {
    ctx = openDbTestContext(process.env, 4);
    db = new TenantDb(ctx.app);
  });
  afterAll(() => ctx.close());

  it('returns true the first time and false for the same consumer and message afterwards', async () => {
    await expect(markProcessed(ctx.app, 'tenant-intelligence', 'msg-1')).resolves.toBe(true);
    await expect(markProcessed(ctx.app, 'tenant-intelligence', 'msg-1')).resolves.toBe(false);
    await expect(markProcessed(ctx.app, 'client-insights', 'msg-1')).resolves.toBe(true);
  });

  it('is rolled back with the consumer’s effect, so a failed attempt can be redone', async () => {
    const tenant = await createTenant(ctx.owner);
    const attempt = db.run(tenant.id, async (tx) => {
      expect(await markProcessed(tx, 'notifier', 'msg-2')).toBe(true);
      await tx.chatSession.create({ data: { tenantId: tenant.id } });
      throw new Error('effect failed');
    });
    await expect(attempt).rejects.toThrow('effect failed');
    await expect(db.run(tenant.id, (tx) => markProcessed(tx, 'notifier', 'msg-2'))).resolves.toBe(true);
    await expect(db.run(tenant.id, (tx) => tx.chatSession.count())).resolves.toBe(0);
  });

  it('markProcessedMany: returns the new ids of a batch once; an id given twice or recorded before is not new', async () => {
    const [a, b, c] = [1, 2, 3].map((n) => `batch-${randomUUID()}-${n}`);
    await expect(markProcessed(ctx.app, 'client-insights', a)).resolves.toBe(true);
    await expect(markProcessedMany(ctx.app, 'client-insights', [a, b, b, c])).resolves.toEqual(new Set([b, c]));
    await expect(markProcessedMany(ctx.app, 'client-insights', [a, b, c])).resolves.toEqual(new Set());
    await expect(markProcessedMany(ctx.app, 'tenant-intelligence', [a])).resolves.toEqual(new Set([a]));
    await expect(markProcessedMany(ctx.app, 'client-insights', [])).resolves.toEqual(new Set());
  });

  it('markProcessedManyPg: the same answers in a TenantDb.transaction(), and nothing recorded when the transaction rolls back', async () => {
    const db = new TenantDb(ctx.app);
    // processed_events is not tenant-owned: any tenant's transaction records the ids.
    const tenantId = randomUUID();
    const [a, b, c] = [1, 2, 3].map((n) => `pg-batch-${randomUUID()}-${n}`);
    await expect(markProcessed(ctx.app, 'client-insights', a)).resolves.toBe(true);
    await expect(db.transaction(tenantId, (tx) => markProcessedManyPg(tx, 'client-insights', [a, b, b, c]))).resolves.toEqual(
      new Set([b, c]),
    );
    await expect(db.transaction(tenantId, (tx) => markProcessedManyPg(tx, 'client-insights', [a, b, c]))).resolves.toEqual(new Set());
    const failed = new Error('the batch failed');
    const d = `pg-batch-${randomUUID()}-4`;
    await expect(
      db.transaction(tenantId, async (tx) => {
        await expect(markProcessedManyPg(tx, 'client-insights', [d])).resolves.toEqual(new Set([d]));
        throw failed;
      }),
    ).rejects.toBe(failed);
    await expect(db.transaction(tenantId, (tx) => markProcessedManyPg(tx, 'client-insights', [d]))).resolves.toEqual(new Set([d]));
  });

  it('concurrent duplicates: exactly one transaction wins', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ctx.app.$transaction((tx) => markProcessed(tx, 'race', 'msg-3'))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
