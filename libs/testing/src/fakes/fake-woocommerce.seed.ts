// The fake WooCommerce store's catalogue, orders and shipment trackings, in the REST API v3
// shapes (the fields Parley's WooCommerce connector reads, and a few around them). Permalinks
// are filled in from the fake's own URL when it starts.

export interface FakeWooProduct {
  id: number;
  name: string;
  slug: string;
  type: 'simple' | 'variable';
  status: 'publish' | 'draft' | 'private';
  sku: string;
  price: string;
  regular_price: string;
  manage_stock: boolean;
  stock_quantity: number | null;
  stock_status: 'instock' | 'outofstock' | 'onbackorder';
  purchasable: boolean;
  variations: number[];
}

export interface FakeWooVariation {
  id: number;
  sku: string;
  price: string;
  status: 'publish' | 'private';
  manage_stock: boolean | 'parent';
  stock_quantity: number | null;
  stock_status: 'instock' | 'outofstock' | 'onbackorder';
  purchasable: boolean;
  attributes: { id: number; name: string; option: string }[];
}

export interface FakeWooOrder {
  id: number;
  number: string;
  status: string;
  currency: string;
  date_created: string;
  date_created_gmt: string;
  total: string;
  billing: { first_name: string; last_name: string; email: string; phone: string };
  shipping: { first_name: string; last_name: string; phone: string };
  line_items: { id: number; name: string; product_id: number; quantity: number; total: string }[];
}

export interface FakeWooTracking {
  tracking_id: string;
  tracking_provider: string;
  custom_tracking_provider: string;
  tracking_link: string;
  tracking_number: string;
  date_shipped: string;
}

export interface FakeWooData {
  currency: { code: string; name: string; symbol: string };
  products: FakeWooProduct[];
  /** Variations by parent product id. */
  variations: Record<number, FakeWooVariation[]>;
  orders: FakeWooOrder[];
  /** Shipment Tracking items by order id. */
  trackings: Record<number, FakeWooTracking[]>;
}

function product(p: Partial<FakeWooProduct> & Pick<FakeWooProduct, 'id' | 'name' | 'slug' | 'sku' | 'price'>): FakeWooProduct {
  return {
    type: 'simple',
    status: 'publish',
    regular_price: p.price,
    manage_stock: true,
    stock_quantity: 0,
    stock_status: 'instock',
    purchasable: true,
    variations: [],
    ...p,
  };
}

function colour(id: number, option: string, stock: Partial<FakeWooVariation>): FakeWooVariation {
  return {
    id,
    sku: `WCASE15-${option.slice(0, 3).toUpperCase()}`,
    price: '49.00',
    status: 'publish',
    manage_stock: true,
    stock_quantity: 0,
    stock_status: 'instock',
    purchasable: true,
    attributes: [{ id: 1, name: 'Colour', option }],
    ...stock,
  };
}

function order(id: number, status: string, who: [string, string, string], total: string, items: [string, number, number][]): FakeWooOrder {
  const [name, email, phone] = who;
  const date = `2026-11-${String(10 + (id % 20)).padStart(2, '0')}T10:15:00`;
  return {
    id,
    number: String(id),
    status,
    currency: 'USD',
    date_created: date,
    date_created_gmt: date,
    total,
    billing: { first_name: name, last_name: 'Example', email, phone },
    shipping: { first_name: name, last_name: 'Example', phone: '' },
    line_items: items.map(([title, productId, quantity], i) => ({
      id: id * 10 + i,
      name: title,
      product_id: productId,
      quantity,
      total: '0.00',
    })),
  };
}

/** A fresh copy of the seeded store (tests may change it). */
export function seedFakeWooCommerce(): FakeWooData {
  const delivered = order(5004, 'completed', ['Dave', 'dave@example.com', '(510) 555-0144'], '1598.00', [['iPhone 15 128GB', 11, 2]]);
  delivered.number = '1004'; // as a sequential order numbers plugin would number it
  return {
    currency: { code: 'USD', name: 'United States (US) dollar', symbol: '&#36;' },
    products: [
      product({ id: 11, name: 'iPhone 15 128GB', slug: 'iphone-15-128gb', sku: 'IP15-128-BLK', price: '799.00', stock_quantity: 5 }),
      product({
        id: 12,
        name: 'iPhone 14 128GB',
        slug: 'iphone-14-128gb',
        sku: 'IP14-128-BLK',
        price: '599.00',
        stock_status: 'outofstock',
      }),
      product({
        id: 13,
        name: 'Silicone Case for iPhone 15',
        slug: 'silicone-case-iphone-15',
        type: 'variable',
        sku: 'WCASE15',
        price: '49.00',
        manage_stock: false,
        stock_quantity: null,
        variations: [131, 132, 133],
      }),
      product({
        id: 14,
        name: 'iPhone 16 Pro (coming soon)',
        slug: 'iphone-16-pro',
        sku: 'IP16P-256',
        price: '1099.00',
        status: 'draft',
        stock_quantity: 40,
      }),
    ],
    variations: {
      13: [
        colour(131, 'Black', { stock_quantity: 3 }),
        colour(132, 'Blue', { stock_status: 'outofstock' }),
        colour(133, 'Pink', { manage_stock: false, stock_quantity: null, stock_status: 'onbackorder', price: '49.50' }),
      ],
    },
    orders: [
      order(1001, 'completed', ['Alice', 'alice@example.com', '+1 415-555-0101'], '799.00', [['iPhone 15 128GB', 11, 1]]),
      order(1002, 'processing', ['Bob', 'bob@example.com', '07700 900123'], '98.50', [
        ['Silicone Case for iPhone 15 - Black', 13, 1],
        ['Silicone Case for iPhone 15 - Pink', 13, 1],
      ]),
      order(1003, 'cancelled', ['Carol', 'carol@example.com', '+49 30 1234 5678'], '599.00', [['iPhone 14 128GB', 12, 1]]),
      delivered,
    ],
    trackings: {
      1001: [
        {
          tracking_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          tracking_provider: 'UPS',
          custom_tracking_provider: '',
          tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
          tracking_number: '1Z999AA10123456784',
          date_shipped: '2026-11-21',
        },
      ],
    },
  };
}
