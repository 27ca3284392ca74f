import type { ShopifyFulfillmentNode, ShopifyOrderNode, ShopifyProductNode } from '../shopify.types';
import { mapShopifyOrder, mapShopifyProduct, mapShopifyShipments, normaliseShopifyStatus } from '../shopify.mapper';

const shipped: ShopifyFulfillmentNode = { status: 'SUCCESS', displayStatus: 'IN_TRANSIT', trackingInfo: [] };
const delivered: ShopifyFulfillmentNode = { status: 'SUCCESS', displayStatus: 'DELIVERED', trackingInfo: [] };
const cancelledFulfillment: ShopifyFulfillmentNode = { status: 'CANCELLED', displayStatus: 'CANCELED', trackingInfo: [] };

describe('normaliseShopifyStatus', () => {
  it.each<[string, ShopifyOrderNode, string]>([
    [
      'cancelled',
      { cancelledAt: '2026-12-01T00:00:00Z', displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'FULFILLED' },
      'cancelled',
    ],
    ['refunded', { displayFinancialStatus: 'REFUNDED', displayFulfillmentStatus: 'FULFILLED' }, 'refunded'],
    ['voided', { displayFinancialStatus: 'VOIDED', displayFulfillmentStatus: 'UNFULFILLED' }, 'cancelled'],
    ['fulfilled in transit', { displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'FULFILLED', fulfillments: [shipped] }, 'shipped'],
    [
      'fulfilled, delivered',
      { displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'FULFILLED', fulfillments: [delivered, cancelledFulfillment] },
      'delivered',
    ],
    [
      'fulfilled, one of two delivered',
      { displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'FULFILLED', fulfillments: [delivered, shipped] },
      'shipped',
    ],
    [
      'fulfilled, no fulfilment listed',
      { displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'FULFILLED', fulfillments: [] },
      'shipped',
    ],
    ['on hold', { displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'ON_HOLD' }, 'on_hold'],
    ['payment pending', { displayFinancialStatus: 'PENDING', displayFulfillmentStatus: 'UNFULFILLED' }, 'pending'],
    ['paid, unfulfilled', { displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'UNFULFILLED' }, 'processing'],
    [
      'authorised, partially fulfilled',
      { displayFinancialStatus: 'AUTHORIZED', displayFulfillmentStatus: 'PARTIALLY_FULFILLED' },
      'processing',
    ],
    [
      'partially refunded, in progress',
      { displayFinancialStatus: 'PARTIALLY_REFUNDED', displayFulfillmentStatus: 'IN_PROGRESS' },
      'processing',
    ],
    ['restocked', { displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'RESTOCKED' }, 'unknown'],
    ['nothing said', {}, 'unknown'],
  ])('%s', (_name, order, expected) => {
    expect(normaliseShopifyStatus(order)).toBe(expected);
  });
});

