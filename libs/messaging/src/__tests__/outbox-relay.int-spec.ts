import { randomUUID } from 'node:crypto';
import { TenantUpdatedEvent } from '@parley/contracts';
import { ensureStreams } from '../jetstream/ensure';
import { OutboxRelay } from '../outbox/outbox-relay';
import { toOutboxMessage } from '../outbox/outbox-message';
import { natsTestContext, sleep, storedMessages, waitFor, type NatsTestContext } from './nats-test-context';
import { InMemoryOutboxStore } from './in-memory-outbox.store';
import { registerTracePropagation, withActiveSpan } from './trace-test-setup';

const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
jest.setTimeout(30_000);

describe('OutboxRelay', () => {
  let ctx: NatsTestContext;
  let store: InMemoryOutboxStore;
  let relays: OutboxRelay[];
  let unregister: () => void;
  const tenantId = randomUUID();

  beforeAll(() => (unregister = registerTracePropagation()));
  afterAll(() => unregister());
  beforeEach(async () => {
    ctx = await natsTestContext(url);
    store = new InMemoryOutboxStore();
    relays = [];
  });
  afterEach(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await ctx.cleanup();
  });

  const relay = (options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) => {
    const r = new OutboxRelay({ client: ctx.client, store, intervalMs: 50, maxBackoffMs: 200, ...options });
    relays.push(r);
    return r;
  };

  /** What a producer stores in its transaction. */
  const addRow = (id = randomUUID()) => {
    const msg = toOutboxMessage(
      TenantUpdatedEvent,
      { version: 1, tenantId, changedFields: ['name'], occurredAt: new Date().toISOString() },
      tenantId,
    );
    store.add({ id, ...msg });
    return id;
  };

  const streamIds = async () => (await storedMessages(ctx.client.jsm, `${ctx.namespace}_EVENTS`)).map((m) => m.header.get('Nats-Msg-Id'));

  it('publishes pending rows with Nats-Msg-Id = outbox id and the producer trace context, then marks them sent', async () => {
    const { traceId, result } = withActiveSpan(async () => addRow());
    const first = await result;
    const second = addRow();
    expect(await relay().runOnce()).toEqual({ claimed: 2, published: 2, failed: 0 });
    expect(store.pending()).toEqual([]);
    const stored = await storedMessages(ctx.client.jsm, `${ctx.namespace}_EVENTS`);
    expect(stored.map((m) => m.header.get('Nats-Msg-Id'))).toEqual([first, second]);
    expect(stored[0].subject).toBe(`${ctx.namespace}.evt.tenant.updated.${tenantId}`);
    expect(stored[0].header.get('traceparent')).toContain(traceId);
    expect(stored[0].header.get('Parley-Contract')).toBe('evt.tenant.updated');
  });

  it('a crash between publish and markSent re-publishes the same msg id and JetStream keeps one copy', async () => {
    const ids = [addRow(), addRow()];
    store.failMarkSent = 1;
    const r = relay();
    await expect(r.runOnce()).rejects.toThrow('database connection lost');
    expect(store.pending()).toEqual(ids); // still pending: the relay "crashed"

    expect(await r.runOnce()).toEqual({ claimed: 2, published: 2, failed: 0 });
    expect(store.pending()).toEqual([]);
    expect(await streamIds()).toEqual(ids);
    expect((await ctx.client.jsm.streams.info(`${ctx.namespace}_EVENTS`)).state.messages).toBe(2);
  });

  it('loses nothing when stopped and restarted while rows keep arriving', async () => {
    const ids: string[] = [];
    const first = relay();
    first.start();
    for (let i = 0; i < 5; i++) ids.push(addRow());
    await sleep(120);
    for (let i = 0; i < 5; i++) ids.push(addRow());
    await first.stop();
    expect(first.isRunning).toBe(false);
    for (let i = 0; i < 5; i++) ids.push(addRow()); // written while no relay runs

    relay().start();
    await waitFor(() => store.pending().length === 0, 5000, 'outbox drained');
    expect((await streamIds()).sort()).toEqual([...ids].sort());
  });

  it('leaves a row it cannot publish pending, reports it, and still publishes the rest', async () => {
    const good = addRow();
    store.add({ id: randomUUID(), subject: 'nowhere.captured', payload: { version: 1 }, headers: null });
    const outboxFailed = jest.fn();
    const result = await relay({ publishTimeoutMs: 500, metrics: { outboxFailed } }).runOnce();
    expect(result).toEqual({ claimed: 2, published: 1, failed: 1 });
    expect(store.pending()).toHaveLength(1);
    expect(store.failures).toHaveLength(1);
    expect(outboxFailed).toHaveBeenCalledWith(1);
    expect(await streamIds()).toEqual([good]);
  });

  it('backs off while publishing fails and catches up once it succeeds', async () => {
    await ctx.client.jsm.streams.delete(`${ctx.namespace}_EVENTS`);
    const id = addRow();
    let claims = 0;
    const claim = store.claimBatch.bind(store);
    store.claimBatch = (limit) => {
      claims += 1;
      return claim(limit);
    };
    const r = relay({ intervalMs: 20, maxBackoffMs: 400, publishTimeoutMs: 100 });
    r.start();
    await sleep(700);
    // 20 ms polling would mean ~30 claims; exponential backoff makes it a handful
    expect(claims).toBeLessThan(10);
    expect(store.pending()).toEqual([id]);

    await ensureStreams(ctx.client.jsm, ctx.client.namer);
    await waitFor(() => store.pending().length === 0, 5000, 'publish after recovery');
    expect(await streamIds()).toEqual([id]);
  });

  it('wake() publishes at once instead of waiting for the next poll', async () => {
    const r = relay({ intervalMs: 60_000 });
    r.start();
    await sleep(50); // the first (empty) poll ran; the next one is a minute away
    const id = addRow();
    const started = Date.now();
    r.wake();
    await waitFor(() => store.pending().length === 0, 2000, 'woken publish');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await streamIds()).toEqual([id]);
  });
});
