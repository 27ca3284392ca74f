import { randomUUID } from 'node:crypto';
import { CONSUMERS, type ConsumerDefinition } from '@parley/contracts';
import type { MessagingConnection } from '../connection/nats-client';
import { watchMaxDeliveries } from '../consuming/max-deliveries-watcher';
import { SubjectNamer } from '../naming/subject-namer';
import { encodeJson } from '../publishing/json-codec';
import type { MessagingLogger } from '../observability/messaging-logger';

// The advisory is a NATS body like any other: decoded with the bounded decodeJson, so a
// hostile or broken advisory is logged and skipped, never a throw or a stack overflow.

const def: ConsumerDefinition = { ...CONSUMERS.notifier, maxDeliver: 4 };

function fakeConnection() {
  let callback: ((err: Error | null, msg: { data: Uint8Array }) => void) | undefined;
  const published: Array<{ subject: string; data: Uint8Array }> = [];
  const getMessage = jest.fn(async (_stream: string, query: { seq: number }) => ({
    seq: query.seq,
    subject: `evt.${randomUUID()}.notify.requested`,
    header: undefined,
    data: encodeJson({ hello: 'world' }),
  }));
  const client = {
    nc: {
      isClosed: () => false,
      subscribe: (_subject: string, options: { callback: typeof callback }) => {
        callback = options.callback;
        return { isClosed: () => false, drain: async () => undefined };
      },
    },
    js: {
      publish: jest.fn(async (subject: string, data: Uint8Array) => {
        published.push({ subject, data });
        return { seq: 1, stream: 'DLQ', duplicate: false };
      }),
    },
    jsm: { streams: { getMessage } },
    namer: new SubjectNamer(null),
    features: {},
  } as unknown as MessagingConnection;
  const deliver = (data: Uint8Array) => callback!(null, { data });
  return { client, deliver, published, getMessage };
}

function recordingLogger(): MessagingLogger & { lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> } {
  const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('watchMaxDeliveries', () => {
  it('dead-letters the stored message an advisory names', async () => {
    const { client, deliver, published, getMessage } = fakeConnection();
    const onDeadLettered = jest.fn();
    const watcher = watchMaxDeliveries(client, def, { onDeadLettered });
    deliver(encodeJson({ type: 'io.nats.jetstream.advisory.v1.max_deliver', stream_seq: 42, deliveries: 4 }));
    await watcher.stop();
    expect(getMessage).toHaveBeenCalledWith(def.stream, { seq: 42 });
    expect(published).toHaveLength(1);
    const letter = JSON.parse(new TextDecoder().decode(published[0].data)) as Record<string, unknown>;
    expect(letter).toMatchObject({ streamSequence: 42, deliveryCount: 4, reason: { kind: 'max_deliver', errorCode: 'TIMEOUT' } });
    expect(onDeadLettered).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['nested 100,000 levels deep', new TextEncoder().encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
    ['not JSON', new TextEncoder().encode('{"stream_seq": 4')],
    ['invalid UTF-8', Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])],
    ['empty', new Uint8Array(0)],
  ])('logs and skips an advisory %s, without throwing', async (_name, data) => {
    const { client, deliver, published, getMessage } = fakeConnection();
    const logger = recordingLogger();
    const watcher = watchMaxDeliveries(client, def, { logger });
    expect(() => deliver(data)).not.toThrow();
    await watcher.stop();
    expect(getMessage).not.toHaveBeenCalled();
    expect(published).toEqual([]);
    expect(logger.lines).toEqual([
      { level: 'warn', obj: { consumer: def.durable, reason: expect.any(String) }, msg: 'max deliveries advisory not readable' },
    ]);
  });

  it.each([null, 7, 'x', [], {}, { stream_seq: '42' }, { stream_seq: -1 }, { stream_seq: 1.5 }, { stream_seq: 2 ** 60 }])(
    'ignores an advisory without a usable stream sequence (%j)',
    async (value) => {
      const { client, deliver, published, getMessage } = fakeConnection();
      const watcher = watchMaxDeliveries(client, def);
      deliver(encodeJson(value));
      await watcher.stop();
      expect(getMessage).not.toHaveBeenCalled();
      expect(published).toEqual([]);
    },
  );

  it('counts the consumer max_deliver when the advisory carries no usable delivery count', async () => {
    const { client, deliver, published } = fakeConnection();
    const watcher = watchMaxDeliveries(client, def);
    deliver(encodeJson({ stream_seq: 9, deliveries: 'many' }));
    await watcher.stop();
    expect(JSON.parse(new TextDecoder().decode(published[0].data))).toMatchObject({ streamSequence: 9, deliveryCount: 4 });
  });
});
