import { decodeJson, type MessagingConnection } from '@parley/messaging';
import { NatsTurnStream } from '../turn-stream.publisher';

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
  return { stream: new NatsTurnStream(client, TURN, firstToken, coalescing), published, firstToken };
}

const tokens = (published: Record<string, unknown>[]) => published.filter((f) => f.type === 'token').map((f) => f.content);

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('NatsTurnStream token coalescing', () => {
  it('publishes the first token at once, gathers the next ones for flushMs, and keeps seq contiguous', () => {
    const { stream, published, firstToken } = publisher();
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
    const { stream, published } = publisher({ flushMs: 1000, maxChars: 5 });
    stream.token('a');
    stream.token('bc');
    stream.token('def');
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
    const { stream, published } = publisher({ flushMs: 0, maxChars: 1024 });
    for (const t of ['a', 'b', 'c']) stream.token(t);
    expect(tokens(published)).toEqual(['a', 'b', 'c']);
  });
});
