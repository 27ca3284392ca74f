import { Agent as HttpAgent, ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { urlToHttpOptions } from 'node:url';

/**
 * The part of `fetch`'s Response the OpenAI SDK reads: status, headers, and the body as an async
 * iterable of bytes (the SDK's SSE reader iterates any async iterable; `getReader` is not needed).
 */
export interface NodeHttpResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: AsyncIterable<Uint8Array>;
  readonly bodyUsed: boolean;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Headers as the SDK passes them (a Headers object) or as a record or pairs. */
export type NodeHttpHeaders = Headers | Record<string, string> | ReadonlyArray<readonly [string, string]>;

export interface NodeHttpFetchInit {
  method?: string;
  headers?: NodeHttpHeaders;
  body?: unknown;
  signal?: AbortSignal | null;
}

/** The fetch signature the OpenAI SDK's `fetch` option takes (the part of the global's it uses). */
export type NodeHttpFetch = (url: string | URL, init?: NodeHttpFetchInit) => Promise<NodeHttpResponse>;

/** How long a body the reader stopped early (the SDK stops at `[DONE]`) may take to end before its socket is closed (default). */
const DRAIN_MS = 2_000;
/**
 * How long an idle keep-alive socket is kept (default), as undici's keepAliveTimeout (4 s). With no
 * agent timeout node keeps a free socket until the server closes it and ignores the server's
 * `Keep-Alive: timeout=N` hint, so a request sent as the server closes an idle socket (uvicorn's
 * and node's 5 s) fails with ECONNRESET; with one, node uses the lower of it and the hint less 1 s.
 * It applies to idle sockets only: a body with longer gaps between its chunks is not cut.
 */
const IDLE_MS = 4_000;
/** Buffers kept unread before the socket is paused. */
const HIGH_WATER = 64;

/** An AbortError as `fetch` rejects with it (the SDK tells an abort from a connection failure by its name). */
function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error && signal.reason.name === 'AbortError'
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

function headerRecord(headers: NodeHttpHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => (out[name] = value));
  else if (isPairs(headers)) for (const [name, value] of headers) out[name.toLowerCase()] = value;
  else for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function isPairs(headers: NodeHttpHeaders): headers is ReadonlyArray<readonly [string, string]> {
  return Array.isArray(headers);
}

function responseHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  return headers;
}

/**
 * The response body as an async iterable: one `data` listener and a queue, so a chunk costs one
 * promise when the reader waits and none when it was already there. Stopping early (`return()`)
 * before the body ended lets a body that has nothing left but its end finish in the background,
 * so the keep-alive socket is reused; one still running after DRAIN_MS (or any body after an
 * abort) is destroyed, which closes its socket.
 */
class BodyReader implements AsyncIterator<Uint8Array>, AsyncIterable<Uint8Array> {
  private readonly queue: Buffer[] = [];
  private ended = false;
  private failure: Error | undefined;
  private waiting: { resolve: (r: IteratorResult<Uint8Array>) => void; reject: (e: unknown) => void } | undefined;

  constructor(
    private readonly message: IncomingMessage,
    private readonly drainMs: number,
  ) {
    message.on('data', (chunk: Buffer) => {
      if (this.ended) return; // draining after return(), or failed
      if (this.waiting) {
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve({ value: chunk, done: false });
        return;
      }
      this.queue.push(chunk);
      if (this.queue.length >= HIGH_WATER) message.pause();
    });
    message.once('end', () => this.finish(undefined));
    // Also what an unread body's error would otherwise throw from.
    message.on('error', (err) => this.finish(err));
    message.once('close', () => {
      if (!message.complete) this.finish(new Error('the response body was cut off', { cause: message.errored ?? undefined }));
    });
  }

