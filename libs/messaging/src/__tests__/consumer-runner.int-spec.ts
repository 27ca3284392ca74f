import { randomUUID } from 'node:crypto';
import { CONSUMERS, NotifyRequestedEvent, TenantCreatedEvent, type ConsumerDefinition, type NotifyRequested } from '@parley/contracts';
import { PermanentError } from '../errors/permanent.error';
import { startConsumer, type ConsumerRunner } from '../consuming/consumer-runner';
import type { ConsumerMessageMeta } from '../consuming/consumer-message';
import { watchMaxDeliveries } from '../consuming/max-deliveries-watcher';
import { ensureConsumer } from '../jetstream/ensure';
import { EventPublisher } from '../publishing/event-publisher';
import { encodeJson } from '../publishing/json-codec';
import { MAX_PAYLOAD_JSON_DEPTH } from '../publishing/json-structure';
import { deadLetters, natsTestContext, sleep, waitFor, type NatsTestContext } from './nats-test-context';
import { activeTraceId, registerTracePropagation, withActiveSpan } from './trace-test-setup';

const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
jest.setTimeout(30_000);

// Short delays: first redelivery after 300 ms (also the ack wait), then 400 ms.
const notifier: ConsumerDefinition = { ...CONSUMERS.notifier, backoffMs: [300, 400], maxDeliver: 3 };

const notification = (tenantId: string, title = 'New lead'): NotifyRequested => ({
  version: 1,
  tenantId,
  notificationId: randomUUID(),
  audience: 'tenant',
  category: 'lead',
  severity: 'info',
  title,
  body: 'A visitor left a phone number.',
  link: null,
  channels: [],
  occurredAt: new Date().toISOString(),
});

