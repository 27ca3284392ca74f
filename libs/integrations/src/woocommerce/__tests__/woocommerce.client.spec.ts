import type { IntegrationDefinition } from '@parley/contracts';
import { type HttpResponse, IntegrationCallError } from '../../connector.types';
import { WC_API, asList, asObject, wooGet, wooUrl } from '../woocommerce.client';

const integration: IntegrationDefinition = {
  id: 'i',
  tenantId: 't',
  kind: 'woocommerce',
  name: 'store',
  baseUrl: 'https://example.com/shop/',
  config: {},
  auth: { type: 'basic', username: 'ck_x', password: 'cs_secret' },
  restEndpoints: [],
  sqlEndpoints: [],
};

function get(response: Partial<HttpResponse>, notFound: 'null' | 'fail' = 'fail') {
  const transport = { send: () => Promise.resolve({ status: 200, headers: {}, json: null, ...response }) };
  return wooGet(transport, integration, wooUrl(integration, WC_API, '/products'), new AbortController().signal, notFound);
}

async function failureOf(response: Partial<HttpResponse>): Promise<IntegrationCallError> {
  const error = await get(response).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationCallError);
  return error as IntegrationCallError;
}

const wpError = (status: number, code: string) => ({ status, json: { code, message: 'm', data: { status } } });

describe('wooGet', () => {
  it('keeps a WordPress installed under a sub-path and sets the query', () => {
    expect(wooUrl(integration, WC_API, '/products', { search: 'a b', per_page: '5' }).href).toBe(
      'https://example.com/shop/wp-json/wc/v3/products?search=a+b&per_page=5',
    );
  });

  it('returns the body and X-WP-Total', async () => {
    await expect(get({ json: [{ id: 1 }], headers: { 'x-wp-total': '42' } })).resolves.toEqual({ json: [{ id: 1 }], total: 42 });
    await expect(get({ json: [] })).resolves.toEqual({ json: [], total: null });
  });

  it('resolves null for a 404 only when asked to', async () => {
    await expect(get(wpError(404, 'woocommerce_rest_product_invalid_id'), 'null')).resolves.toBeNull();
    const error = await failureOf(wpError(404, 'rest_no_route'));
    expect(error.failure).toBe('upstream_error');
    expect(error.message).toContain('rest_no_route');
  });

  it.each<[string, Partial<HttpResponse>, string, number | undefined]>([
    ['401 cannot view', wpError(401, 'woocommerce_rest_cannot_view'), 'upstream_error', undefined],
    ['401 bad key', wpError(401, 'woocommerce_rest_authentication_error'), 'upstream_error', undefined],
    ['403', wpError(403, 'woocommerce_rest_cannot_view'), 'upstream_error', undefined],
    ['429', { status: 429, headers: { 'retry-after': '7' } }, 'rate_limited', 7],
    ['429 with a huge Retry-After', { status: 429, headers: { 'retry-after': '86400' } }, 'rate_limited', 60],
    ['500', wpError(500, 'internal_server_error'), 'upstream_error', undefined],
    ['502 without a body', { status: 502 }, 'upstream_error', undefined],
    ['200 without JSON', { status: 200, json: null }, 'upstream_error', undefined],
  ])('%s', async (_name, response, failure, retryAfter) => {
    const error = await failureOf(response);
    expect(error.failure).toBe(failure);
    expect(error.retryAfterSeconds).toBe(retryAfter);
    expect(error.message).not.toContain('cs_secret');
  });

  it('refuses answers of the wrong shape', () => {
    expect(() => asList({ json: { id: 1 }, total: null })).toThrow(IntegrationCallError);
    expect(() => asObject({ json: [1], total: null })).toThrow(IntegrationCallError);
    expect(asList({ json: [{ id: 1 }, null, 3], total: null })).toEqual([{ id: 1 }]);
    expect(asList(null)).toEqual([]);
    expect(asObject(null)).toBeNull();
  });
});
