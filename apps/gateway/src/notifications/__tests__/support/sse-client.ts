import { get, type IncomingHttpHeaders } from 'node:http';
import type { SseEvent } from '../../../chat/__tests__/support/sse-reader';

// An SSE client on node:http with a connection of its own (agent: false), closed by destroy():
// fetch (undici) may keep or reopen pooled sockets after a body is cancelled, and a socket the
// server never saw a request on keeps app.close() waiting.

export interface SseStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every event so far. */
  events: SseEvent[];
  /** Resolves with the events once `done(events)` is true or the stream ended; rejects after `timeoutMs`. */
  until(done: (events: SseEvent[]) => boolean, timeoutMs?: number): Promise<SseEvent[]>;
  /** Resolves once the server ended the stream. */
  ended(timeoutMs?: number): Promise<SseEvent[]>;
  /** The client goes away. */
  close(): void;
}

function parse(block: string): SseEvent[] {
  return block
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line): SseEvent => {
      if (line.startsWith(':')) return { kind: 'comment', text: line.slice(1).trim() };
      if (!line.startsWith('data: ')) throw new Error(`unexpected SSE line: ${line}`);
      const raw = line.slice('data: '.length);
      return { kind: 'data', raw, value: JSON.parse(raw) };
    });
}

export function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { ...headers, accept: 'text/event-stream' }, agent: false }, (response) => {
      const events: SseEvent[] = [];
      const wake = new Set<() => void>();
      let buffer = '';
      let finished = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          events.push(...parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        for (const notify of [...wake]) notify();
      });
      const finish = () => {
        finished = true;
        for (const notify of [...wake]) notify();
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
      const until = (done: (events: SseEvent[]) => boolean, timeoutMs = 10_000) =>
        new Promise<SseEvent[]>((resolveWait, rejectWait) => {
          const check = () => {
            if (!finished && !done(events)) return;
            wake.delete(check);
            clearTimeout(timer);
            resolveWait(events);
          };
          const timer = setTimeout(() => {
            wake.delete(check);
            rejectWait(new Error(`SSE condition not met within ${timeoutMs} ms; events: ${JSON.stringify(events)}`));
          }, timeoutMs);
          wake.add(check);
          check();
        });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        until,
        ended: (timeoutMs) => until(() => false, timeoutMs),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}
