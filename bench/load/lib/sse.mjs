// The small SSE clients of the load driver: one streamed chat turn (POST, read to the end), and
// a long-lived GET stream held open on its own socket (the notifications inbox stream).
import { request } from 'node:http';

/**
 * POSTs a chat turn with `Accept: text/event-stream` and reads it to the end. Resolves
 * { ttft, total } (ms) on a `done` frame; rejects with a short reason otherwise: `status 503`,
 * `error frame`, `no done frame`, or the socket error's code.
 */
export async function chatTurn(url, headers, body) {
  const t0 = performance.now();
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new Error(error.cause?.code ?? error.code ?? 'fetch failed');
  }
  if (res.status !== 200) {
    await res.text().catch(() => undefined);
    throw new Error(`status ${res.status}`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ttft = NaN;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (Number.isNaN(ttft) && text.includes('"type":"token"')) ttft = performance.now() - t0;
    }
  } catch (error) {
    throw new Error(error.cause?.code ?? error.code ?? 'stream reset');
  }
  if (text.includes('"type":"error"')) throw new Error('error frame');
  if (!text.includes('"type":"done"')) throw new Error('no done frame');
  return { ttft, total: performance.now() - t0 };
}

/**
 * Opens a GET SSE stream on a socket of its own and holds it. `onOpen(ms)` fires on the first
 * `data:` frame, `onFrame(text)` for every chunk after that, `onEnd(reason)` once when the
 * stream ends other than by `close()` (status, reset, server end). Returns { close }.
 */
export function holdStream(url, headers, { onOpen, onFrame, onEnd }) {
  const t0 = performance.now();
  let opened = false;
  let closed = false;
  const end = (reason) => {
    if (closed) return;
    closed = true;
    onEnd(reason);
  };
  const req = request(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      end(`status ${res.statusCode}`);
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      if (!opened && chunk.includes('data:')) {
        opened = true;
        onOpen(performance.now() - t0);
      } else if (opened) onFrame(chunk);
    });
    res.on('end', () => end('server ended the stream'));
    res.on('error', (error) => end(error.code ?? 'stream error'));
  });
  req.on('error', (error) => end(error.code ?? 'request error'));
  req.end();
  return {
    close() {
      closed = true;
      req.destroy();
    },
  };
}
