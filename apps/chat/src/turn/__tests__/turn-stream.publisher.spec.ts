import { decodeJson, type MessagingConnection } from '@parley/messaging';
import { FrameBatch, NatsTurnStream } from '../turn-stream.publisher';

const usage = { inputTokens: 1, outputTokens: 2, provider: 'p', model: 'm', latencyMs: 3 };
const TURN = '7a1b2c3d-1111-4222-8333-444455556666';

function publisher(coalescing = { flushMs: 10, maxChars: 1024 }) {
  const published: Record<string, unknown>[] = [];
  const client = {
    namer: { subject: (s: string) => s },
    nc: {
      isClosed: () => false,
      publish: (_subject: string, data: Uint8Array) => {
        const decoded = decodeJson(data);
        if (decoded.ok) published.push(decoded.value as Record<string, unknown>);
      },
    },
  } as unknown as MessagingConnection;
  const firstToken = jest.fn();
  const batch = new FrameBatch(client.nc);
  // batch.flush() stands for the end of the event-loop turn (its setImmediate).
  return { stream: new NatsTurnStream(client, TURN, firstToken, coalescing, batch), published, firstToken, batch };
}

const tokens = (published: Record<string, unknown>[]) => published.filter((f) => f.type === 'token').map((f) => f.content);

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('NatsTurnStream token coalescing', () => {
  it('publishes the first token at once, gathers the next ones for flushMs, and keeps seq contiguous', () => {
    const { stream, published, firstToken, batch } = publisher();
    stream.signal([{ kind: 'urgency', label: 'high', score: 0.9 }] as never);
    stream.token('Hel');
    expect(tokens(published)).toEqual(['Hel']);
    expect(firstToken).toHaveBeenCalledTimes(1);
    stream.token('lo');
    stream.token(', ');
    stream.token('world');
    expect(tokens(published)).toEqual(['Hel']);
    jest.advanceTimersByTime(9);
    expect(tokens(published)).toEqual(['Hel']);
    jest.advanceTimersByTime(1);
    expect(tokens(published)).toEqual(['Hel']);
    batch.flush(); // the gathered frame goes out with the rest of that event-loop turn's frames
    expect(tokens(published)).toEqual(['Hel', 'lo, world']);
    stream.token('!');
    stream.done('5d3f2b1a-1111-4222-8333-444455556666', usage);
    expect(published.map((f) => f.type)).toEqual(['signal', 'token', 'token', 'token', 'done']);
    expect(tokens(published).join('')).toBe('Hello, world!');
    expect(published.map((f) => f.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(firstToken).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(100);
    expect(published).toHaveLength(5);
  });

  it('flushes at maxChars, and before an action or an error frame, so the order is kept', () => {
    const { stream, published, batch } = publisher({ flushMs: 1000, maxChars: 5 });
    stream.token('a');
    stream.token('bc');
    stream.token('def');
    // Full at maxChars: queued for this event-loop turn's write, not waiting for flushMs.
    expect(tokens(published)).toEqual(['a']);
    batch.flush();
    expect(tokens(published)).toEqual(['a', 'bcdef']);
    stream.token('g');
    stream.action({ type: 'callback_request' } as never);
    stream.token('h');
    stream.error({ code: 'UPSTREAM_ERROR', message: 'gone' });
    stream.token('late');
    jest.advanceTimersByTime(2000);
    expect(published.map((f) => (f.type === 'token' ? `token:${String(f.content)}` : f.type))).toEqual([
      'token:a',
      'token:bcdef',
      'token:g',
      'action',
      'token:h',
      'error',
    ]);
  });

  it('flushMs 0 publishes every token as its own frame', () => {
    const { stream, published, batch } = publisher({ flushMs: 0, maxChars: 1024 });
    for (const t of ['a', 'b', 'c']) stream.token(t);
    batch.flush();
    expect(tokens(published)).toEqual(['a', 'b', 'c']);
  });

  it('sends the gathered tokens when the text ends, without waiting for flushMs, and the last of them before done', () => {
    const { stream, published, batch } = publisher({ flushMs: 1000, maxChars: 1024 });
    stream.token('One');
    stream.token(' two');
    stream.token(' three');
    stream.textEnded();
    expect(tokens(published)).toEqual(['One']);
    batch.flush();
    expect(tokens(published)).toEqual(['One', ' two three']);
    stream.token('.');
    stream.done('5d3f2b1a-1111-4222-8333-444455556666', usage);
    expect(published.map((f) => (f.type === 'token' ? `token:${String(f.content)}` : f.type))).toEqual([
      'token:One',
      'token: two three',
      'token:.',
      'done',
    ]);
    expect(published.map((f) => f.seq)).toEqual([0, 1, 2, 3]);
  });
});

describe('FrameBatch', () => {
  /**
   * A connection shaped like nats.js' (nats-core ProtocolHandler.sendCommand / flushPending): a
   * publish appends to the outbound buffer, and the first publish into an empty buffer schedules
   * one socket write of the whole buffer in a microtask. `socketWrites` holds what each write carried.
   */
  function batchOf(closed = false) {
    const sent: string[] = [];
    const socketWrites: string[][] = [];
    let outbound: string[] = [];
    const flushPending = () => {
      if (outbound.length > 0) socketWrites.push(outbound);
      outbound = [];
    };
    const nc = {
      isClosed: () => closed,
      publish: (subject: string, data: Uint8Array) => {
        const frame = `${subject}:${new TextDecoder().decode(data)}`;
        sent.push(frame);
        if (outbound.length === 0) queueMicrotask(flushPending);
        outbound.push(frame);
      },
    };
    return { batch: new FrameBatch(nc as never), sent, socketWrites };
  }
  const bytes = (text: string) => new TextEncoder().encode(text);
  /** Resolves after the callbacks of the event-loop turn's check phase queued before it, and their microtasks. */
  const nextImmediate = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('frames queued from separate callbacks of one event-loop turn go out in one socket write, in order, turn after turn', async () => {
    jest.useRealTimers();
    const { batch, socketWrites } = batchOf();
    // Three callbacks of the same timers phase (two turns' coalescing timers and a signal frame):
    // published directly, each would be a socket write of its own.
    await new Promise<void>((resolve) => {
      setTimeout(() => batch.later('t1', bytes('a')), 0);
      setTimeout(() => batch.later('t2', bytes('x')), 0);
      setTimeout(() => {
        batch.later('t1', bytes('b'));
        resolve();
      }, 0);
    });
    expect(socketWrites).toEqual([]);
    await nextImmediate();
    expect(socketWrites).toEqual([['t1:a', 't2:x', 't1:b']]);
    batch.later('t2', bytes('y'));
    await nextImmediate();
    expect(socketWrites).toEqual([['t1:a', 't2:x', 't1:b'], ['t2:y']]);
  });

  it('a now frame goes out in the same socket write as the frames queued before it, after them', async () => {
    jest.useRealTimers();
    const { batch, socketWrites } = batchOf();
    batch.later('t1', bytes('token'));
    batch.later('t2', bytes('token'));
    batch.now('t1', bytes('done'));
    await Promise.resolve();
    expect(socketWrites).toEqual([['t1:token', 't2:token', 't1:done']]);
    await nextImmediate();
    expect(socketWrites).toHaveLength(1);
  });

  it('publishes a now frame at once, after the frames queued before it', () => {
    const { batch, sent } = batchOf();
    batch.later('t1', bytes('token'));
    batch.now('t1', bytes('done'));
    expect(sent).toEqual(['t1:token', 't1:done']);
    jest.advanceTimersByTime(0);
    expect(sent).toEqual(['t1:token', 't1:done']);
  });

  it('publishes nothing on a closed connection', () => {
    const { batch, sent } = batchOf(true);
    batch.later('t1', bytes('a'));
    batch.now('t1', bytes('b'));
    jest.advanceTimersByTime(0);
    expect(sent).toEqual([]);
  });
});
