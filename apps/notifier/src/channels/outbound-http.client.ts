import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { NotifierOptions } from '../config/env.schema';
import type { DeliveryResult } from './channel.types';
import { parseRetryAfter } from './retry-after.util';
import {
  bareHostname,
  checkTargetUrl,
  dnsResolver,
  vetHost,
  withDeadline,
  type HostResolver,
  type ResolvedAddress,
} from '@parley/integrations';
import { singleLine, truncate } from './text-limits.util';

export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;
export const USER_AGENT = 'Parley-Notifier/1';

/** How much of an error response is kept for the delivery log (Slack says `invalid_payload` there). */
const ERROR_BODY_BYTES = 512;

export type OutboundHttpOptions = Pick<NotifierOptions, 'allowPrivateTargets' | 'production'> &
  Partial<Pick<NotifierOptions, 'httpTimeoutMs'>>;

/**
 * POSTs JSON to tenant-chosen URLs (webhook, Slack, Discord) behind the SSRF guard, and turns
 * the outcome into a DeliveryResult: 2xx delivered; 408, 429 and 5xx retryable (with
 * Retry-After); other 4xx and 3xx (redirects are never followed) not; network errors and
 * timeouts retryable; refused targets not.
 */
export class OutboundHttpClient {
  private readonly timeoutMs: number;

  constructor(
    private readonly options: OutboundHttpOptions,
    /** Tests may resolve names without DNS; production always uses dns.lookup. */
    private readonly resolve: HostResolver = dnsResolver,
  ) {
    this.timeoutMs = options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  }

  async postJson(rawUrl: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<DeliveryResult> {
    const checked = checkTargetUrl(rawUrl, { allowPrivate: this.options.allowPrivateTargets, production: this.options.production });
    if (!checked.ok) return { ok: false, retryable: false, error: `refused: the URL ${checked.reason}` };
    const deadline = withDeadline(signal, this.timeoutMs);
    try {
      const vetted = await raceAbort(
        vetHost(bareHostname(checked.url), { allowPrivate: this.options.allowPrivateTargets }, this.resolve),
        deadline.signal,
      );
      if (!vetted.ok) return { ok: false, retryable: vetted.retryable, error: vetted.reason };
      const response = await this.request(checked.url, vetted.address, body, headers, deadline.signal);
      return classify(response);
    } catch (err) {
      if (deadline.timedOut()) return { ok: false, retryable: true, error: `timed out after ${this.timeoutMs} ms` };
      if (signal.aborted) return { ok: false, retryable: true, error: 'aborted before the target answered' };
      const e = err as NodeJS.ErrnoException;
      return { ok: false, retryable: true, error: `request failed: ${e.code ?? e.message}` };
    } finally {
      deadline.dispose();
    }
  }

  private request(
    url: URL,
    address: ResolvedAddress,
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<RawResponse> {
    const payload = Buffer.from(body, 'utf8');
    // The socket connects to the address vetted above, whatever DNS answers by then (rebinding).
    const pinned: LookupFunction = (_host, opts, callback) => {
      if (opts.all) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<RawResponse>((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method: 'POST',
          // No keep-alive pool: a pooled socket would outlive the check that vetted its address.
          agent: false,
          lookup: pinned,
          signal,
          headers: { 'user-agent': USER_AGENT, ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = (): void => {
            resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
            req.destroy();
          };
          res.on('data', (chunk: Buffer) => {
            if (size >= ERROR_BODY_BYTES) return;
            chunks.push(chunk.subarray(0, ERROR_BODY_BYTES - size));
            size += chunk.length;
            if (size >= ERROR_BODY_BYTES) done();
          });
          res.on('end', done);
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

interface RawResponse {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function classify({ statusCode, headers, body }: RawResponse): DeliveryResult {
  if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
  const detail = truncate(singleLine(body), 200);
  const error = `HTTP ${statusCode}${detail ? `: ${detail}` : ''}`;
  if (statusCode >= 300 && statusCode < 400)
    return { ok: false, retryable: false, statusCode, error: `HTTP ${statusCode}: redirects are not followed` };
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) {
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    return { ok: false, retryable: true, statusCode, error, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  return { ok: false, retryable: false, statusCode, error };
}

/** dns.lookup cannot be cancelled; stop waiting for it when the send is aborted or times out. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
