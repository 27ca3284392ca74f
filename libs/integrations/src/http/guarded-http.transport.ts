import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { IntegrationDefinition } from '@parley/contracts';
import { IntegrationCallError, type HttpRequest, type HttpResponse, type HttpTransport } from '../connector.types';
import { oauth2ClientCredentials, secretDigest, staticAuthHeaders } from './auth-headers.util';
import { withDeadline, type Deadline } from './deadline.util';
import { OAuth2TokenCache, tokenResponseSchema, type TokenResponse } from './oauth2-token.cache';
import { bareHostname, checkTargetUrl, dnsResolver, vetHost, type HostResolver, type ResolvedAddress } from './target-url.guard';

export const USER_AGENT = 'Parley-Integrations/1';
/** No tool call waits longer than this for the tenant's system, whatever the endpoint says. */
export const MAX_CALL_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export interface GuardedHttpOptions {
  /** Private, loopback and link-local targets: tests and the local demo only. Default false. */
  allowPrivateTargets?: boolean;
  /** The largest answer read (default 2 MB); a larger one fails the call. */
  maxResponseBytes?: number;
  /** Tests may resolve names without DNS; production uses dns.lookup. */
  resolve?: HostResolver;
  /** Shared OAuth2 token cache (one per process is enough). */
  tokens?: OAuth2TokenCache;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The HttpTransport of every HTTP connector (REST, Shopify, WooCommerce). Each request goes
 * through the SSRF guard (the URL, then every address its host resolves to; the socket connects
 * to the vetted address, so a DNS answer that changes in between is not followed), never follows
 * a redirect, uses no pooled socket, reads at most `maxResponseBytes`, and stops at the request's
 * timeout (at most 5 s). The integration's auth is added here, and only to requests for the
 * integration's own origin; an OAuth2 token is fetched, cached until shortly before it expires,
 * and fetched again once when the system answers 401. No error message carries a secret.
 */
export class GuardedHttpTransport implements HttpTransport {
  private readonly allowPrivate: boolean;
  private readonly maxBytes: number;
  private readonly resolve: HostResolver;
  private readonly tokens: OAuth2TokenCache;

  constructor(options: GuardedHttpOptions = {}) {
    this.allowPrivate = options.allowPrivateTargets ?? false;
    this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.resolve = options.resolve ?? dnsResolver;
    this.tokens = options.tokens ?? new OAuth2TokenCache();
  }

  async send(integration: IntegrationDefinition, request: HttpRequest): Promise<HttpResponse> {
    if (new URL(integration.baseUrl).origin !== request.url.origin)
      throw new IntegrationCallError('refused_target', `refused: ${request.url.origin} is not the integration's own address`);
    const timeoutMs = Math.max(1, Math.min(request.timeoutMs, MAX_CALL_TIMEOUT_MS));
    const deadline = withDeadline(request.signal, timeoutMs);
    const body = request.json === undefined ? undefined : Buffer.from(JSON.stringify(request.json), 'utf8');
    const baseHeaders: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      ...lowerCaseKeys(request.headers ?? {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    };
    try {
      const auth = integration.auth;
      if (auth.type !== 'oauth2_client_credentials') {
        const raw = await this.exchange(request.method, request.url, { ...baseHeaders, ...staticAuthHeaders(auth) }, body, deadline);
        return toResponse(raw);
      }
      const key = `${integration.id}\0${auth.tokenUrl}\0${auth.clientId}\0${secretDigest(auth.clientSecret)}`;
      const fetchToken = (): Promise<TokenResponse> => this.fetchToken(auth, deadline);
      let token = await this.tokens.get(key, fetchToken);
      let raw = await this.exchange(request.method, request.url, { ...baseHeaders, authorization: `Bearer ${token}` }, body, deadline);
      if (raw.status === 401) {
        // The token may have been revoked or the system restarted: one new token, one retry.
        this.tokens.invalidate(key);
        token = await this.tokens.get(key, fetchToken);
        raw = await this.exchange(request.method, request.url, { ...baseHeaders, authorization: `Bearer ${token}` }, body, deadline);
      }
      return toResponse(raw);
    } catch (error) {
      throw classify(error, deadline, request.signal, timeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  /**
   * A GET through the same guard, shaped as the fetch that jose's `customFetch` takes (the
   * gateway reads identity providers' JWKS with it): the URL and each address its host resolves
   * to are checked, the socket connects to the vetted address (no DNS rebinding), no redirect is
   * followed (a 3xx is answered as is), at most `maxResponseBytes` are read, and the call stops
   * when `init.signal` aborts or after MAX_CALL_TIMEOUT_MS. A refused target rejects with an
   * IntegrationCallError whose message names no address.
   */
  async get(url: string, init: { headers?: Headers | Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
    const deadline = withDeadline(init.signal ?? new AbortController().signal, MAX_CALL_TIMEOUT_MS);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json' };
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    try {
      const raw = await this.exchange('GET', new URL(url), headers, undefined, deadline);
      const noBody = raw.status === 204 || raw.status === 205 || raw.status === 304;
      return new Response(noBody ? null : new Uint8Array(raw.body), { status: raw.status, headers: raw.headers });
    } catch (error) {
      throw classify(error, deadline, init.signal ?? deadline.signal, MAX_CALL_TIMEOUT_MS);
    } finally {
      deadline.dispose();
    }
  }

  private async fetchToken(
    auth: { tokenUrl: string; clientId: string; clientSecret: string; scope?: string },
    deadline: Deadline,
  ): Promise<TokenResponse> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    const body = Buffer.from(form.toString(), 'utf8');
    const raw = await this.exchange(
      'POST',
      new URL(auth.tokenUrl),
      {
        'user-agent': USER_AGENT,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        authorization: oauth2ClientCredentials(auth.clientId, auth.clientSecret),
      },
      body,
      deadline,
    );
    if (raw.status === 400 || raw.status === 401 || raw.status === 403)
      throw new IntegrationCallError('upstream_error', `the token endpoint refused the client credentials (HTTP ${raw.status})`);
    if (raw.status < 200 || raw.status >= 300)
      throw new IntegrationCallError('upstream_error', `the token endpoint answered HTTP ${raw.status}`);
    const parsed = tokenResponseSchema.safeParse(parseJson(raw.body));
    if (!parsed.success) throw new IntegrationCallError('upstream_error', 'the token endpoint answered without an access token');
    return parsed.data;
  }

  /** One request behind the guard; resolves for every status (3xx included: redirects are not followed). */
  private async exchange(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: Buffer | undefined,
    deadline: Deadline,
  ): Promise<RawResponse> {
    const checked = checkTargetUrl(url.href, { allowPrivate: this.allowPrivate, production: false });
    if (!checked.ok) throw new IntegrationCallError('refused_target', `refused: the URL ${checked.reason}`);
    const vetted = await raceAbort(vetHost(bareHostname(checked.url), { allowPrivate: this.allowPrivate }, this.resolve), deadline.signal);
    if (!vetted.ok) throw new IntegrationCallError(vetted.retryable ? 'unavailable' : 'refused_target', vetted.reason);
    return this.request(method, checked.url, vetted.address, headers, body, deadline.signal);
  }

  private request(
    method: string,
    url: URL,
    address: ResolvedAddress,
    headers: Record<string, string>,
    body: Buffer | undefined,
    signal: AbortSignal,
  ): Promise<RawResponse> {
    // The socket connects to the address vetted above, whatever DNS answers by then (rebinding).
    const pinned: LookupFunction = (_host, opts, callback) => {
      if (opts.all) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const transport = url.protocol === 'https:' ? https : http;
    const maxBytes = this.maxBytes;
    return new Promise<RawResponse>((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method,
          // No keep-alive pool: a pooled socket would outlive the check that vetted its address.
          agent: false,
          lookup: pinned,
          signal,
          headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              req.destroy();
              reject(new IntegrationCallError('upstream_error', `the answer is larger than ${Math.round(maxBytes / 1024)} KB`));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

function toResponse(raw: RawResponse): HttpResponse {
  return { status: raw.status, headers: raw.headers, json: parseJson(raw.body) };
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return null;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Network errors keep only their code (an error message may echo the URL or an address). */
function classify(error: unknown, deadline: Deadline, callerSignal: AbortSignal, timeoutMs: number): IntegrationCallError {
  if (error instanceof IntegrationCallError) return error;
  if (deadline.timedOut()) return new IntegrationCallError('timeout', `no answer within ${timeoutMs} ms`);
  if (callerSignal.aborted) return new IntegrationCallError('unavailable', 'the call was cancelled');
  const code = (error as NodeJS.ErrnoException).code;
  return new IntegrationCallError('unavailable', `could not reach the system (${code ?? 'network error'})`);
}

/** dns.lookup cannot be cancelled; stop waiting for it when the call is aborted or times out. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
