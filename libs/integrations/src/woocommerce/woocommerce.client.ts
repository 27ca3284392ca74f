import type { IntegrationDefinition } from '@parley/contracts';
import { type HttpResponse, type HttpTransport, IntegrationCallError } from '../connector.types';
import type { WooError } from './woocommerce.types';

// GET requests to a WooCommerce store (REST API v3 under {site}/wp-json/wc/v3, the Shipment
// Tracking extension under {site}/wp-json/wc-shipment-tracking/v3) and the classification of
// their failures. WordPress errors are { code, message, data: { status } }: a refused consumer
// key is 401 woocommerce_rest_cannot_view (or _authentication_error); a missing route is 404
// rest_no_route (WooCommerce, or the extension, is not installed).

const REQUEST_TIMEOUT_MS = 5000;
const MAX_RETRY_AFTER_SECONDS = 60;

export const WC_API = '/wp-json/wc/v3';
export const SHIPMENT_TRACKING_API = '/wp-json/wc-shipment-tracking/v3';

export interface WooGetResult {
  json: unknown;
  /** X-WP-Total: how many items match in all pages, when the store said. */
  total: number | null;
}

/** What a 404 means for this request: `null` (no such resource, or no such extension) or a failure. */
export type WooNotFound = 'null' | 'fail';

/** {site}{apiPath}{path}?query, keeping a WordPress installed under a sub-path. */
export function wooUrl(integration: IntegrationDefinition, apiPath: string, path: string, query: Record<string, string> = {}): URL {
  const url = new URL(`${integration.baseUrl.replace(/\/+$/, '')}${apiPath}${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url;
}

function errorCode(response: HttpResponse): string {
  const body = response.json as WooError | null;
  return typeof body?.code === 'string' ? body.code.slice(0, 100) : `HTTP ${response.status}`;
}

function retryAfter(response: HttpResponse): number {
  const seconds = Number(response.headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(Math.max(1, Math.ceil(seconds)), MAX_RETRY_AFTER_SECONDS) : 1;
}

function failure(response: HttpResponse): IntegrationCallError {
  const { status } = response;
  const code = errorCode(response);
  if (status === 401 || status === 403) {
    return new IntegrationCallError(
      'upstream_error',
      `WooCommerce refused the consumer key and secret (${status} ${code}): credentials refused`,
    );
  }
  if (status === 429)
    return new IntegrationCallError('rate_limited', 'the WooCommerce store throttled the call (429)', retryAfter(response));
  if (status === 404) return new IntegrationCallError('upstream_error', `no WooCommerce REST API v3 at this site (404 ${code})`);
  if (status >= 500) return new IntegrationCallError('upstream_error', `the WooCommerce store failed (${status} ${code})`);
  return new IntegrationCallError('upstream_error', `the WooCommerce store answered ${status} ${code}`);
}

/** One GET; resolves null for a 404 when `notFound` is 'null', throws an IntegrationCallError for other failures. */
export async function wooGet(
  transport: HttpTransport,
  integration: IntegrationDefinition,
  url: URL,
  signal: AbortSignal,
  notFound: WooNotFound = 'fail',
): Promise<WooGetResult | null> {
  const response = await transport.send(integration, {
    method: 'GET',
    url,
    headers: { accept: 'application/json' },
    signal,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  if (response.status === 404 && notFound === 'null') return null;
  if (response.status < 200 || response.status >= 300) throw failure(response);
  if (response.json === null) throw new IntegrationCallError('upstream_error', 'the WooCommerce store answered without a JSON body');
  const total = Number(response.headers['x-wp-total']);
  return { json: response.json, total: Number.isInteger(total) ? total : null };
}

/** The answer as a list of objects, or a failure when it is not one. */
export function asList<T>(result: WooGetResult | null): T[] {
  if (result === null) return [];
  if (!Array.isArray(result.json))
    throw new IntegrationCallError('upstream_error', 'the WooCommerce store answered with something other than a list');
  return result.json.filter((item): item is T => item !== null && typeof item === 'object');
}

/** The answer as one object, or null. */
export function asObject<T>(result: WooGetResult | null): T | null {
  if (result === null) return null;
  const json = result.json;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new IntegrationCallError('upstream_error', 'the WooCommerce store answered with something other than an object');
  }
  return json as T;
}
