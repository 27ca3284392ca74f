import { openSse, type SseStatus } from '../api/sse.client';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

/** Runs openSse against scripted answers until it stops; returns what it saw. */
function run(answers: Array<() => Response>, token: string | null = 'tok') {
  const requests: Array<{ url: string; authorization: string | null }> = [];
  const frames: Array<Record<string, unknown>> = [];
  const statuses: SseStatus[] = [];
  let unauthorized = 0;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = openSse({
      url: '/api/v1/notifications/stream',
      token: () => token,
      onFrame: (frame) => frames.push(frame),
      onUnauthorized: () => unauthorized++,
      onStatus: (status) => {
        statuses.push(status);
        if (status === 'stopped') resolve();
      },
      fetchImpl: (async (url: string, init: RequestInit) => {
        requests.push({ url, authorization: new Headers(init.headers).get('authorization') });
        const next = answers.shift();
        if (!next) throw new Error('no more answers');
        return next();
      }) as typeof fetch,
    });
  });
  return { stopped, stop: () => stop(), requests, frames, statuses, unauthorized: () => unauthorized };
}

describe('the SSE client', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads frames with the bearer token, reconnects after the stream ends, stops on 401 and says so', async () => {
    const seen = run([
      () =>
        new Response(
          streamOf([': ping\n\ndata: {"type":"unread","count":2}\n', '\ndata: {"type":"notification","notification":{"id":"n1"}}\n\n']),
          { status: 200 },
        ),
      () => new Response('{"title":"Unauthorized"}', { status: 401 }),
    ]);
    await jest.advanceTimersByTimeAsync(1000); // the first reconnect waits 1 s
    await seen.stopped;
    expect(seen.requests).toEqual([
      { url: '/api/v1/notifications/stream', authorization: 'Bearer tok' },
      { url: '/api/v1/notifications/stream', authorization: 'Bearer tok' },
    ]);
    expect(seen.frames).toEqual([
      { type: 'unread', count: 2 },
      { type: 'notification', notification: { id: 'n1' } },
    ]);
    expect(seen.unauthorized()).toBe(1);
    expect(seen.statuses).toEqual(['connecting', 'live', 'retrying', 'connecting', 'stopped']);
  });

  it('retries a failed connection and a 503, and stops for good on 403', async () => {
    const seen = run([
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => new Response('', { status: 503 }),
      () => new Response('', { status: 403 }),
    ]);
    await jest.advanceTimersByTimeAsync(1000 + 2000);
    await seen.stopped;
    expect(seen.requests).toHaveLength(3);
    expect(seen.unauthorized()).toBe(0);
  });

  it('does not connect without a token, and stop() ends a waiting reconnect', async () => {
    const none = run([], null);
    await none.stopped;
    expect(none.requests).toEqual([]);

    const waiting = run([() => new Response('', { status: 500 })]);
    await jest.advanceTimersByTimeAsync(0);
    waiting.stop();
    await waiting.stopped;
    expect(waiting.requests).toHaveLength(1);
  });
});