describe('mapShopifyProduct', () => {
  const caseProduct: ShopifyProductNode = {
    id: 'gid://shopify/Product/3',
    title: 'Case',
    onlineStoreUrl: 'https://shop.example/products/case',
    priceRangeV2: { minVariantPrice: { amount: '49.0', currencyCode: 'USD' } },
    variants: {
      nodes: [
        {
          id: 'v1',
          title: 'Black',
          sku: 'C-BLK',
          price: '49.0',
          inventoryQuantity: 3,
          availableForSale: true,
          inventoryItem: { tracked: true },
        },
        {
          id: 'v2',
          title: 'Blue',
          sku: 'C-BLU',
          price: '49.0',
          inventoryQuantity: 0,
          availableForSale: false,
          inventoryItem: { tracked: true },
        },
        { id: 'v3', title: 'Pink', sku: '', price: '49.5', inventoryQuantity: 7, availableForSale: true, inventoryItem: { tracked: true } },
        {
          id: 'v4',
          title: 'Custom',
          sku: 'C-CUS',
          price: '59.0',
          inventoryQuantity: -2,
          availableForSale: true,
          inventoryItem: { tracked: false },
        },
      ],
    },
  };

  it('sums the tracked variants, formats prices and keeps per-variant stock', () => {
    const product = mapShopifyProduct(caseProduct);
    expect(product).toMatchObject({
      price: '49.00',
      currency: 'USD',
      quantity: 10,
      available: true,
      sku: null,
      url: 'https://shop.example/products/case',
    });
    expect(product.variants.map((v) => [v.title, v.sku, v.price, v.quantity, v.available])).toEqual([
      ['Black', 'C-BLK', '49.00', 3, true],
      ['Blue', 'C-BLU', '49.00', 0, false],
      ['Pink', null, '49.50', 7, true],
      ['Custom', 'C-CUS', '59.00', null, true],
    ]);
  });

  it('has no quantity when no variant is tracked, and the single variant SKU as its own', () => {
    const product = mapShopifyProduct({
      id: 'p',
      title: 'Gift card',
      priceRangeV2: { minVariantPrice: { amount: '25.0', currencyCode: 'EUR' } },
      variants: {
        nodes: [
          {
            id: 'v',
            title: '$25',
            sku: 'GC',
            price: { amount: '25.0' },
            inventoryQuantity: 0,
            availableForSale: true,
            inventoryItem: { tracked: false },
          },
        ],
      },
    });
    expect(product).toMatchObject({ quantity: null, sku: 'GC', price: '25.00', currency: 'EUR', available: true, url: null });
    expect(product.variants[0].price).toBe('25.00');
  });

  it('is unavailable when no variant is for sale', () => {
    const product = mapShopifyProduct({
      id: 'p',
      title: 'Gone',
      variants: { nodes: [{ id: 'v', availableForSale: false, inventoryQuantity: 0 }] },
    });
    expect(product).toMatchObject({ available: false, quantity: 0, price: null, currency: null });
  });
});

describe('mapShopifyOrder and mapShopifyShipments', () => {
  const order: ShopifyOrderNode = {
    name: '#1001',
    createdAt: '2026-11-20T10:15:00Z',
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'FULFILLED',
    totalPriceSet: { shopMoney: { amount: '1598.0', currencyCode: 'USD' } },
    lineItems: { nodes: [{ title: 'iPhone 15 128GB', quantity: 2 }] },
    fulfillments: [
      {
        status: 'SUCCESS',
        displayStatus: 'IN_TRANSIT',
        trackingInfo: [
          { company: 'UPS', number: '1Z', url: 'https://ups.example/1Z' },
          { company: 'UPS', number: '2Z', url: null },
        ],
      },
      { status: 'SUCCESS', displayStatus: 'LABEL_PRINTED', trackingInfo: [] },
      { status: 'CANCELLED', displayStatus: 'CANCELED', trackingInfo: [{ company: 'DHL', number: 'X', url: null }] },
    ],
  };

  it('maps the order', () => {
    expect(mapShopifyOrder(order)).toEqual({
      orderNumber: '#1001',
      status: 'shipped',
      shopStatus: 'PAID / FULFILLED',
      placedAt: '2026-11-20T10:15:00Z',
      total: '1598.00',
      currency: 'USD',
      items: [{ title: 'iPhone 15 128GB', quantity: 2 }],
    });
    expect(mapShopifyOrder({ ...order, cancelledAt: '2026-11-21T00:00:00Z' }).shopStatus).toBe('CANCELLED (PAID / FULFILLED)');
  });

  it('lists one shipment per tracking number of the fulfilments not cancelled', () => {
    expect(mapShopifyShipments(order)).toEqual([
      { carrier: 'UPS', trackingNumber: '1Z', url: 'https://ups.example/1Z', status: 'in_transit' },
      { carrier: 'UPS', trackingNumber: '2Z', url: null, status: 'in_transit' },
      { carrier: null, trackingNumber: null, url: null, status: 'label_printed' },
    ]);
    expect(mapShopifyShipments({})).toEqual([]);
  });
});
