import { createServer, connect as tcpConnect, type AddressInfo, type Socket } from 'node:net';
import { CONSUMERS, DLQ_STREAM, EVENTS_STREAM } from '@parley/contracts';
import { StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { NatsClient } from '../connection/nats-client';
import { ensureConsumer, ensureStream, ensureStreams } from '../jetstream/ensure';
import { natsTestContext, type NatsTestContext } from './nats-test-context';

const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
jest.setTimeout(30_000);

describe('stream and consumer declaration', () => {
  let ctx: NatsTestContext;

  beforeEach(async () => {
    ctx = await natsTestContext(url, { streams: false });
  });
  afterEach(() => ctx.cleanup());

  it('ensureStreams creates EVENTS and DLQ under the namespace, and a second run changes nothing', async () => {
    const { client, namespace } = ctx;
    expect(await ensureStreams(client.jsm, client.namer)).toEqual({ [`${namespace}_EVENTS`]: 'created', [`${namespace}_DLQ`]: 'created' });
    const before = await client.jsm.streams.info(`${namespace}_EVENTS`);
    expect(before.config).toMatchObject({
      subjects: [`${namespace}.evt.>`],
      storage: StorageType.File,
      duplicate_window: nanos(EVENTS_STREAM.duplicateWindowMs),
    });
    expect((await client.jsm.streams.info(`${namespace}_DLQ`)).config.subjects).toEqual([`${namespace}.dlq.>`]);

    expect(await ensureStreams(client.jsm, client.namer)).toEqual({
      [`${namespace}_EVENTS`]: 'unchanged',
      [`${namespace}_DLQ`]: 'unchanged',
    });
    const after = await client.jsm.streams.info(`${namespace}_EVENTS`);
    expect(after.created).toBe(before.created);
    expect(after.config).toEqual(before.config);
  });

  it('puts a drifted stream back to the declared config', async () => {
    const { client, namespace } = ctx;
    await ensureStreams(client.jsm, client.namer);
    const name = `${namespace}_EVENTS`;
    const live = await client.jsm.streams.info(name);
    await client.jsm.streams.update(name, { ...live.config, duplicate_window: nanos(5_000) });
    expect(await ensureStream(client.jsm, client.namer.streamDefinition(EVENTS_STREAM))).toBe('updated');
    expect((await client.jsm.streams.info(name)).config.duplicate_window).toBe(nanos(120_000));
  });

  it('refuses to silently change an immutable setting', async () => {
    const { client } = ctx;
    const def = client.namer.streamDefinition(DLQ_STREAM);
    await ensureStream(client.jsm, { ...def, storage: 'memory' });
    await expect(ensureStream(client.jsm, def)).rejects.toMatchObject({ code: 'CONFIG_CONFLICT' });
  });

  it('ensureConsumer declares a bounded durable once and reconciles changes', async () => {
    const { client, namespace } = ctx;
    await ensureStreams(client.jsm, client.namer);
    const def = client.namer.consumerDefinition(CONSUMERS.tenantIntelligence);
    expect(await ensureConsumer(client.jsm, def, client.features)).toBe('created');
    const first = await client.jsm.consumers.info(def.stream, def.durable);
    expect(first.config).toMatchObject({
      durable_name: 'tenant-intelligence',
      ack_policy: 'explicit',
      max_deliver: CONSUMERS.tenantIntelligence.maxDeliver,
      backoff: CONSUMERS.tenantIntelligence.backoffMs.map((ms) => nanos(ms)),
      ack_wait: nanos(CONSUMERS.tenantIntelligence.backoffMs[0]),
    });
    // nats-server 2.9 has no filter_subjects: both filters collapse into one covering filter
    if (client.features.multipleFilters) expect(first.config.filter_subjects).toEqual(def.filterSubjects);
    else expect(first.config.filter_subject).toBe(`${namespace}.evt.chat.>`);

    expect(await ensureConsumer(client.jsm, def, client.features)).toBe('unchanged');
    expect((await client.jsm.consumers.info(def.stream, def.durable)).created).toBe(first.created);

    expect(await ensureConsumer(client.jsm, { ...def, maxDeliver: 7 }, client.features)).toBe('updated');
    expect((await client.jsm.consumers.info(def.stream, def.durable)).config.max_deliver).toBe(7);
  });

  it('rejects a consumer JetStream would refuse (max_deliver <= backoff steps) before calling the server', async () => {
    const { client } = ctx;
    const def = client.namer.consumerDefinition({ ...CONSUMERS.notifier, maxDeliver: 2, backoffMs: [10, 20] });
    await expect(ensureConsumer(client.jsm, def)).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
  });
});

describe('NatsClient', () => {
  it('check() passes while connected and fails clearly once closed', async () => {
    const client = await NatsClient.connect({ url, name: 'check-test' });
    await expect(client.check()).resolves.toBeUndefined();
    await client.drain();
    await client.drain(); // idempotent
    await expect(client.check()).rejects.toMatchObject({ code: 'NOT_CONNECTED', message: 'NATS connection is closed' });
  });

  it('fails to connect with NOT_CONNECTED and a redacted url', async () => {
    await expect(
      NatsClient.connect({ url: 'nats://user:secret@127.0.0.1:1', name: 'x', connectTimeoutMs: 500, firstConnectWithinMs: 0 }),
    ).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: expect.not.stringContaining('secret'),
    });
  });

  it('retries the first connection until the server is reachable (a server starting, a busy machine)', async () => {
    // A port that refuses connections until, 1.5 s later, a TCP relay to the real server listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const target = new URL(url);
    const sockets: Socket[] = [];
    const relay = createServer((client) => {
      const upstream = tcpConnect(Number(target.port || 4222), target.hostname);
      sockets.push(client, upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    const opening = setTimeout(() => relay.listen(port, '127.0.0.1'), 1_500);
    const warnings: string[] = [];
    const logger = { debug: () => {}, info: () => {}, error: () => {}, warn: (_: unknown, msg: string) => void warnings.push(msg) };
    try {
      const client = await NatsClient.connect({
        url: `nats://127.0.0.1:${port}`,
        name: 'retry-test',
        firstConnectWithinMs: 10_000,
        logger,
      });
      await expect(client.check()).resolves.toBeUndefined();
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings.every((m) => m === 'nats connect failed; retrying')).toBe(true);
      await client.drain();
    } finally {
      clearTimeout(opening);
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => (relay.listening ? relay.close(() => resolve()) : resolve()));
    }
  });

  it('gives up after firstConnectWithinMs, naming the attempts', async () => {
    await expect(
      NatsClient.connect({ url: 'nats://127.0.0.1:1', name: 'x', connectTimeoutMs: 500, firstConnectWithinMs: 2_500 }),
    ).rejects.toMatchObject({ code: 'NOT_CONNECTED', message: expect.stringMatching(/\(\d+ attempts\)$/) });
  });
});
