import { mapWooOrder, mapWooProduct, mapWooShipments, normaliseWooStatus } from '../woocommerce.mapper';
import type { WooProduct, WooVariation } from '../woocommerce.types';

describe('normaliseWooStatus', () => {
  it.each([
    ['pending', 'pending'],
    ['checkout-draft', 'pending'],
    ['processing', 'processing'],
    ['on-hold', 'on_hold'],
    ['completed', 'shipped'],
    ['shipped', 'shipped'],
    ['delivered', 'delivered'],
    ['cancelled', 'cancelled'],
    ['failed', 'cancelled'],
    ['refunded', 'refunded'],
    ['wc-custom', 'unknown'],
    [undefined, 'unknown'],
  ])('%s -> %s', (status, expected) => {
    expect(normaliseWooStatus(status)).toBe(expected);
  });
});

describe('mapWooProduct', () => {
  const simple: WooProduct = {
    id: 11,
    name: 'iPhone 15 128GB',
    sku: 'IP15',
    price: '799',
    manage_stock: true,
    stock_quantity: 5,
    stock_status: 'instock',
    permalink: 'https://shop.example/product/iphone-15/',
  };

  it('maps a simple product with managed stock', () => {
    expect(mapWooProduct(simple, [], 'USD')).toEqual({
      id: '11',
      title: 'iPhone 15 128GB',
      sku: 'IP15',
      price: '799.00',
      currency: 'USD',
      quantity: 5,
      available: true,
      url: 'https://shop.example/product/iphone-15/',
      variants: [],
    });
  });

  it('has no quantity without managed stock, and no price when WooCommerce has none', () => {
    const product = mapWooProduct(
      { ...simple, manage_stock: false, stock_quantity: null, stock_status: 'onbackorder', price: '' },
      [],
      null,
    );
    expect(product).toMatchObject({ quantity: null, available: true, price: null, currency: null });
    expect(mapWooProduct({ ...simple, stock_quantity: 0, stock_status: 'outofstock' }, [], 'USD')).toMatchObject({
      quantity: 0,
      available: false,
    });
  });

  const variations: WooVariation[] = [
    {
      id: 131,
      sku: 'B',
      price: '49.00',
      manage_stock: true,
      stock_quantity: 3,
      stock_status: 'instock',
      attributes: [{ name: 'Colour', option: 'Black' }],
    },
    {
      id: 132,
      sku: '',
      price: '49.00',
      manage_stock: true,
      stock_quantity: 0,
      stock_status: 'outofstock',
      attributes: [{ name: 'Colour', option: 'Blue' }],
    },
    {
      id: 133,
      price: '49.5',
      manage_stock: false,
      stock_quantity: null,
      stock_status: 'onbackorder',
      attributes: [
        { name: 'Colour', option: 'Pink' },
        { name: 'Size', option: 'L' },
      ],
    },
    { id: 134, price: '49.00', status: 'private', manage_stock: true, stock_quantity: 9, stock_status: 'instock' },
  ];
  const variable: WooProduct = {
    id: 13,
    name: 'Case',
    type: 'variable',
    price: '49.00',
    manage_stock: false,
    stock_quantity: null,
    stock_status: 'instock',
  };

  it('sums the variations that manage their stock and skips unpublished ones', () => {
    const product = mapWooProduct(variable, variations, 'EUR');
    expect(product).toMatchObject({ quantity: 3, available: true, price: '49.00', currency: 'EUR' });
    expect(product.variants.map((v) => [v.id, v.title, v.sku, v.price, v.quantity, v.available])).toEqual([
      ['131', 'Black', 'B', '49.00', 3, true],
      ['132', 'Blue', null, '49.00', 0, false],
      ['133', 'Pink / L', null, '49.50', null, true],
    ]);
  });

  it("uses the parent's stock when it is managed at product level", () => {
    const parentManaged = { ...variable, manage_stock: true, stock_quantity: 12 };
    const shared: WooVariation[] = [
      { id: 1, price: '10', manage_stock: 'parent', stock_quantity: 12, stock_status: 'instock', attributes: [{ option: 'S' }] },
      { id: 2, price: '10', manage_stock: 'parent', stock_quantity: 12, stock_status: 'instock', attributes: [{ option: 'M' }] },
    ];
    const product = mapWooProduct(parentManaged, shared, 'USD');
    expect(product.quantity).toBe(12);
    expect(product.variants.map((v) => v.quantity)).toEqual([12, 12]);
  });

  it('is unavailable when every variation is out of stock', () => {
    const out = variations.slice(1, 2);
    expect(mapWooProduct(variable, out, 'USD')).toMatchObject({ available: false, quantity: 0 });
  });
});

describe('mapWooOrder and mapWooShipments', () => {
  it('maps an order, its GMT date as UTC and its total in its currency', () => {
    expect(
      mapWooOrder({
        id: 5004,
        number: '1004',
        status: 'completed',
        currency: 'jpy',
        date_created_gmt: '2026-11-20T10:15:00',
        total: '12000.00',
        line_items: [{ name: 'Case', quantity: 2 }],
      }),
    ).toEqual({
      orderNumber: '1004',
      status: 'shipped',
      shopStatus: 'completed',
      placedAt: '2026-11-20T10:15:00Z',
      total: '12000',
      currency: 'JPY',
      items: [{ title: 'Case', quantity: 2 }],
    });
  });

  it('maps Shipment Tracking items, custom providers included', () => {
    expect(
      mapWooShipments([
        { tracking_provider: 'UPS', tracking_number: '1Z', tracking_link: 'https://ups.example/1Z', date_shipped: '2026-11-21' },
        { tracking_provider: '', custom_tracking_provider: 'Local Courier', tracking_number: 'LC-1', tracking_link: '' },
      ]),
    ).toEqual([
      { carrier: 'UPS', trackingNumber: '1Z', url: 'https://ups.example/1Z', status: 'shipped' },
      { carrier: 'Local Courier', trackingNumber: 'LC-1', url: null, status: null },
    ]);
  });
});
