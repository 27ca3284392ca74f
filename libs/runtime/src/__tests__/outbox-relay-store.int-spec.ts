import { randomUUID } from 'node:crypto';
import type { JetStreamManager } from '@nats-io/jetstream';
import { TenantUpdatedEvent } from '@parley/contracts';
import { ensureStreams, NatsClient, OutboxRelay, toOutboxMessage } from '@parley/messaging';
import { createPrismaClient, enqueueOutbox, PrismaOutboxStore, type PrismaClient } from '@parley/persistence';

// The relay over the real outbox table (PrismaOutboxStore on node-postgres, as the services run
// it) and JetStream: a relay that dies between publishing and marking its rows sent loses none
// and JetStream keeps one copy of each, and two replicas draining at once never claim, so never
// publish, the same row. Other test files' rows in the shared outbox may be claimed too; only
// this file's tenant's rows are looked at.
jest.setTimeout(60_000);

const url = process.env.TEST_NATS_URL as string;
const namespace = `${process.env.TEST_RUN_ID ?? ''}orl${randomUUID().slice(0, 6)}`;

describe('OutboxRelay over PrismaOutboxStore', () => {
  const tenantId = randomUUID();
  const clients: PrismaClient[] = [];
  const relays: OutboxRelay[] = [];
  let nats: NatsClient;
  let jsm: JetStreamManager;

  /** A replica's own database client (its own pools). */
  const replicaDb = () => {
    const client = createPrismaClient({
      databaseUrl: process.env.TEST_DATABASE_URL as string,
      poolMax: 2,
      applicationName: 'outbox-relay-test',
    });
    clients.push(client);
    return client;
  };
  const relay = (store: PrismaOutboxStore, batchSize = 500) => {
    const r = new OutboxRelay({ client: nats, store, batchSize, intervalMs: 50, maxBackoffMs: 200 });
    relays.push(r);
    return r;
  };

  beforeAll(async () => {
    nats = await NatsClient.connect({ url, name: 'outbox-relay-test', namespace });
    await ensureStreams(nats.jsm, nats.namer);
    jsm = nats.jsm;
  });
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    for await (const name of jsm.streams.names()) if (name.startsWith(`${namespace}_`)) await jsm.streams.delete(name);
    await nats.drain();
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  async function enqueue(db: PrismaClient, count: number): Promise<string[]> {
    return db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const message = toOutboxMessage(
          TenantUpdatedEvent,
          { version: 1, tenantId, changedFields: [`f${i}`], occurredAt: new Date().toISOString() },
          tenantId,
        );
        ids.push(await enqueueOutbox(tx, message));
      }
      return ids;
    });
  }

  /** This tenant's messages in the stream, as their Nats-Msg-Id, in stream order. */
  async function streamIds(): Promise<string[]> {
    const stream = `${namespace}_EVENTS`;
    const info = await jsm.streams.info(stream);
    const ids: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const msg = await jsm.streams.getMessage(stream, { seq });
      if (msg && msg.subject.endsWith(`.${tenantId}`)) ids.push(msg.header.get('Nats-Msg-Id'));
    }
    return ids;
  }

  async function rowsOf(db: PrismaClient, ids: string[]) {
    const rows = await db.outbox.findMany({ where: { id: { in: ids } }, select: { id: true, sentAt: true, attempts: true } });
    return ids.map((id) => rows.find((r) => r.id === id));
  }

  it('a relay dying between publish and markSent: the rows stay leased, then are published again under the same id, JetStream keeps one copy, and they are marked sent', async () => {
    const db = replicaDb();
    const ids = await enqueue(db, 3);

    // The first relay claims and publishes, then dies before its markSent (as under kill -9:
    // the claim is committed, the mark never reaches the database).
    const dying = new PrismaOutboxStore(db, { leaseMs: 1500 });
    dying.markSent = () => Promise.reject(new Error('process killed'));
    await expect(relay(dying).runOnce()).rejects.toThrow('process killed');
    expect(await streamIds()).toEqual(ids);
    expect((await rowsOf(db, ids)).map((r) => [r?.sentAt, r?.attempts])).toEqual(ids.map(() => [null, 1]));

    // A replica (its own pools) does not take them while the lease holds…
    const replica = new PrismaOutboxStore(replicaDb(), { leaseMs: 1500 });
    await expect(relay(replica).runOnce()).resolves.toMatchObject({ failed: 0 }); // publishes only other files' pending rows
    expect((await rowsOf(db, ids)).map((r) => [r?.sentAt, r?.attempts])).toEqual(ids.map(() => [null, 1]));

    // …and once it has expired publishes them again: same Nats-Msg-Id, JetStream drops the copies.
    await new Promise((r) => setTimeout(r, 1600));
    const result = await relay(replica).runOnce();
    expect(result.failed).toBe(0);
    expect(await streamIds()).toEqual(ids);
    expect((await rowsOf(db, ids)).map((r) => [r?.sentAt instanceof Date, r?.attempts])).toEqual(ids.map(() => [true, 2]));
    await expect(relay(replica).runOnce()).resolves.toMatchObject({ failed: 0 });
    expect(await streamIds()).toEqual(ids);
  });

  it('two replicas draining at once claim disjoint rows: each row published by one of them, once, in order per claim, all marked sent', async () => {
    const db = replicaDb();
    const ids = await enqueue(db, 120);
    const before = (await streamIds()).length;

    const claimedBy: string[][] = [[], []];
    const replicas = [0, 1].map((n) => {
      const store = new PrismaOutboxStore(replicaDb(), { leaseMs: 60_000 });
      const claim = store.claimBatch.bind(store);
      store.claimBatch = async (limit) => {
        const rows = await claim(limit);
        claimedBy[n].push(...rows.map((r) => r.id));
        return rows;
      };
      return relay(store, 7);
    });
    const drain = async (r: OutboxRelay) => {
      for (;;) if ((await r.runOnce()).claimed === 0) return;
    };
    await Promise.all(replicas.map(drain));

    const ours = claimedBy.map((list) => list.filter((id) => ids.includes(id)));
    expect(ours[0].filter((id) => ours[1].includes(id))).toEqual([]);
    expect([...ours[0], ...ours[1]].sort()).toEqual([...ids].sort());
    const published = (await streamIds()).slice(before);
    expect([...published].sort()).toEqual([...ids].sort());
    expect((await rowsOf(db, ids)).every((r) => r?.sentAt instanceof Date && r.attempts === 1)).toBe(true);
  });
});