  private finish(err: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = err;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting === undefined) return;
    if (err) waiting.reject(err);
    else waiting.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this;
  }

  next(): Promise<IteratorResult<Uint8Array>> {
    const chunk = this.queue.shift();
    if (chunk !== undefined) {
      if (this.queue.length === 0 && this.message.isPaused() && !this.ended) this.message.resume();
      return Promise.resolve({ value: chunk, done: false });
    }
    if (this.ended) return this.failure ? Promise.reject(this.failure) : Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<Uint8Array>> {
    this.queue.length = 0;
    if (!this.ended) {
      this.ended = true;
      const { message } = this;
      if (message.complete) message.resume();
      else {
        const timer = setTimeout(() => message.destroy(), this.drainMs);
        timer.unref();
        message.once('close', () => clearTimeout(timer));
        message.resume();
      }
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  /** The request was aborted: a waiting or later read fails with `error`, and the body is destroyed. */
  abort(error: Error): void {
    this.queue.length = 0;
    this.finish(error);
    this.message.destroy();
  }

  async readAll(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let r = await this.next(); !r.done; r = await this.next()) parts.push(r.value as Buffer);
    return Buffer.concat(parts);
  }
}

/**
 * A `fetch` for the OpenAI SDK (`ClientOptions.fetch`) over node:http/https with keep-alive agents
 * of its own. The global fetch (undici) reads a streamed body through web streams: per SSE read
 * its fetch controller, a byte-stream controller, a reader promise and their async hooks; here the
 * socket's buffers reach the SDK through one listener and a queue (BodyReader). Same contract
 * otherwise: the SDK's method, headers and string body; aborting `signal` destroys the request (a
 * pending fetch rejects with an AbortError, a body being read fails); connection failures reject
 * with node's error, whose `code` (ECONNREFUSED, ECONNRESET) the router classifies. The request is
 * a plain ClientRequest, as undici's fetch was invisible to the services' http instrumentation:
 * no span and no trace headers to the provider. Bodies other than a string or bytes (the SDK sends
 * JSON text for chat completions) are refused rather than sent wrong.
 */
export function createNodeHttpFetch(options: { maxSockets?: number; drainMs?: number; idleMs?: number } = {}): NodeHttpFetch {
  const drainMs = options.drainMs ?? DRAIN_MS;
  const agentOptions = {
    keepAlive: true,
    timeout: options.idleMs ?? IDLE_MS,
    maxSockets: options.maxSockets ?? Infinity,
    scheduling: 'lifo' as const,
  };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  return (input, init = {}) =>
    new Promise<NodeHttpResponse>((resolve, reject) => {
      const url = typeof input === 'string' ? new URL(input) : input;
      const { signal } = init;
      if (signal?.aborted) return reject(abortError(signal));
      const body = init.body;
      if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array))
        return reject(new TypeError('createNodeHttpFetch sends string or byte bodies only'));
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject(new TypeError(`unsupported protocol ${url.protocol}`));
      const headers = headerRecord(init.headers);
      if (body !== undefined && body !== null) headers['content-length'] = String(Buffer.byteLength(body as string | Uint8Array));
      const request = new ClientRequest({
        ...urlToHttpOptions(url),
        method: init.method ?? 'GET',
        headers,
        agent: url.protocol === 'https:' ? https : http,
      });
      let reader: BodyReader | undefined;
      const onAbort = () => {
        const error = abortError(signal as AbortSignal);
        reader?.abort(error);
        request.destroy(error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settled = () => signal?.removeEventListener('abort', onAbort);
      // `on`, not `once`: a socket may fail again after its first error, and an unheard error event throws.
      request.on('error', (err) => {
        settled();
        reject(signal?.aborted ? abortError(signal) : err);
      });
      request.once('response', (message) => {
        // Once the body is over (read, destroyed or failed) the signal no longer needs this listener.
        message.once('close', settled);
        const body = new BodyReader(message, drainMs);
        reader = body;
        let used = false;
        const consume = () => {
          used = true;
          return body.readAll();
        };
        const status = message.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText: message.statusMessage ?? '',
          url: url.toString(),
          headers: responseHeaders(message),
          body,
          get bodyUsed() {
            return used;
          },
          text: async () => (await consume()).toString('utf8'),
          json: async () => JSON.parse((await consume()).toString('utf8')) as unknown,
          arrayBuffer: async () => {
            const bytes = await consume();
            return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
          },
        });
      });
      request.end(body ?? undefined);
    });
}
