import { createSseParser, parseFrame, reconnectDelayMs } from './sse.parser';

export type SseStatus = 'connecting' | 'live' | 'retrying' | 'stopped';

export interface SseOptions {
  url: string;
  token: () => string | null;
  onFrame: (frame: Record<string, unknown>) => void;
  onStatus?: (status: SseStatus) => void;
  /** The gateway refused the token (401): the stream stops. */
  onUnauthorized: () => void;
  fetchImpl?: typeof fetch;
}

/**
 * Reads a GET Server-Sent Events stream with fetch (bearer token) and reconnects after a drop,
 * 1 s doubling to 30 s. 401 stops it and reports; 403/404 stop it. Returns the stop function.
 */
export function openSse(options: SseOptions): () => void {
  const controller = new AbortController();
  const doFetch = options.fetchImpl ?? fetch;
  let attempt = 0;
  const status = (s: SseStatus) => options.onStatus?.(s);

  async function once(): Promise<'retry' | 'stop'> {
    const token = options.token();
    if (!token) return 'stop';
    status('connecting');
    const response = await doFetch(options.url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
    });
    if (response.status === 401) {
      options.onUnauthorized();
      return 'stop';
    }
    if (response.status === 403 || response.status === 404) return 'stop';
    if (!response.ok || !response.body) return 'retry';
    status('live');
    attempt = 0;
    const feed = createSseParser((data) => {
      const frame = parseFrame(data);
      if (frame) options.onFrame(frame);
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'retry';
      feed(value);
    }
  }

  void (async () => {
    while (!controller.signal.aborted) {
      let outcome: 'retry' | 'stop';
      try {
        outcome = await once();
      } catch {
        outcome = 'retry';
      }
      if (outcome === 'stop' || controller.signal.aborted) break;
      status('retrying');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectDelayMs(attempt++));
        controller.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    status('stopped');
  })();

  return () => controller.abort();
}
