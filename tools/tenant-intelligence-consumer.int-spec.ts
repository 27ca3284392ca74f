import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { ChatTurnCompletedEvent, CONSUMERS, deadLetterSchema, dlqSubject, type ChatTurnCompleted } from '@parley/contracts';
import { EventPublisher, NatsClient } from '@parley/messaging';
import { createPrismaClient, type PrismaClient } from '@parley/persistence';
import { createChatMessage, createChatSession, createTenant } from '@parley/testing';
import { freePort, REPO_ROOT, ServiceProcess } from './support/service-process';

// tenant-intelligence as deployed (compiled dist, its own process) on the run's JetStream:
// a batch of turn events survives the service being killed mid-batch (SIGKILL, no drain) —
// after a restart every event is applied exactly once — and a poison event is dead-lettered
// with its reason while the consumer keeps going.
jest.setTimeout(120_000);

const namespace = `${process.env.TEST_RUN_ID}ti`;
const BATCH = 30;
const started: ServiceProcess[] = [];

async function startService(): Promise<ServiceProcess> {
  const port = await freePort();
  const proc = new ServiceProcess('tenant-intelligence', {
    PATH: process.env.PATH as string,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATABASE_URL: process.env.TEST_DATABASE_URL as string,
    NATS_URL: process.env.TEST_NATS_URL as string,
    NATS_NAMESPACE: namespace,
    REDIS_URL: process.env.TEST_REDIS_URL as string,
    INTEL_CONSUMER_CONCURRENCY: '2',
  });
  started.push(proc);
  await proc.waitForLog((line) => line.msg === 'consumer started', 30_000);
  return proc;
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('tenant-intelligence consumer (real process, real JetStream)', () => {
  let owner: PrismaClient;
  let client: NatsClient;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'apps/tenant-intelligence'], { cwd: REPO_ROOT, stdio: 'pipe' });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    client = await NatsClient.connect({ url: process.env.TEST_NATS_URL as string, name: 'ti-consumer-test', namespace });
  });

  afterAll(async () => {
    await Promise.all(started.map((p) => p.kill()));
    await client.drain();
    await owner.$disconnect();
  });

  it('a service killed mid-batch loses and doubles nothing after restart; a poison event is dead-lettered with its reason', async () => {
    const tenant = await createTenant(owner);
    const first = await startService();
    const publisher = new EventPublisher(client);

    const events: ChatTurnCompleted[] = [];
    for (let i = 0; i < BATCH; i++) {
      const session = await createChatSession(owner, tenant.id);
      const turnId = randomUUID();
      const text = `Hi, I'm Customer${String.fromCharCode(65 + (i % 26))}${i}, email me at customer${i}@example.com about a quote`;
      const user = await createChatMessage(owner, session, { role: 'user', content: text, turn_id: turnId });
      const assistant = await createChatMessage(owner, session, { role: 'assistant', content: 'Noted.', turn_id: turnId });
      events.push({
        version: 1,
        tenantId: tenant.id,
        sessionId: session.id,
        turnId,
        userMessageId: user.id,
        assistantMessageId: assistant.id,
        contactId: null,
        userText: text,
        assistantText: 'Noted.',
        signals: { urgency: 'none', sentiment: 'neutral', sentimentScore: 0, intents: [], flags: [], entityCount: 0 },
        actionIds: [],
        usage: { inputTokens: 1, outputTokens: 1, model: 'retrieval', provider: 'offline', latencyMs: 1 },
        occurredAt: new Date().toISOString(),
      });
    }
    const msgIds = events.map(() => randomUUID());
    await Promise.all(events.map((e, i) => publisher.publish(ChatTurnCompletedEvent, e, { tenantId: tenant.id, msgId: msgIds[i] })));

    const processed = () =>
      owner.$queryRaw<
        Array<{ n: number }>
      >`SELECT count(*)::int AS n FROM processed_events WHERE consumer = 'tenant-intelligence' AND message_id = ANY(${msgIds})`.then(
        (r) => r[0].n,
      );
    // Kill without draining once part of the batch is done.
    await until(processed, (n) => n >= 3, 30_000);
    first.signal('SIGKILL');
    await first.exited;
    const atKill = await processed();
    expect(atKill).toBeLessThan(BATCH);

    const second = await startService();
    expect(await until(processed, (n) => n === BATCH, 60_000)).toBe(BATCH);

    const contacts = await owner.$queryRaw<
      Array<{ email: string }>
    >`SELECT email FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid ORDER BY email`;
    expect(contacts.map((c) => c.email).sort()).toEqual(events.map((_, i) => `customer${i}@example.com`).sort());
    const interactions = await owner.$queryRaw<
      Array<{ n: number }>
    >`SELECT count(*)::int AS n FROM tenant_interactions WHERE tenant_id = ${tenant.id}::uuid`;
    expect(interactions[0].n).toBe(BATCH);
    const extracted = await owner.$queryRaw<
      Array<{ n: number }>
    >`SELECT count(*)::int AS n FROM outbox WHERE subject = ${`evt.intel.message_extracted.${tenant.id}`}`;
    expect(extracted[0].n).toBe(BATCH);

    // Poison: valid JSON on the subject, invalid for the contract.
    const dlq = await client.jsm.streams
      .getMessage(client.namer.stream('DLQ'), { last_by_subj: client.namer.subject(dlqSubject(CONSUMERS.tenantIntelligence.durable)) })
      .catch(() => null);
    const dlqBefore = dlq?.seq ?? 0;
    await client.js.publish(
      client.namer.subject(ChatTurnCompletedEvent.subjectFor(tenant.id)),
      new TextEncoder().encode(JSON.stringify({ version: 1, tenantId: tenant.id })),
      { msgID: randomUUID() },
    );
    const dead = await until(
      () =>
        client.jsm.streams
          .getMessage(client.namer.stream('DLQ'), { last_by_subj: client.namer.subject(dlqSubject(CONSUMERS.tenantIntelligence.durable)) })
          .catch(() => null),
      (m) => m !== null && m.seq > dlqBefore,
      30_000,
    );
    expect(dead).not.toBeNull();
    const letter = deadLetterSchema.parse(JSON.parse(new TextDecoder().decode(dead!.data)));
    expect(letter.reason.kind).toBe('schema');
    expect(letter.reason.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['sessionId', 'userText']));
    expect(letter.originalSubject).toBe(ChatTurnCompletedEvent.subjectFor(tenant.id));
    await expect(second.waitForLog((l) => l.msg === 'listening', 1000)).resolves.toBeDefined();
  });
});
