import { randomUUID } from 'node:crypto';
import { ChatSessionClosedEvent } from '@parley/contracts';
import { EventPublisher } from '../publishing/event-publisher';
import { natsTestContext, storedMessages, type NatsTestContext } from './nats-test-context';
import { registerTracePropagation, withActiveSpan } from './trace-test-setup';

const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
jest.setTimeout(30_000);

const closed = (tenantId: string) => ({
  version: 1 as const,
  tenantId,
  sessionId: randomUUID(),
  contactId: null,
  reason: 'client' as const,
  turnCount: 3,
  startedAt: new Date().toISOString(),
  closedAt: new Date().toISOString(),
  occurredAt: new Date().toISOString(),
});

describe('EventPublisher', () => {
  let ctx: NatsTestContext;
  let publisher: EventPublisher;
  let unregister: () => void;
  const tenantId = randomUUID();

  beforeAll(() => (unregister = registerTracePropagation()));
  afterAll(() => unregister());
  beforeEach(async () => {
    ctx = await natsTestContext(url);
    publisher = new EventPublisher(ctx.client);
  });
  afterEach(() => ctx.cleanup());

  it('publishing the same msgId twice in the duplicate window stores one message', async () => {
    const msgId = randomUUID();
    const payload = closed(tenantId);
    const first = await publisher.publish(ChatSessionClosedEvent, payload, { msgId, tenantId });
    const second = await publisher.publish(ChatSessionClosedEvent, payload, { msgId, tenantId });
    expect(first).toMatchObject({ stream: `${ctx.namespace}_EVENTS`, duplicate: false });
    expect(second).toMatchObject({ seq: first.seq, duplicate: true });

    const stored = await storedMessages(ctx.client.jsm, `${ctx.namespace}_EVENTS`);
    expect(stored).toHaveLength(1);
    expect(stored[0].subject).toBe(`${ctx.namespace}.evt.chat.session_closed.${tenantId}`);
    expect(stored[0].header.get('Nats-Msg-Id')).toBe(msgId);
    expect(stored[0].header.get('Parley-Contract')).toBe('evt.chat.session_closed');
    expect(stored[0].json()).toEqual(payload);
  });

  it('injects the active W3C trace context into the message headers', async () => {
    const { traceId, result } = withActiveSpan(() =>
      publisher.publish(ChatSessionClosedEvent, closed(tenantId), { msgId: randomUUID(), tenantId }),
    );
    await result;
    const [stored] = await storedMessages(ctx.client.jsm, `${ctx.namespace}_EVENTS`);
    expect(stored.header.get('traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it.each<[string, () => Promise<unknown>, string]>([
    [
      'an invalid payload',
      () => publisher.publish(ChatSessionClosedEvent, { ...closed(tenantId), turnCount: -1 }, { msgId: randomUUID(), tenantId }),
      'INVALID_PAYLOAD',
    ],
    [
      'another tenant in the payload',
      () => publisher.publish(ChatSessionClosedEvent, closed(randomUUID()), { msgId: randomUUID(), tenantId }),
      'TENANT_MISMATCH',
    ],
    [
      'a non-uuid tenant',
      () => publisher.publish(ChatSessionClosedEvent, closed(tenantId), { msgId: randomUUID(), tenantId: '*' }),
      'INVALID_NAME',
    ],
  ])('rejects %s and publishes nothing', async (_label, act, code) => {
    await expect(act()).rejects.toMatchObject({ name: 'MessagingError', code });
    expect((await ctx.client.jsm.streams.info(`${ctx.namespace}_EVENTS`)).state.messages).toBe(0);
  });

  it('fails with PUBLISH_FAILED when no stream captures the subject', async () => {
    await ctx.client.jsm.streams.delete(`${ctx.namespace}_EVENTS`);
    await expect(
      publisher.publish(ChatSessionClosedEvent, closed(tenantId), { msgId: randomUUID(), tenantId, timeoutMs: 500 }),
    ).rejects.toMatchObject({
      code: 'PUBLISH_FAILED',
    });
  });
});
