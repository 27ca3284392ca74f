import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { CONSUMERS, TenantCreatedEvent } from '@parley/contracts';
import { toOutboxMessage } from '@parley/messaging';
import { ServiceMetrics, type ServiceConfig } from '@parley/observability';
import { createPrismaClient, enqueueOutbox, type PrismaClient } from '@parley/persistence';
import { ServiceRuntimeModule } from '../service-runtime.module';

// Boots the shared runtime the way a producing + consuming service does, against the real
// PostgreSQL and NATS: streams and the durable consumer are declared at start, outbox rows
// written in a transaction reach JetStream exactly once (across a restart), and the backlog
// metrics are served.
jest.setTimeout(60_000);

const namespace = `${process.env.TEST_RUN_ID}rt`;

function config(): ServiceConfig {
  return {
    service: 'runtime-test',
    nodeEnv: 'test',
    http: { host: '127.0.0.1', port: 0 },
    log: { level: 'silent', pretty: false },
    database: { url: process.env.TEST_DATABASE_URL as string },
    nats: { url: process.env.TEST_NATS_URL as string, namespace },
    redis: { url: process.env.TEST_REDIS_URL as string, keyPrefix: `parley:${namespace}:` },
    otel: {},
    shutdown: { timeoutMs: 5000 },
    health: { checkTimeoutMs: 2000 },
  };
}

const open = new Set<INestApplicationContext>();

async function boot(): Promise<INestApplicationContext> {
  @Module({ imports: [ServiceRuntimeModule.forRoot(config(), { consumers: [CONSUMERS.notifier], outboxRelay: { intervalMs: 50 } })] })
  class TestServiceModule {}
  const app = await NestFactory.createApplicationContext(TestServiceModule, { logger: false });
  await app.init();
  open.add(app);
  return app;
}

async function close(app: INestApplicationContext): Promise<void> {
  open.delete(app);
  await app.close();
}

describe('ServiceRuntimeModule', () => {
  let prisma: PrismaClient;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const tenantId = randomUUID();

  beforeAll(async () => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
    nc = await connect({ servers: process.env.TEST_NATS_URL });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    // A failed assertion must not leave a relay polling after the test ends.
    for (const app of [...open]) await close(app);
    for await (const name of jsm.streams.names()) if (name.startsWith(`${namespace}_`)) await jsm.streams.delete(name);
    await nc.close();
    await prisma.$disconnect();
  });

  async function enqueue(count: number): Promise<string[]> {
    return prisma.$transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const message = toOutboxMessage(
          TenantCreatedEvent,
          {
            version: 1,
            tenantId,
            displayName: `Tenant ${i}`,
            slug: `tenant-${i}-${namespace}`,
            kind: 'plumber',
            occurredAt: new Date().toISOString(),
          },
          tenantId,
        );
        ids.push(await enqueueOutbox(tx, message));
      }
      return ids;
    });
  }

  async function pendingRows(ids: string[]): Promise<number> {
    return prisma.outbox.count({ where: { id: { in: ids }, sentAt: null } });
  }

  async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // Only this test's tenant: the relay also publishes outbox rows other test files of the run
  // left in the shared database, and those are not this test's business.
  async function streamMsgIds(): Promise<string[]> {
    const info = await jsm.streams.info(`${namespace}_EVENTS`);
    const ids: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const msg = await jsm.streams.getMessage(`${namespace}_EVENTS`, { seq });
      if (msg && msg.subject.endsWith(`.${tenantId}`)) ids.push(msg.header.get('Nats-Msg-Id'));
    }
    return ids;
  }

  it('declares the streams and the durable consumer, publishes outbox rows exactly once across a restart, and serves backlog metrics', async () => {
    const first = await enqueue(5);
    let app = await boot();

    const streams: string[] = [];
    for await (const name of jsm.streams.names()) if (name.startsWith(`${namespace}_`)) streams.push(name);
    expect(streams.sort()).toEqual([`${namespace}_DLQ`, `${namespace}_EVENTS`]);
    const consumer = await jsm.consumers.info(`${namespace}_EVENTS`, CONSUMERS.notifier.durable);
    expect(consumer.config.ack_policy).toBe('explicit');
    expect(consumer.config.max_deliver).toBe(CONSUMERS.notifier.maxDeliver);

    await waitFor(async () => (await pendingRows(first)) === 0);
    const metrics = await app.get(ServiceMetrics).render();
    expect(metrics.body).toMatch(/parley_outbox_pending\{service="runtime-test"\} \d+/);
    // Nothing consumes here, so the durable's backlog is what was published to it (on servers
    // before 2.10 its filter is the covering `evt.>`, so it counts all five events).
    expect(metrics.body).toMatch(/parley_consumer_lag\{stream="EVENTS",consumer="notifier",service="runtime-test"\} [1-9]\d*/);
    expect(metrics.body).toContain('parley_dead_letters_total{consumer="notifier",reason="max_deliver",service="runtime-test"} 0');
    await close(app);

    // Written while no relay runs; a restarted service (same durable, same streams) sends them.
    const second = await enqueue(5);
    app = await boot();
    await waitFor(async () => (await pendingRows(second)) === 0);
    await close(app);

    const published = await streamMsgIds();
    expect(published.sort()).toEqual([...first, ...second].sort());
  });
});
