import { toolResultSchemas, type IntegrationDefinition } from '@parley/contracts';
// Specs may use libs/testing (STYLE.md section 2); the boundary rule has no spec exception.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startFakeShopify, type FakeShopify } from '@parley/testing';
import { type HttpRequest, IntegrationCallError } from '../../connector.types';
import { GuardedHttpTransport } from '../../http/guarded-http.transport';
import { ShopifyConnector } from '../shopify.connector';

// The Shopify connector against the fake Shopify over real HTTP (GraphQL Admin API), through
// the production guarded transport (private targets allowed for the loopback fake).

describe('ShopifyConnector against a fake Shopify', () => {
  let shop: FakeShopify;
  const connector = new ShopifyConnector(new GuardedHttpTransport({ allowPrivateTargets: true }));
  const options = () => ({ signal: new AbortController().signal, settings: {} });

  function integration(token = shop.accessToken): IntegrationDefinition {
    return {
      id: '00000000-0000-4000-8000-000000000001',
      tenantId: '00000000-0000-4000-8000-0000000000aa',
      kind: 'shopify',
      name: 'Demo phones',
      baseUrl: shop.url,
      config: { apiVersion: '2025-07' },
      auth: { type: 'api_key', header: 'X-Shopify-Access-Token', value: token },
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

  beforeAll(async () => {
    shop = await startFakeShopify();
  });
  afterAll(() => shop.close());
  beforeEach(() => shop.reset());

  it('probes the shop with one GraphQL call to the configured API version', async () => {
    await expect(connector.probe(integration(), new AbortController().signal)).resolves.toBe('Shopify shop "Parley Demo Phones" (USD)');
    expect(shop.state.requests).toEqual([
      expect.objectContaining({ method: 'POST', path: '/admin/api/2025-07/graphql.json', operation: 'ParleyShop', status: 200 }),
    ]);
  });

  it('finds the iPhone 15 in stock at 799.00 USD', async () => {
    const { products } = await connector.call(integration(), 'product_search', { query: 'iphone 15' }, options());
    expect(products.map((p) => p.title)).toEqual(['iPhone 15 128GB', 'Silicone Case for iPhone 15']);
    expect(products[0]).toEqual({
      id: 'gid://shopify/Product/1001',
      title: 'iPhone 15 128GB',
      sku: 'IP15-128-BLK',
      price: '799.00',
      currency: 'USD',
      quantity: 5,
      available: true,
      url: `${shop.url}/products/iphone-15-128gb`,
      variants: [
        {
          id: 'gid://shopify/ProductVariant/50011',
          title: 'Default Title',
          sku: 'IP15-128-BLK',
          price: '799.00',
          quantity: 5,
          available: true,
        },
      ],
    });
    expect(products[1]).toMatchObject({ quantity: 10, available: true, price: '49.00' });
  });

  it('never shows draft products and honours the limit', async () => {
    const { products } = await connector.call(integration(), 'product_search', { query: 'iphone', limit: 2 }, options());
    expect(products).toHaveLength(2);
    const all = await connector.call(integration(), 'product_search', { query: 'iphone', limit: 10 }, options());
    expect(all.products.map((p) => p.title)).not.toContain('iPhone 16 Pro (coming soon)');
  });

  it('keeps a quote in the visitor text inside the search value', async () => {
    const { products } = await connector.call(integration(), 'product_search', { query: 'x" OR status:draft OR "y' }, options());
    expect(products).toEqual([]);
  });

  it('shows product details by SKU, handle, title and id, out of stock included', async () => {
    const bySku = await connector.call(integration(), 'product_details', { product: 'ip14-128-blk' }, options());
    expect(bySku.product).toMatchObject({ title: 'iPhone 14 128GB', quantity: 0, available: false, price: '599.00' });
    const byHandle = await connector.call(integration(), 'product_details', { product: 'silicone-case-iphone-15' }, options());
    expect(byHandle.product?.variants.map((v) => [v.title, v.quantity, v.available])).toEqual([
      ['Black', 3, true],
      ['Blue', 0, false],
      ['Pink', 7, true],
    ]);
    const byTitle = await connector.call(integration(), 'product_details', { product: 'iPhone 15 128GB' }, options());
    expect(byTitle.product?.id).toBe('gid://shopify/Product/1001');
    const byId = await connector.call(integration(), 'product_details', { product: 'gid://shopify/Product/1004' }, options());
    expect(byId.product).toMatchObject({ title: 'Gift Card', quantity: null, available: true, url: null });
    const draft = await connector.call(integration(), 'product_details', { product: 'gid://shopify/Product/1005' }, options());
    expect(draft.product).toBeNull();
    const unknown = await connector.call(integration(), 'product_details', { product: 'Nokia 3310' }, options());
    expect(unknown.product).toBeNull();
  });

  it('gives the status of an order to its email or phone, with or without #', async () => {
    const byEmail = await connector.call(integration(), 'order_status', { order_number: '#1001', email: 'Alice@Example.com' }, options());
    expect(byEmail.order).toEqual({
      orderNumber: '#1001',
      status: 'shipped',
      shopStatus: 'PAID / FULFILLED',
      placedAt: '2026-11-20T10:15:00Z',
      total: '799.00',
      currency: 'USD',
      items: [{ title: 'iPhone 15 128GB', quantity: 1 }],
    });
    const byPhone = await connector.call(integration(), 'order_status', { order_number: '1002', phone: '07700 900123' }, options());
    expect(byPhone.order).toMatchObject({ orderNumber: '#1002', status: 'processing', total: '98.50' });
    const cancelled = await connector.call(integration(), 'order_status', { order_number: '1003', email: 'carol@example.com' }, options());
    expect(cancelled.order).toMatchObject({ status: 'cancelled', shopStatus: 'CANCELLED (REFUNDED / UNFULFILLED)' });
    const delivered = await connector.call(integration(), 'order_status', { order_number: '#1004', phone: '+1 (510) 555-0144' }, options());
    expect(delivered.order?.status).toBe('delivered');
  });

  it('answers a wrong email exactly as an unknown number (no enumeration)', async () => {
    const wrongEmail = await connector.call(
      integration(),
      'order_status',
      { order_number: '#1001', email: 'mallory@example.com' },
      options(),
    );
    const wrongPhone = await connector.call(integration(), 'order_status', { order_number: '#1001', phone: '+1 415 555 0199' }, options());
    const unknown = await connector.call(integration(), 'order_status', { order_number: '#9999', email: 'alice@example.com' }, options());
    expect(wrongEmail).toEqual({ order: null });
    expect(wrongPhone).toEqual(unknown);
    expect(wrongEmail).toEqual(unknown);
    const noTracking = await connector.call(
      integration(),
      'shipment_tracking',
      { order_number: '#1001', email: 'bob@example.com' },
      options(),
    );
    const unknownTracking = await connector.call(
      integration(),
      'shipment_tracking',
      { order_number: '#1999', email: 'bob@example.com' },
      options(),
    );
    expect(noTracking).toEqual({ orderNumber: null, shipments: [] });
    expect(noTracking).toEqual(unknownTracking);
  });

  it('tracks the shipments of an order', async () => {
    const tracking = await connector.call(
      integration(),
      'shipment_tracking',
      { order_number: '1001', phone: '+1 415 555 0101' },
      options(),
    );
    expect(tracking).toEqual({
      orderNumber: '#1001',
      shipments: [
        {
          carrier: 'UPS',
          trackingNumber: '1Z999AA10123456784',
          url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
          status: 'in_transit',
        },
      ],
    });
    const unshipped = await connector.call(
      integration(),
      'shipment_tracking',
      { order_number: '1002', email: 'bob@example.com' },
      options(),
    );
    expect(unshipped).toEqual({ orderNumber: '#1002', shipments: [] });
  });

  it('fails with upstream_error when the token is refused', async () => {
    const error = await failureOf(connector.probe(integration('shpat_wrong'), new AbortController().signal));
    expect(error.failure).toBe('upstream_error');
    expect(error.message).toContain('credentials refused');
    expect(error.message).not.toContain('shpat_wrong');
    expect(shop.state.requests[0]?.status).toBe(401);
  });

  it('fails with rate_limited and the wait Shopify asks for when THROTTLED', async () => {
    shop.state.faults.throttleNext = 1;
    shop.state.faults.retryAfterSeconds = 2;
    const error = await failureOf(connector.call(integration(), 'product_search', { query: 'iphone' }, options()));
    expect(error.failure).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(2);
    await expect(connector.call(integration(), 'product_search', { query: 'iphone' }, options())).resolves.toHaveProperty('products');
  });

  it('fails with upstream_error on a 500', async () => {
    shop.state.faults.serverErrorNext = 1;
    const error = await failureOf(
      connector.call(integration(), 'order_status', { order_number: '1001', email: 'alice@example.com' }, options()),
    );
    expect(error.failure).toBe('upstream_error');
    expect(error.message).toContain('500');
  });

  it('fails with timeout when the shop is slower than the request timeout', async () => {
    shop.state.faults.delayMs = 10_000;
    const slowTransport = {
      send: (i: IntegrationDefinition, r: HttpRequest) =>
        new GuardedHttpTransport({ allowPrivateTargets: true }).send(i, { ...r, timeoutMs: 100 }),
    };
    const error = await failureOf(new ShopifyConnector(slowTransport).probe(integration(), new AbortController().signal));
    expect(error.failure).toBe('timeout');
  });

  it('does not serve store hours or endpoints', async () => {
    expect(connector.supports(integration(), 'order_status')).toBe(true);
    expect(connector.supports(integration(), 'store_hours')).toBe(false);
    const error = await failureOf(connector.call(integration(), 'store_hours', {}, options()));
    expect(error.failure).toBe('not_configured');
  });

  it('answers in the shapes of the contracts', async () => {
    toolResultSchemas.product_search.parse(
      await connector.call(integration(), 'product_search', { query: 'iphone', limit: 10 }, options()),
    );
    toolResultSchemas.product_details.parse(
      await connector.call(integration(), 'product_details', { product: 'silicone-case-iphone-15' }, options()),
    );
    toolResultSchemas.order_status.parse(
      await connector.call(integration(), 'order_status', { order_number: '#1001', email: 'alice@example.com' }, options()),
    );
    toolResultSchemas.order_status.parse(
      await connector.call(integration(), 'order_status', { order_number: '#1003', email: 'carol@example.com' }, options()),
    );
    toolResultSchemas.shipment_tracking.parse(
      await connector.call(integration(), 'shipment_tracking', { order_number: '#1004', email: 'dave@example.com' }, options()),
    );
    expect(shop.state.requests.every((r) => r.status === 200 || r.status === 404)).toBe(true);
  });
});
