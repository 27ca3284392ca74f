// The fake Shopify shop's catalogue and orders, in the GraphQL Admin API's node shapes (the
// fields Parley's Shopify connector selects). Orders carry an email and a phone so tests can
// check that a lookup needs them.

export interface FakeShopifyVariant {
  id: string;
  title: string;
  sku: string | null;
  price: string;
  inventoryQuantity: number;
  availableForSale: boolean;
  inventoryItem: { tracked: boolean };
}

export interface FakeShopifyProduct {
  id: string;
  title: string;
  handle: string;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  vendor: string;
  /** Published to the online store: onlineStoreUrl is set from the fake's own URL. */
  published: boolean;
  variants: FakeShopifyVariant[];
}

export interface FakeShopifyFulfillment {
  status: 'SUCCESS' | 'CANCELLED';
  displayStatus: string;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
}

export interface FakeShopifyOrder {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  billingAddress: { phone: string | null } | null;
  shippingAddress: { phone: string | null } | null;
  createdAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string;
  displayFulfillmentStatus: string;
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  lineItems: { nodes: { title: string; quantity: number }[] };
  fulfillments: FakeShopifyFulfillment[];
}

export interface FakeShopifyData {
  shop: { name: string; currencyCode: string };
  products: FakeShopifyProduct[];
  orders: FakeShopifyOrder[];
}

function variant(id: number, title: string, sku: string | null, price: string, quantity: number, tracked = true): FakeShopifyVariant {
  return {
    id: `gid://shopify/ProductVariant/${id}`,
    title,
    sku,
    price,
    inventoryQuantity: quantity,
    availableForSale: !tracked || quantity > 0,
    inventoryItem: { tracked },
  };
}

function money(amount: string): FakeShopifyOrder['totalPriceSet'] {
  return { shopMoney: { amount, currencyCode: 'USD' } };
}

/** A fresh copy of the seeded shop (tests may change it). */
export function seedFakeShopify(): FakeShopifyData {
  return {
    shop: { name: 'Parley Demo Phones', currencyCode: 'USD' },
    products: [
      {
        id: 'gid://shopify/Product/1001',
        title: 'iPhone 15 128GB',
        handle: 'iphone-15-128gb',
        status: 'ACTIVE',
        vendor: 'Apple',
        published: true,
        variants: [variant(50011, 'Default Title', 'IP15-128-BLK', '799.0', 5)],
      },
      {
        id: 'gid://shopify/Product/1002',
        title: 'iPhone 14 128GB',
        handle: 'iphone-14-128gb',
        status: 'ACTIVE',
        vendor: 'Apple',
        published: true,
        variants: [variant(50021, 'Default Title', 'IP14-128-BLK', '599.0', 0)],
      },
      {
        id: 'gid://shopify/Product/1003',
        title: 'Silicone Case for iPhone 15',
        handle: 'silicone-case-iphone-15',
        status: 'ACTIVE',
        vendor: 'Apple',
        published: true,
        variants: [
          variant(50031, 'Black', 'CASE15-BLK', '49.0', 3),
          variant(50032, 'Blue', 'CASE15-BLU', '49.0', 0),
          variant(50033, 'Pink', 'CASE15-PNK', '49.5', 7),
        ],
      },
      {
        id: 'gid://shopify/Product/1004',
        title: 'Gift Card',
        handle: 'gift-card',
        status: 'ACTIVE',
        vendor: 'Parley Demo Phones',
        published: false,
        variants: [variant(50041, '$25', null, '25.0', 0, false)],
      },
      {
        id: 'gid://shopify/Product/1005',
        title: 'iPhone 16 Pro (coming soon)',
        handle: 'iphone-16-pro',
        status: 'DRAFT',
        vendor: 'Apple',
        published: false,
        variants: [variant(50051, 'Default Title', 'IP16P-256', '1099.0', 40)],
      },
    ],
    orders: [
      {
        id: 'gid://shopify/Order/9001',
        name: '#1001',
        email: 'alice@example.com',
        phone: '+14155550101',
        billingAddress: { phone: '+1 415-555-0101' },
        shippingAddress: { phone: null },
        createdAt: '2026-11-20T10:15:00Z',
        cancelledAt: null,
        displayFinancialStatus: 'PAID',
        displayFulfillmentStatus: 'FULFILLED',
        totalPriceSet: money('799.0'),
        lineItems: { nodes: [{ title: 'iPhone 15 128GB', quantity: 1 }] },
        fulfillments: [
          {
            status: 'SUCCESS',
            displayStatus: 'IN_TRANSIT',
            trackingInfo: [{ company: 'UPS', number: '1Z999AA10123456784', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }],
          },
        ],
      },
      {
        id: 'gid://shopify/Order/9002',
        name: '#1002',
        email: 'bob@example.com',
        phone: null,
        billingAddress: { phone: '+44 7700 900123' },
        shippingAddress: { phone: '+44 7700 900123' },
        createdAt: '2026-11-28T16:40:00Z',
        cancelledAt: null,
        displayFinancialStatus: 'PAID',
        displayFulfillmentStatus: 'UNFULFILLED',
        totalPriceSet: money('98.5'),
        lineItems: {
          nodes: [
            { title: 'Silicone Case for iPhone 15 - Black', quantity: 1 },
            { title: 'Silicone Case for iPhone 15 - Pink', quantity: 1 },
          ],
        },
        fulfillments: [],
      },
      {
        id: 'gid://shopify/Order/9003',
        name: '#1003',
        email: 'carol@example.com',
        phone: '+493012345678',
        billingAddress: null,
        shippingAddress: null,
        createdAt: '2026-12-01T09:05:00Z',
        cancelledAt: '2026-12-01T11:00:00Z',
        displayFinancialStatus: 'REFUNDED',
        displayFulfillmentStatus: 'UNFULFILLED',
        totalPriceSet: money('599.0'),
        lineItems: { nodes: [{ title: 'iPhone 14 128GB', quantity: 1 }] },
        fulfillments: [],
      },
      {
        id: 'gid://shopify/Order/9004',
        name: '#1004',
        email: 'dave@example.com',
        phone: '+15105550144',
        billingAddress: null,
        shippingAddress: null,
        createdAt: '2026-11-10T08:00:00Z',
        cancelledAt: null,
        displayFinancialStatus: 'PAID',
        displayFulfillmentStatus: 'FULFILLED',
        totalPriceSet: money('1598.0'),
        lineItems: { nodes: [{ title: 'iPhone 15 128GB', quantity: 2 }] },
        fulfillments: [
          {
            status: 'SUCCESS',
            displayStatus: 'DELIVERED',
            trackingInfo: [
              {
                company: 'USPS',
                number: '9400111899560000000000',
                url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899560000000000',
              },
            ],
          },
        ],
      },
    ],
  };
}
