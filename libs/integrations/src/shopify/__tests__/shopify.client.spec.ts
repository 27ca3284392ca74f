import type { IntegrationDefinition } from '@parley/contracts';
import { type HttpRequest, type HttpResponse, type HttpTransport, IntegrationCallError } from '../../connector.types';
import { shopifyGraphql, shopifyGraphqlUrl, throttleWaitSeconds } from '../shopify.client';

const integration: IntegrationDefinition = {
  id: 'i',
  tenantId: 't',
  kind: 'shopify',
  name: 'shop',
  baseUrl: 'https://demo.myshopify.com',
  config: { apiVersion: '2025-10' },
  auth: { type: 'api_key', header: 'X-Shopify-Access-Token', value: 'shpat_secret' },
  restEndpoints: [],
  sqlEndpoints: [],
};

/** A transport that answers every request with one canned response and remembers the requests. */
function answering(response: Partial<HttpResponse>): HttpTransport & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    send: (_i, request) => {
      requests.push(request);
      return Promise.resolve({ status: 200, headers: {}, json: null, ...response });
    },
  };
}

async function failureOf(response: Partial<HttpResponse>): Promise<IntegrationCallError> {
  const error = await shopifyGraphql(answering(response), integration, { query: '{ shop { name } }' }, new AbortController().signal).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationCallError);
  return error as IntegrationCallError;
}

describe('shopifyGraphql', () => {
  it('posts the document to the configured API version and returns data', async () => {
    const transport = answering({ json: { data: { shop: { name: 'Demo' } } } });
    await expect(
      shopifyGraphql(transport, integration, { query: 'q', variables: { a: 1 } }, new AbortController().signal),
    ).resolves.toEqual({
      shop: { name: 'Demo' },
    });
    expect(transport.requests[0]).toMatchObject({ method: 'POST', json: { query: 'q', variables: { a: 1 } } });
    expect(transport.requests[0].url.href).toBe('https://demo.myshopify.com/admin/api/2025-10/graphql.json');
  });

  it('falls back to the default API version when the config has none', () => {
    expect(shopifyGraphqlUrl({ ...integration, config: {} }).pathname).toBe('/admin/api/2025-07/graphql.json');
  });

  it.each<[string, Partial<HttpResponse>, string, number | undefined]>([
    ['401', { status: 401, json: { errors: '[API] Invalid API key or access token' } }, 'upstream_error', undefined],
    ['403', { status: 403 }, 'upstream_error', undefined],
    ['404', { status: 404 }, 'upstream_error', undefined],
    ['402 frozen shop', { status: 402 }, 'unavailable', undefined],
    ['429 with Retry-After', { status: 429, headers: { 'retry-after': '3.2' } }, 'rate_limited', 4],
    ['429 without Retry-After', { status: 429 }, 'rate_limited', 1],
    ['503', { status: 503 }, 'upstream_error', undefined],
    ['no JSON', { status: 200, json: null }, 'upstream_error', undefined],
    [
      'ACCESS_DENIED',
      { json: { errors: [{ message: 'Access denied', extensions: { code: 'ACCESS_DENIED' } }] } },
      'upstream_error',
      undefined,
    ],
    ['a query error', { json: { errors: [{ message: "Field 'x' doesn't exist" }] } }, 'upstream_error', undefined],
    [
      'THROTTLED',
      {
        json: {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
          extensions: {
            cost: { requestedQueryCost: 752, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 666, restoreRate: 50 } },
          },
        },
      },
      'rate_limited',
      2,
    ],
  ])('%s', async (_name, response, failure, retryAfter) => {
    const error = await failureOf(response);
    expect(error.failure).toBe(failure);
    expect(error.retryAfterSeconds).toBe(retryAfter);
    expect(error.message).not.toContain('shpat_secret');
  });

  it('bounds the throttle wait between 1 and 60 seconds', () => {
    const cost = (requested: number, available: number, rate: number) => ({
      extensions: { cost: { requestedQueryCost: requested, throttleStatus: { currentlyAvailable: available, restoreRate: rate } } },
    });
    expect(throttleWaitSeconds(cost(10, 50, 50))).toBe(1);
    expect(throttleWaitSeconds(cost(100_000, 0, 50))).toBe(60);
    expect(throttleWaitSeconds(cost(10, 0, 0))).toBe(1);
    expect(throttleWaitSeconds({})).toBe(1);
  });
});
