import { pipeline, type Readable } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, interceptors } from 'undici';

/**
 * The part of `fetch`'s Response the OpenAI SDK reads: status, headers, and the body as an async
 * iterable of bytes (the SDK's SSE reader iterates any async iterable; `getReader` is not needed).
 */
export interface UndiciFetchResponse {
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
export type UndiciFetchHeaders = Headers | Record<string, string> | ReadonlyArray<readonly [string, string]>;

export interface UndiciFetchInit {
  method?: string;
  headers?: UndiciFetchHeaders;
  body?: unknown;
  signal?: AbortSignal | null;
}

/** The fetch signature the OpenAI SDK's `fetch` option takes (the part of the global's it uses). */
export type UndiciFetch = (url: string | URL, init?: UndiciFetchInit) => Promise<UndiciFetchResponse>;

/** How long a body the reader stopped early (the SDK stops at `[DONE]`) may take to end before its socket is closed (default). */
const DRAIN_MS = 2_000;
/** fetch's limit on redirects followed. */
const MAX_REDIRECTIONS = 20;
/** What the body decoder below decodes, as fetch asks for (zstd left out: node:zlib on Node 20 lacks it). */
const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * A decoder for a body's `content-encoding`, flushing as data comes (as fetch's own does, so a
 * streamed answer's events are not held back), or none for an identity or unknown encoding.
 * node:zlib rather than undici's decompress interceptor, which prints an ExperimentalWarning on
 * stderr in every process that uses it (undici 7.30).
 */
function decoderFor(encoding: string | string[] | undefined): (Readable & NodeJS.WritableStream) | undefined {
  const flush = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  switch ((Array.isArray(encoding) ? encoding.at(-1) : encoding)?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(flush);
    case 'deflate':
      return createInflate(flush);
    case 'br':
      return createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH });
    default:
      return undefined;
  }
}

/** An AbortError as `fetch` rejects with it (the SDK tells an abort from a connection failure by its name). */
function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error && signal.reason.name === 'AbortError'
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

function headerRecord(headers: UndiciFetchHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) headers.forEach((value, name) => (out[name] = value));
  else if (Array.isArray(headers))
    for (const [name, value] of headers as ReadonlyArray<readonly [string, string]>) out[name.toLowerCase()] = value;
  else if (headers !== undefined) for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/**
 * A `fetch` for the OpenAI SDK (`ClientOptions.fetch`) over undici's `Agent.request` instead of the
 * global fetch: the same HTTP client (undici's keep-alive pool, which closes an idle socket after
 * 4 s or the server's `Keep-Alive: timeout` hint less 2 s; idle sockets do not keep the process
 * alive), without fetch's web streams, which cost ~0.4-1.2 ms of CPU per streamed call (see
 * docs/benchmarks.md, seventh pass). Redirects are followed as fetch does (undici's redirect
 * interceptor, at most 20) and gzip/deflate/br bodies decoded (node:zlib, error bodies too).
 * Aborting `signal` rejects a pending call with an AbortError and fails a body being read;
 * connection failures reject with undici's error, whose `code` (ECONNREFUSED, UND_ERR_SOCKET) the
 * router classifies. A reader stopping early (the SDK at `[DONE]`) lets the rest of the body be
 * read for up to `drainMs`, so the socket is reused, then it is closed. undici is invisible to the
 * services' telemetry (no undici instrumentation): no span and no trace headers to the provider.
 */
export function createUndiciFetch(options: { drainMs?: number } = {}): UndiciFetch {
  const drainMs = options.drainMs ?? DRAIN_MS;
  const dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }));

  return async (input, init = {}) => {
    const url = typeof input === 'string' ? new URL(input) : input;
    const { signal } = init;
    if (signal?.aborted) throw abortError(signal);
    const { body } = init;
    if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array))
      throw new TypeError('createUndiciFetch sends string or byte bodies only');
    const headers = headerRecord(init.headers);
    headers['accept-encoding'] ??= ACCEPT_ENCODING;
    let response;
    try {
      response = await dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: (init.method ?? 'GET') as 'GET',
        headers,
        body: (body ?? null) as string | Uint8Array | null,
        signal: signal ?? undefined,
      });
    } catch (err) {
      throw signal?.aborted ? abortError(signal) : err;
    }
    const raw = response.body as typeof response.body & Readable;
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) responseHeaders.append(name, one);
    const failed = (err: unknown) => (signal?.aborted ? abortError(signal) : err);
    // A compressed body (error bodies too: the SDK reads their JSON) is read through its decoder.
    const decoder = decoderFor(response.headers['content-encoding']);
    const readable: Readable = decoder === undefined ? raw : pipeline(raw, decoder, () => undefined);
    // One iterator that does not destroy the body on return(): the rest is dumped instead (below).
    let iterator: AsyncIterator<Uint8Array> | undefined;
    let used = false;
    const iterate = () => {
      used = true;
      return (iterator ??= readable.iterator({ destroyOnReturn: false }) as AsyncIterator<Uint8Array>);
    };
    const bodyIterator: AsyncIterableIterator<Uint8Array> = {
      [Symbol.asyncIterator]: () => bodyIterator,
      next: () =>
        iterate()
          .next()
          .catch((err: unknown) => Promise.reject(failed(err))),
      return: async () => {
        await iterate().return?.();
        if (decoder !== undefined) readable.destroy();
        else if (!raw.readableEnded)
          raw.dump({ signal: AbortSignal.timeout(drainMs), limit: Number.MAX_SAFE_INTEGER }).catch(() => undefined);
        return { value: undefined, done: true };
      },
    };
    const whole = async (): Promise<Buffer> => {
      used = true;
      return Buffer.concat((await readable.toArray()) as Uint8Array[]);
    };
    const status = response.statusCode;
    const read = <T>(promise: Promise<T>) => promise.catch((err: unknown) => Promise.reject(failed(err)));
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: '',
      url: url.toString(),
      headers: responseHeaders,
      body: bodyIterator,
      get bodyUsed() {
        return used || raw.bodyUsed;
      },
      text: () => read(decoder === undefined ? raw.text() : whole().then((b) => b.toString('utf8'))),
      json: () => read(decoder === undefined ? raw.json() : whole().then((b) => JSON.parse(b.toString('utf8')) as unknown)),
      arrayBuffer: () => read(decoder === undefined ? raw.arrayBuffer() : whole().then((b) => new Uint8Array(b).buffer as ArrayBuffer)),
    };
  };
}
