import { startFakeShopify, type FakeShopify } from '../fake-shopify.server';
import { startFakeWooCommerce, type FakeWooCommerce } from '../fake-woocommerce.server';

// The fake shops themselves over real HTTP: what they answer beyond the connectors' happy
// paths (auth failures, wrong routes, faults, the request log, reset).

describe('fake Shopify', () => {
  let shop: FakeShopify;
  beforeAll(async () => {
    shop = await startFakeShopify();
  });
  afterAll(() => shop.close());
  beforeEach(() => shop.reset());

  const graphql = (body: unknown, token: string | null = shop.accessToken, path = '/admin/api/2025-07/graphql.json') =>
    fetch(`${shop.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-shopify-access-token': token } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses a missing or wrong token with Shopify 401 body', async () => {
    for (const token of [null, 'shpat_wrong']) {
      const res = await graphql({ query: 'query ParleyShop { shop { name } }' }, token);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
  });

  it('answers only the GraphQL endpoint, and unknown operations with a GraphQL error', async () => {
    expect((await graphql({}, shop.accessToken, '/admin/api/2025-07/products.json')).status).toBe(404);
    expect((await fetch(`${shop.url}/admin/api/2025-07/graphql.json`)).status).toBe(405);
    expect((await graphql('{not json')).status).toBe(400);
    const unknown = await graphql({ query: 'query Other { orders(first: 1) { nodes { id } } }' });
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'undefinedField' } }] });
    const bad = await graphql({ query: 'query ParleyProducts { x }', variables: { first: 1, query: '(status:active' } });
    expect(await bad.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('uses up its faults one request at a time and logs every request', async () => {
    shop.state.faults.serverErrorNext = 1;
    shop.state.faults.throttleNext = 1;
    const query = { query: 'query ParleyShop { shop { name } }' };
    expect((await graphql(query)).status).toBe(500);
    const throttled = await graphql(query);
    expect(throttled.status).toBe(200);
    expect(await throttled.json()).toMatchObject({
      errors: [{ extensions: { code: 'THROTTLED' } }],
      extensions: { cost: { actualQueryCost: null } },
    });
    expect(await (await graphql(query)).json()).toMatchObject({ data: { shop: { name: 'Parley Demo Phones' } } });
    expect(shop.state.requests.map((r) => [r.operation, r.status])).toEqual([
      ['ParleyShop', 500],
      ['ParleyShop', 200],
      ['ParleyShop', 200],
    ]);
    shop.state.data.shop.name = 'Changed';
    shop.reset();
    expect(shop.state.requests).toEqual([]);
    expect(shop.state.data.shop.name).toBe('Parley Demo Phones');
  });
});

describe('fake WooCommerce', () => {
  let store: FakeWooCommerce;
  beforeAll(async () => {
    store = await startFakeWooCommerce();
  });
  afterAll(() => store.close());
  beforeEach(() => store.reset());

  const get = (path: string, user: string | null = store.consumerKey, password = store.consumerSecret) =>
    fetch(`${store.url}${path}`, {
      headers: user === null ? {} : { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
    });

  it.each([
    ['no credentials', null, undefined, 'woocommerce_rest_cannot_view'],
    ['a wrong key', 'ck_wrong', undefined, 'woocommerce_rest_authentication_error'],
    ['a wrong secret', undefined, 'cs_wrong', 'woocommerce_rest_authentication_error'],
  ])('answers %s with 401 %s', async (_name, user, password, code) => {
    const res = await get('/wp-json/wc/v3/products', user === undefined ? store.consumerKey : user, password ?? store.consumerSecret);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code, data: { status: 401 } });
  });

  it('pages lists with X-WP-Total and X-WP-TotalPages', async () => {
    const res = await get('/wp-json/wc/v3/products?per_page=2&page=2');
    expect(res.headers.get('x-wp-total')).toBe('4');
    expect(res.headers.get('x-wp-totalpages')).toBe('2');
    expect(((await res.json()) as { id: number }[]).map((p) => p.id)).toEqual([13, 14]);
  });

  it('answers unknown routes and resources as WordPress does', async () => {
    expect(await (await get('/wp-json/wc/v3/coupons')).json()).toMatchObject({ code: 'rest_no_route', data: { status: 404 } });
    expect(await (await get('/wp-json/wc/v3/orders/42')).json()).toMatchObject({ code: 'woocommerce_rest_shop_order_invalid_id' });
    store.state.shipmentTrackingInstalled = false;
    const tracking = await get('/wp-json/wc-shipment-tracking/v3/orders/1001/shipment-trackings');
    expect(tracking.status).toBe(404);
    expect(await tracking.json()).toMatchObject({ code: 'rest_no_route' });
  });

  it('throttles with 429 and Retry-After, fails with 500, then answers', async () => {
    store.state.faults.throttleNext = 1;
    store.state.faults.retryAfterSeconds = 9;
    store.state.faults.serverErrorNext = 1;
    expect((await get('/wp-json/wc/v3/data/currencies/current')).status).toBe(500);
    const throttled = await get('/wp-json/wc/v3/data/currencies/current');
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '9']);
    expect(await (await get('/wp-json/wc/v3/data/currencies/current')).json()).toMatchObject({ code: 'USD' });
    expect(store.state.requests.map((r) => r.status)).toEqual([500, 429, 200]);
  });
});