describe('consumer runner', () => {
  let ctx: NatsTestContext;
  let publisher: EventPublisher;
  let runners: ConsumerRunner[];
  let unregister: () => void;
  const tenantId = randomUUID();

  beforeAll(() => (unregister = registerTracePropagation()));
  afterAll(() => unregister());
  beforeEach(async () => {
    ctx = await natsTestContext(url);
    publisher = new EventPublisher(ctx.client);
    runners = [];
  });
  afterEach(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await ctx.cleanup();
  });

  const publish = (payload: NotifyRequested, msgId = randomUUID()) =>
    publisher.publish(NotifyRequestedEvent, payload, { msgId, tenantId: payload.tenantId });

  const run = async (handler: (payload: unknown, meta: ConsumerMessageMeta) => Promise<void>, client = ctx.client, extra = {}) => {
    const runner = await startConsumer({ client, consumer: notifier, handler, concurrency: 2, stopTimeoutMs: 2000, ...extra });
    runners.push(runner);
    return runner;
  };

  it('hands the parsed payload and meta to the handler, inside the producer trace', async () => {
    const seen: Array<{ payload: unknown; meta: ConsumerMessageMeta; traceId?: string }> = [];
    await run(async (payload, meta) => void seen.push({ payload, meta, traceId: activeTraceId() }));
    const payload = notification(tenantId);
    const msgId = randomUUID();
    const { traceId, result } = withActiveSpan(() => publish(payload, msgId));
    await result;

    await waitFor(() => seen.length === 1, 5000, 'delivery');
    expect(seen[0].payload).toEqual(payload);
    expect(seen[0].meta).toMatchObject({
      subject: `evt.notify.requested.${tenantId}`,
      msgId,
      tenantId,
      deliveryCount: 1,
      contract: NotifyRequestedEvent,
    });
    expect(seen[0].traceId).toBe(traceId);
    await waitFor(
      async () => (await ctx.client.jsm.consumers.info(`${ctx.namespace}_EVENTS`, 'notifier')).num_ack_pending === 0,
      5000,
      'ack',
    );
  });

  it('dead-letters a schema-invalid message with the reason and keeps processing good ones', async () => {
    const handled: string[] = [];
    await run(async (payload) => void handled.push((payload as NotifyRequested).title));
    // a producer bug: bypasses validation and publishes an invalid payload on a real event subject
    const poison = { ...notification(tenantId), severity: 'apocalyptic', notificationId: 'n-1' };
    await ctx.client.js.publish(ctx.client.namer.subject(NotifyRequestedEvent.subjectFor(tenantId)), encodeJson(poison), {
      msgID: 'poison-1',
    });
    await ctx.client.js.publish(ctx.client.namer.subject(NotifyRequestedEvent.subjectFor(tenantId)), new TextEncoder().encode('{not json'));
    await publish(notification(tenantId, 'after the poison'));

    await waitFor(() => handled.includes('after the poison'), 5000, 'good message');
    const letters = await waitFor(
      async () => ((await deadLetters(ctx.client)).length === 2 ? deadLetters(ctx.client) : false),
      5000,
      'dead letters',
    );
    expect(handled).toEqual(['after the poison']);
    expect(letters[0]).toMatchObject({
      consumer: 'notifier',
      originalSubject: `evt.notify.requested.${tenantId}`,
      tenantId,
      msgId: 'poison-1',
      deliveryCount: 1,
      payloadEncoding: 'utf8',
      reason: { kind: 'schema', errorCode: 'VALIDATION' },
    });
    expect(JSON.parse(letters[0].payload)).toEqual(poison);
    expect(letters[0].reason.issues?.map((i) => i.path).sort()).toEqual(['notificationId', 'severity']);
    expect(letters[1].reason).toMatchObject({ kind: 'schema', message: expect.stringContaining('not JSON') });
    expect(letters[1].payload).toBe('{not json');
  });

  it('dead-letters (terminates) a payload nested deeper than the bound as a schema failure, never redelivered', async () => {
    const handled: string[] = [];
    await run(async (payload) => void handled.push((payload as NotifyRequested).title));
    const deep = `{"version":1,"extra":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    await ctx.client.js.publish(ctx.client.namer.subject(NotifyRequestedEvent.subjectFor(tenantId)), new TextEncoder().encode(deep), {
      msgID: 'deep-1',
    });
    await publish(notification(tenantId, 'after the deep one'));

    await waitFor(() => handled.includes('after the deep one'), 5000, 'good message');
    const [letter] = await waitFor(
      async () => {
        const l = await deadLetters(ctx.client);
        return l.length ? l : false;
      },
      5000,
      'dead letter',
    );
    expect(handled).toEqual(['after the deep one']);
    expect(letter).toMatchObject({
      msgId: 'deep-1',
      deliveryCount: 1,
      reason: { kind: 'schema', errorCode: 'VALIDATION', message: `body is nested deeper than ${MAX_PAYLOAD_JSON_DEPTH} levels` },
    });
    expect(letter.payload).toBe(deep);
    await waitFor(
      async () => (await ctx.client.jsm.consumers.info(`${ctx.namespace}_EVENTS`, 'notifier')).num_ack_pending === 0,
      5000,
      'terminated',
    );
  });

  it('retries a failing handler max_deliver times with backoff, then dead-letters the last error', async () => {
    const attempts: Array<{ delivery: number; at: number }> = [];
    await run(async (_payload, meta) => {
      attempts.push({ delivery: meta.deliveryCount, at: Date.now() });
      throw new Error(`smtp unavailable (attempt ${meta.deliveryCount})`);
    });
    await publish(notification(tenantId));

    const [letter] = await waitFor(
      async () => {
        const l = await deadLetters(ctx.client);
        return l.length ? l : false;
      },
      8000,
      'dead letter',
    );
    expect(attempts.map((a) => a.delivery)).toEqual([1, 2, 3]);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(280);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(380);
    expect(letter).toMatchObject({
      deliveryCount: 3,
      reason: { kind: 'max_deliver', message: 'delivery 3 of 3 failed: smtp unavailable (attempt 3)' },
    });
    await sleep(600);
    expect(attempts).toHaveLength(3); // terminated: never redelivered
  });

  it('keeps a handler slower than the ack wait from being redelivered (in-progress acks)', async () => {
    const deliveries: number[] = [];
    await run(async (_p, meta) => {
      deliveries.push(meta.deliveryCount);
      await sleep(900); // ack wait is 300 ms
    });
    await publish(notification(tenantId));
    await waitFor(
      async () => (await ctx.client.jsm.consumers.info(`${ctx.namespace}_EVENTS`, 'notifier')).ack_floor.stream_seq === 1,
      5000,
      'ack',
    );
    expect(deliveries).toEqual([1]);
  });

  it('bounds processing time: a hung handler is aborted, retried, then dead-lettered', async () => {
    const signals: AbortSignal[] = [];
    await run(
      (_p, meta) => {
        signals.push(meta.signal);
        return new Promise(() => undefined); // ignores its signal and never settles
      },
      ctx.client,
      { maxProcessingMs: 100 },
    );
    await publish(notification(tenantId));
    const [letter] = await waitFor(
      async () => {
        const l = await deadLetters(ctx.client);
        return l.length ? l : false;
      },
      8000,
      'dead letter',
    );
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(letter.reason).toMatchObject({
      kind: 'max_deliver',
      errorCode: 'HANDLER_TIMEOUT',
      message: expect.stringContaining('handler exceeded 100 ms'),
    });
  });

  it('dead-letters a PermanentError at once', async () => {
    let calls = 0;
    await run(async () => {
      calls += 1;
      throw new PermanentError('tenant no longer exists', 'NOT_FOUND');
    });
    await publish(notification(tenantId));
    const [letter] = await waitFor(
      async () => {
        const l = await deadLetters(ctx.client);
        return l.length ? l : false;
      },
      5000,
      'dead letter',
    );
    expect(letter.reason).toMatchObject({ kind: 'permanent', errorCode: 'NOT_FOUND', message: 'tenant no longer exists' });
    expect(calls).toBe(1);
  });

  it('redelivers an unacked message to a new instance after the first one dies', async () => {
    const other = await ctx.connect('dying-instance');
    let started = false;
    await run((_p, meta) => {
      started = true;
      return new Promise((_, reject) => meta.signal.addEventListener('abort', () => reject(meta.signal.reason)));
    }, other);
    const payload = notification(tenantId);
    await publish(payload);
    await waitFor(() => started, 5000, 'first delivery');
    await other.nc.close(); // the process dies mid-handler: no ack, no nak

    const seen: ConsumerMessageMeta[] = [];
    await run(async (_p, meta) => void seen.push(meta));
    await waitFor(() => seen.length === 1, 5000, 'redelivery');
    expect(seen[0]).toMatchObject({ deliveryCount: 2, tenantId });
    expect(await deadLetters(ctx.client)).toEqual([]);
  });

  it('dead-letters from the max-deliveries advisory when the last delivery is never settled', async () => {
    const def = ctx.client.namer.consumerDefinition({ ...notifier, backoffMs: [200], maxDeliver: 2 });
    await ensureConsumer(ctx.client.jsm, def, ctx.client.features);
    // the watcher a runner starts, alone: the "handler" below is a client that crashes
    const w = watchMaxDeliveries(ctx.client, def);
    await publish(notification(tenantId));
    // a client that fetches and crashes (never acks) twice
    const consumer = await ctx.client.js.consumers.get(def.stream, def.durable);
    for (let i = 0; i < 2; i++) {
      const m = await consumer.next({ expires: 2000 });
      expect(m?.info.deliveryCount).toBe(i + 1);
    }
    // the next instance pulls: the server finds the message exhausted, drops it and advises
    expect(await consumer.next({ expires: 1500 })).toBeNull();
    const [letter] = await waitFor(
      async () => {
        const l = await deadLetters(ctx.client);
        return l.length ? l : false;
      },
      5000,
      'advisory dead letter',
    );
    await w.stop();
    expect(letter).toMatchObject({ consumer: 'notifier', deliveryCount: 2, reason: { kind: 'max_deliver', errorCode: 'TIMEOUT' } });
  });

  it('acks and skips events outside its filters (covering filter on servers before 2.10)', async () => {
    const handled: string[] = [];
    await run(async (_p, meta) => void handled.push(meta.subject));
    await publisher.publish(
      TenantCreatedEvent,
      { version: 1, tenantId, displayName: 'Acme', slug: 'acme', kind: 'plumber', occurredAt: new Date().toISOString() },
      { msgId: randomUUID(), tenantId },
    );
    await publish(notification(tenantId));
    await waitFor(() => handled.length === 1, 5000, 'notification');
    await waitFor(
      async () => (await ctx.client.jsm.consumers.info(`${ctx.namespace}_EVENTS`, 'notifier')).num_ack_pending === 0,
      5000,
      'acks',
    );
    expect(handled).toEqual([`evt.notify.requested.${tenantId}`]);
    expect(await deadLetters(ctx.client)).toEqual([]);
  });

  it('skips events outside its filters without a handler slot, while every slot is busy', async () => {
    let release!: () => void;
    const busy = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    await run(
      async (p) => {
        handled.push((p as NotifyRequested).notificationId);
        await busy;
      },
      ctx.client,
      { concurrency: 1 },
    );
    const first = notification(tenantId);
    await publish(first);
    await waitFor(() => handled.length === 1, 5000, 'the slot taken');
    await publisher.publish(
      TenantCreatedEvent,
      { version: 1, tenantId, displayName: 'Acme', slug: 'acme', kind: 'plumber', occurredAt: new Date().toISOString() },
      { msgId: randomUUID(), tenantId },
    );
    // the skipped event is acked while the only slot still holds the first notification
    const info = () => ctx.client.jsm.consumers.info(`${ctx.namespace}_EVENTS`, 'notifier');
    // 2.9: delivered through the covering filter and acked at once; 2.10+: never delivered
    await waitFor(
      async () => {
        const i = await info();
        return i.num_pending === 0 && i.num_ack_pending === 1;
      },
      5000,
      'skip acked',
    );
    expect(handled).toEqual([first.notificationId]);
    release();
    await waitFor(async () => (await info()).num_ack_pending === 0, 5000, 'ack of the handled one');
  });

  it('acks handled messages together after ackDelayMs, and stop() sends the acks still waiting', async () => {
    const handled: string[] = [];
    const info = () => ctx.client.jsm.consumers.info(`${ctx.namespace}_EVENTS`, 'notifier');
    // ack wait 20 s: the held-back acks may wait up to 5 s (a quarter of it)
    const slowAckWait = { ...notifier, backoffMs: [20_000] };
    const runner = await run(async (p) => void handled.push((p as NotifyRequested).notificationId), ctx.client, {
      consumer: slowAckWait,
      ackDelayMs: 60_000,
    });
    for (let i = 0; i < 3; i++) await publish(notification(tenantId));
    await waitFor(() => handled.length === 3, 5000, 'three handled');
    await sleep(300);
    expect((await info()).num_ack_pending).toBe(3); // handled, their acks held back
    await runner.stop();
    const after = await info();
    expect(after.num_ack_pending).toBe(0); // stop() sent them before returning
    expect(after.num_redelivered).toBe(0);
    expect(await deadLetters(ctx.client)).toEqual([]);
  });

  it('never holds an ack back for more than a quarter of the ack wait', async () => {
    const info = () => ctx.client.jsm.consumers.info(`${ctx.namespace}_EVENTS`, 'notifier');
    const seen: ConsumerMessageMeta[] = [];
    // the test consumer's ack wait is 300 ms: an ack held back for 60 s would mean a redelivery
    await run(async (_p, meta) => void seen.push(meta), ctx.client, { ackDelayMs: 60_000 });
    await publish(notification(tenantId));
    await waitFor(async () => seen.length === 1 && (await info()).num_ack_pending === 0, 5000, 'ack within the ack wait');
    await sleep(700); // past the ack wait and the first backoff step
    expect(seen).toHaveLength(1);
    expect(seen[0].deliveryCount).toBe(1);
  });

  it('redelivers a handled message whose ack was still held back when the process died', async () => {
    const other = await ctx.connect('dying-before-ack');
    const first: string[] = [];
    const slowAckWait = { ...notifier, backoffMs: [1_000] }; // acks held back up to 250 ms
    await run(async (p) => void first.push((p as NotifyRequested).notificationId), other, { consumer: slowAckWait, ackDelayMs: 60_000 });
    const payload = notification(tenantId);
    await publish(payload);
    await waitFor(() => first.length === 1, 5000, 'handled');
    await other.nc.close(); // dies inside the ack window: the ack is never sent

    const seen: ConsumerMessageMeta[] = [];
    await run(async (_p, meta) => void seen.push(meta), ctx.client, { consumer: slowAckWait });
    await waitFor(() => seen.length === 1, 5000, 'redelivery');
    expect(seen[0]).toMatchObject({ deliveryCount: 2, tenantId });
    expect(await deadLetters(ctx.client)).toEqual([]);
  });

  it('bounds concurrency; stop() waits for handlers in flight and a new instance gets the rest', async () => {
    let running = 0;
    let peak = 0;
    const handled = new Set<string>();
    const handler = async (payload: unknown) => {
      running += 1;
      peak = Math.max(peak, running);
      await sleep(150);
      running -= 1;
      handled.add((payload as NotifyRequested).notificationId);
    };
    const runner = await run(handler);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const n = notification(tenantId);
      ids.push(n.notificationId);
      await publish(n);
    }
    await waitFor(() => running > 0, 5000, 'first handler');
    await runner.stop();
    expect(running).toBe(0); // stop() returned only after the in-flight handlers finished
    expect(peak).toBeLessThanOrEqual(2);
    expect(handled.size).toBeLessThan(6);

    await run(handler);
    await waitFor(() => handled.size === 6, 8000, 'remaining messages');
    expect([...handled].sort()).toEqual([...ids].sort());
  });
});
