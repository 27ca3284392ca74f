import type { IntegrationDefinition } from '@parley/contracts';
import { type HttpResponse, type HttpTransport, IntegrationCallError } from '../connector.types';
import type { ShopifyGraphqlError, ShopifyGraphqlResponse } from './shopify.types';

// One GraphQL Admin API call and the classification of what can go wrong with it. Shopify
// answers a bad token with HTTP 401, a token without the needed scope with 403 or an
// ACCESS_DENIED error, and throttles a GraphQL client with HTTP 200 and a THROTTLED error whose
// extensions.cost.throttleStatus says how fast the bucket refills (429 with Retry-After is
// handled too).

export const DEFAULT_SHOPIFY_API_VERSION = '2025-07';
const REQUEST_TIMEOUT_MS = 5000;
const MAX_RETRY_AFTER_SECONDS = 60;

export function shopifyGraphqlUrl(integration: IntegrationDefinition): URL {
  const version = integration.config['apiVersion'];
  const apiVersion = typeof version === 'string' && /^\d{4}-\d{2}$/.test(version) ? version : DEFAULT_SHOPIFY_API_VERSION;
  return new URL(`/admin/api/${apiVersion}/graphql.json`, integration.baseUrl);
}

function retryAfterHeader(response: HttpResponse): number | undefined {
  const seconds = Number(response.headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(Math.ceil(seconds), MAX_RETRY_AFTER_SECONDS) : undefined;
}

/** Seconds until the bucket holds the query's cost again, from extensions.cost. */
export function throttleWaitSeconds(body: ShopifyGraphqlResponse<unknown>): number {
  const cost = body.extensions?.cost;
  const requested = cost?.requestedQueryCost ?? 0;
  const available = cost?.throttleStatus?.currentlyAvailable ?? 0;
  const rate = cost?.throttleStatus?.restoreRate ?? 0;
  if (rate <= 0) return 1;
  return Math.min(Math.max(1, Math.ceil((requested - available) / rate)), MAX_RETRY_AFTER_SECONDS);
}

function graphqlErrors(body: ShopifyGraphqlResponse<unknown>): ShopifyGraphqlError[] {
  return Array.isArray(body.errors) ? body.errors : [];
}

function classifyStatus(response: HttpResponse): IntegrationCallError | null {
  const { status } = response;
  if (status === 401) return new IntegrationCallError('upstream_error', 'Shopify refused the access token (401): credentials refused');
  if (status === 403)
    return new IntegrationCallError(
      'upstream_error',
      'Shopify refused the access (403): the token lacks a scope or the app is not installed',
    );
  if (status === 402 || status === 423) return new IntegrationCallError('unavailable', `the Shopify shop is frozen or locked (${status})`);
  if (status === 404) return new IntegrationCallError('upstream_error', 'no Shopify Admin API at this address and API version (404)');
  if (status === 429) return new IntegrationCallError('rate_limited', 'Shopify throttled the call (429)', retryAfterHeader(response) ?? 1);
  if (status >= 500) return new IntegrationCallError('upstream_error', `Shopify failed (${status})`);
  if (status !== 200) return new IntegrationCallError('upstream_error', `Shopify answered ${status}`);
  return null;
}

/** Runs one GraphQL document and returns its `data`, or throws an IntegrationCallError. */
export async function shopifyGraphql<T>(
  transport: HttpTransport,
  integration: IntegrationDefinition,
  document: { query: string; variables?: Record<string, unknown> },
  signal: AbortSignal,
): Promise<T> {
  const response = await transport.send(integration, {
    method: 'POST',
    url: shopifyGraphqlUrl(integration),
    headers: { accept: 'application/json' },
    json: document,
    signal,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  const failure = classifyStatus(response);
  if (failure) throw failure;
  if (response.json === null || typeof response.json !== 'object') {
    throw new IntegrationCallError('upstream_error', 'Shopify answered without a JSON body');
  }
  const body = response.json as ShopifyGraphqlResponse<T>;
  const errors = graphqlErrors(body);
  if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
    throw new IntegrationCallError('rate_limited', 'Shopify throttled the query (THROTTLED)', throttleWaitSeconds(body));
  }
  if (errors.some((e) => e.extensions?.code === 'ACCESS_DENIED')) {
    throw new IntegrationCallError('upstream_error', 'Shopify denied access: the token lacks the read_products or read_orders scope');
  }
  if (!body.data || (errors.length > 0 && Object.values(body.data).every((v) => v === null))) {
    const first = errors[0]?.message?.slice(0, 200) ?? 'no data';
    throw new IntegrationCallError('upstream_error', `Shopify rejected the query: ${first}`);
  }
  return body.data;
}
