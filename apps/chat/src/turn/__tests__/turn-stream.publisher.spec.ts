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
  function batchOf(closed = false) {
    const sent: string[] = [];
    const writes: number[] = [];
    let inCallback = 0;
    const nc = {
      isClosed: () => closed,
      publish: (subject: string, data: Uint8Array) => {
        sent.push(`${subject}:${new TextDecoder().decode(data)}`);
        inCallback += 1;
      },
    };
    const batch = new FrameBatch(nc as never);
    const endOfTurn = () => {
      if (inCallback > 0) writes.push(inCallback);
      inCallback = 0;
    };
    return { batch, sent, writes, endOfTurn };
  }
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('publishes the frames queued in one event-loop turn together, in order, turn after turn', () => {
    const { batch, sent, writes, endOfTurn } = batchOf();
    batch.later('t1', bytes('a'));
    batch.later('t2', bytes('x'));
    batch.later('t1', bytes('b'));
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(0);
    endOfTurn();
    expect(sent).toEqual(['t1:a', 't2:x', 't1:b']);
    batch.later('t2', bytes('y'));
    jest.advanceTimersByTime(0);
    endOfTurn();
    expect(sent).toEqual(['t1:a', 't2:x', 't1:b', 't2:y']);
    expect(writes).toEqual([3, 1]);
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
