import { toolResultSchemas, type IntegrationDefinition } from '@parley/contracts';
// Specs may use libs/testing (STYLE.md section 2); the boundary rule has no spec exception.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startFakeWooCommerce, type FakeWooCommerce } from '@parley/testing';
import { IntegrationCallError } from '../../connector.types';
import { GuardedHttpTransport } from '../../http/guarded-http.transport';
import { WooCommerceConnector } from '../woocommerce.connector';

// The WooCommerce connector against the fake store over real HTTP (REST API v3 and the
// Shipment Tracking extension), through the production guarded transport (private targets
// allowed for the loopback fake).

describe('WooCommerceConnector against a fake WooCommerce store', () => {
  let store: FakeWooCommerce;
  let connector: WooCommerceConnector;
  const options = () => ({ signal: new AbortController().signal, settings: {} });

  function integration(secret = store.consumerSecret, key = store.consumerKey): IntegrationDefinition {
    return {
      id: '00000000-0000-4000-8000-000000000002',
      tenantId: '00000000-0000-4000-8000-0000000000aa',
      kind: 'woocommerce',
      name: 'Demo store',
      baseUrl: `${store.url}/`,
      config: {},
      auth: { type: 'basic', username: key, password: secret },
      restEndpoints: [],
      sqlEndpoints: [],
    };
  }

  async function failureOf(promise: Promise<unknown>): Promise<IntegrationCallError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IntegrationCallError);
    return error as IntegrationCallError;
  }

  const paths = () => store.state.requests.map((r) => r.path);

  beforeAll(async () => {
    store = await startFakeWooCommerce();
  });
  afterAll(() => store.close());
  beforeEach(() => {
    store.reset();
    connector = new WooCommerceConnector(new GuardedHttpTransport({ allowPrivateTargets: true }));
  });

  it('probes the store with one products call', async () => {
    await expect(connector.probe(integration(), new AbortController().signal)).resolves.toBe(
      'WooCommerce store reached: 3 published products',
    );
    expect(store.state.requests).toEqual([
      expect.objectContaining({ path: '/wp-json/wc/v3/products', query: { per_page: '1', status: 'publish' } }),
    ]);
  });

  it('finds the iPhone 15 in stock at 799.00 USD, and asks the currency once per integration', async () => {
    const { products } = await connector.call(integration(), 'product_search', { query: 'iPhone 15' }, options());
    expect(products[0]).toEqual({
      id: '11',
      title: 'iPhone 15 128GB',
      sku: 'IP15-128-BLK',
      price: '799.00',
      currency: 'USD',
      quantity: 5,
      available: true,
      url: `${store.url}/product/iphone-15-128gb/`,
      variants: [],
    });
    expect(products[1]).toMatchObject({ title: 'Silicone Case for iPhone 15', quantity: 3, available: true });
    expect(products[1].variants.map((v) => [v.title, v.quantity, v.available, v.price])).toEqual([
      ['Black', 3, true, '49.00'],
      ['Blue', 0, false, '49.00'],
      ['Pink', null, true, '49.50'],
    ]);
    expect(paths().filter((p) => p.endsWith('/data/currencies/current'))).toHaveLength(1);
    store.state.requests.length = 0;
    await connector.call(integration(), 'product_search', { query: 'iPhone 14' }, options());
    expect(paths()).toEqual(['/wp-json/wc/v3/products']);
  });

  it('never shows draft products', async () => {
    const { products } = await connector.call(integration(), 'product_search', { query: 'iPhone', limit: 10 }, options());
    expect(products.map((p) => p.title)).not.toContain('iPhone 16 Pro (coming soon)');
    for (const product of ['IP16P-256', 'iphone-16-pro', 'iPhone 16 Pro (coming soon)']) {
      const draft = await connector.call(integration(), 'product_details', { product }, options());
      expect(draft.product).toBeNull();
    }
  });

  it('shows product details by id, SKU, slug and name', async () => {
    const byId = await connector.call(integration(), 'product_details', { product: '12' }, options());
    expect(byId.product).toMatchObject({ title: 'iPhone 14 128GB', quantity: 0, available: false });
    const bySku = await connector.call(integration(), 'product_details', { product: 'IP15-128-BLK' }, options());
    expect(bySku.product?.id).toBe('11');
    const bySlug = await connector.call(integration(), 'product_details', { product: 'silicone-case-iphone-15' }, options());
    expect(bySlug.product?.variants).toHaveLength(3);
    const byName = await connector.call(integration(), 'product_details', { product: 'iphone 14 128gb' }, options());
    expect(byName.product?.id).toBe('12');
    const unknown = await connector.call(integration(), 'product_details', { product: 'Nokia 3310' }, options());
    expect(unknown.product).toBeNull();
  });

  it('gives the status of an order to its billing email or phone', async () => {
    const byEmail = await connector.call(integration(), 'order_status', { order_number: '#1001', email: 'ALICE@example.com' }, options());
    expect(byEmail.order).toEqual({
      orderNumber: '1001',
      status: 'shipped',
      shopStatus: 'completed',
      placedAt: '2026-11-11T10:15:00Z',
      total: '799.00',
      currency: 'USD',
      items: [{ title: 'iPhone 15 128GB', quantity: 1 }],
    });
    const byPhone = await connector.call(integration(), 'order_status', { order_number: '1002', phone: '+44 7700 900123' }, options());
    expect(byPhone.order).toMatchObject({ status: 'processing', total: '98.50' });
    const cancelled = await connector.call(integration(), 'order_status', { order_number: '1003', email: 'carol@example.com' }, options());
    expect(cancelled.order?.status).toBe('cancelled');
  });

  it('finds an order whose number is not its id (sequential numbering plugin)', async () => {
    const result = await connector.call(integration(), 'order_status', { order_number: '1004', email: 'dave@example.com' }, options());
    expect(result.order).toMatchObject({ orderNumber: '1004', total: '1598.00' });
    expect(paths()).toEqual(['/wp-json/wc/v3/orders/1004', '/wp-json/wc/v3/orders']);
  });

  it('answers a wrong email exactly as an unknown number (no enumeration)', async () => {
    const wrongEmail = await connector.call(
      integration(),
      'order_status',
      { order_number: '1001', email: 'mallory@example.com' },
      options(),
    );
    const wrongPhone = await connector.call(integration(), 'order_status', { order_number: '1001', phone: '+1 415 555 0199' }, options());
    const unknown = await connector.call(integration(), 'order_status', { order_number: '9999', email: 'alice@example.com' }, options());
    expect(wrongEmail).toEqual({ order: null });
    expect(wrongPhone).toEqual(unknown);
    expect(wrongEmail).toEqual(unknown);
    // The same requests for a wrong contact as for an unknown number.
    store.state.requests.length = 0;
    await connector.call(integration(), 'order_status', { order_number: '1001', email: 'mallory@example.com' }, options());
    const forWrongContact = paths();
    store.state.requests.length = 0;
    await connector.call(integration(), 'order_status', { order_number: '9999', email: 'alice@example.com' }, options());
    expect(forWrongContact.map((p) => p.replace('1001', 'N'))).toEqual(paths().map((p) => p.replace('9999', 'N')));
    const wrongTracking = await connector.call(
      integration(),
      'shipment_tracking',
      { order_number: '1001', email: 'bob@example.com' },
      options(),
    );
    expect(wrongTracking).toEqual({ orderNumber: null, shipments: [] });
    expect(paths()).not.toContain('/wp-json/wc-shipment-tracking/v3/orders/1001/shipment-trackings');
  });

  it('tracks shipments with the Shipment Tracking extension, and has none without it', async () => {
    const tracking = await connector.call(
      integration(),
      'shipment_tracking',
      { order_number: '1001', email: 'alice@example.com' },
      options(),
    );
    expect(tracking).toEqual({
      orderNumber: '1001',
      shipments: [
        {
          carrier: 'UPS',
          trackingNumber: '1Z999AA10123456784',
          url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
          status: 'shipped',
        },
      ],
    });
    store.state.shipmentTrackingInstalled = false;
    const without = await connector.call(
      integration(),
      'shipment_tracking',
      { order_number: '1001', email: 'alice@example.com' },
      options(),
    );
    expect(without).toEqual({ orderNumber: '1001', shipments: [] });
  });

  it.each([
    ['a wrong secret', () => integration('cs_wrong')],
    ['a wrong key', () => integration(undefined, 'ck_wrong')],
  ])('fails with upstream_error for %s', async (_name, make) => {
    const error = await failureOf(connector.call(make(), 'product_search', { query: 'iphone' }, options()));
    expect(error.failure).toBe('upstream_error');
    expect(error.message).toContain('credentials refused');
    expect(error.message).not.toContain('cs_wrong');
  });

  it('fails with upstream_error when no credentials reach the store', async () => {
    const none = { ...integration(), auth: { type: 'none' as const } };
    const error = await failureOf(connector.probe(none, new AbortController().signal));
    expect(error.failure).toBe('upstream_error');
    expect(error.message).toContain('woocommerce_rest_cannot_view');
  });

  it('fails with rate_limited and the Retry-After of a 429', async () => {
    store.state.faults.throttleNext = 1;
    store.state.faults.retryAfterSeconds = 7;
    const error = await failureOf(
      connector.call(integration(), 'order_status', { order_number: '1001', email: 'alice@example.com' }, options()),
    );
    expect(error.failure).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('fails with upstream_error on a 500', async () => {
    store.state.faults.serverErrorNext = 1;
    const error = await failureOf(connector.probe(integration(), new AbortController().signal));
    expect(error.failure).toBe('upstream_error');
    expect(error.message).toContain('500');
  });

  it('fails with upstream_error when the site has no WooCommerce REST API', async () => {
    const error = await failureOf(connector.probe({ ...integration(), baseUrl: `${store.url}/blog` }, new AbortController().signal));
    expect(error.failure).toBe('upstream_error');
    expect(error.message).toContain('404');
  });

  it('fails with timeout when the store is slower than the request timeout', async () => {
    store.state.faults.delayMs = 10_000;
    const base = new GuardedHttpTransport({ allowPrivateTargets: true });
    const slow = new WooCommerceConnector({ send: (i, r) => base.send(i, { ...r, timeoutMs: 100 }) });
    const error = await failureOf(slow.probe(integration(), new AbortController().signal));
    expect(error.failure).toBe('timeout');
  });

  it('answers in the shapes of the contracts', async () => {
    toolResultSchemas.product_search.parse(
      await connector.call(integration(), 'product_search', { query: 'iphone', limit: 10 }, options()),
    );
    toolResultSchemas.product_details.parse(
      await connector.call(integration(), 'product_details', { product: 'silicone-case-iphone-15' }, options()),
    );
    toolResultSchemas.order_status.parse(
      await connector.call(integration(), 'order_status', { order_number: '1001', email: 'alice@example.com' }, options()),
    );
    toolResultSchemas.order_status.parse(
      await connector.call(integration(), 'order_status', { order_number: '1004', email: 'dave@example.com' }, options()),
    );
    toolResultSchemas.shipment_tracking.parse(
      await connector.call(integration(), 'shipment_tracking', { order_number: '1001', email: 'alice@example.com' }, options()),
    );
    expect(store.state.requests.every((r) => r.status === 200 || r.status === 404)).toBe(true);
  });
});
