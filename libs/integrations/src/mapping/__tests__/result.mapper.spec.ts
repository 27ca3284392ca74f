import type { ResponseMapping } from '@parley/contracts';
import { toolResultSchemas } from '@parley/contracts';
import { contactMatches } from '../contact-match.util';
import { itemsAtRoot } from '../items.util';
import { normaliseOrderStatus } from '../order-status.util';
import { mapToolResult, truncateJson } from '../result.mapper';

const mapping = (root: string | undefined, fields: Record<string, string> = {}): ResponseMapping => ({ ...(root ? { root } : {}), fields });

describe('mapToolResult', () => {
  it('maps a product list by dot paths, with defaults for what is not mapped', () => {
    const json = {
      data: {
        items: [
          { ref: 7, name: 'Blue mug', price: { amount: 12.5, currency: 'eur' }, stock: '3', link: 'https://shop.example/mug' },
          { ref: 8, name: 'Red mug', price: { amount: '9.90' }, stock: 0 },
        ],
      },
    };
    const m = mapping('data.items', {
      id: 'ref',
      title: 'name',
      price: 'price.amount',
      currency: 'price.currency',
      quantity: 'stock',
      url: 'link',
    });
    const result = mapToolResult('product_search', itemsAtRoot(json, m), m, { query: 'mug' });
    expect(toolResultSchemas.product_search.parse(result)).toEqual({
      products: [
        {
          id: '7',
          title: 'Blue mug',
          sku: null,
          price: '12.5',
          currency: 'EUR',
          quantity: 3,
          available: true,
          url: 'https://shop.example/mug',
          variants: [],
        },
        { id: '8', title: 'Red mug', sku: null, price: '9.90', currency: null, quantity: 0, available: false, url: null, variants: [] },
      ],
    });
  });

  it('honours product_search limit and returns product null on an empty answer', () => {
    const m = mapping(undefined);
    const many = itemsAtRoot(
      [
        { id: 1, title: 'a' },
        { id: 2, title: 'b' },
        { id: 3, title: 'c' },
      ],
      m,
    );
    expect(mapToolResult('product_search', many, m, { query: 'x', limit: 2 }).products).toHaveLength(2);
    expect(mapToolResult('product_details', itemsAtRoot([], m), m, { product: 'x' })).toEqual({ product: null });
  });

  it('normalises an order status and keeps the shop word', () => {
    const m = mapping('order', { orderNumber: 'number', status: 'state', total: 'sum' });
    const result = mapToolResult('order_status', itemsAtRoot({ order: { number: '1001', state: 'In Transit', sum: 40 } }, m), m, {
      order_number: '#1001',
      email: 'a@b.example',
    });
    expect(result.order).toMatchObject({ orderNumber: '1001', status: 'shipped', shopStatus: 'In Transit', total: '40' });
    expect(normaliseOrderStatus('wc-on-hold')).toBe('on_hold');
    expect(normaliseOrderStatus('Teleported')).toBe('unknown');
    expect(normaliseOrderStatus(42)).toBe('unknown');
  });

  it('returns no order when the order carries another email or phone (no enumeration)', () => {
    const m = mapping(undefined, { email: 'customer.email', phone: 'customer.phone' });
    const order = { orderNumber: '1001', status: 'paid', customer: { email: 'Ann@Example.com', phone: '+49 171 2345678' } };
    const source = itemsAtRoot(order, m);
    expect(mapToolResult('order_status', source, m, { order_number: '1001', email: 'ann@example.COM' }).order).not.toBeNull();
    expect(mapToolResult('order_status', source, m, { order_number: '1001', phone: '0171-234 5678' }).order).not.toBeNull();
    expect(mapToolResult('order_status', source, m, { order_number: '1001', email: 'mallory@example.com' }).order).toBeNull();
    expect(mapToolResult('order_status', source, m, { order_number: '1001', phone: '5678' }).order).toBeNull();
    expect(mapToolResult('order_status', source, m, { order_number: '1002', email: 'ann@example.com' }).order).toBeNull();
  });

  it('trusts an endpoint that maps no contact and carries none, and checks one that carries it unmapped', () => {
    const m = mapping(undefined);
    expect(
      mapToolResult('order_status', itemsAtRoot({ status: 'paid' }, m), m, { order_number: '9', email: 'a@b.example' }).order,
    ).not.toBeNull();
    expect(
      mapToolResult('order_status', itemsAtRoot({ status: 'paid', email: 'x@y.example' }, m), m, {
        order_number: '9',
        email: 'a@b.example',
      }).order,
    ).toBeNull();
  });

  it('maps shipments listed in an order, and rows that are one shipment each', () => {
    const m = mapping(undefined);
    const nested = { orderNumber: '5', shipments: [{ carrier: 'DHL', tracking_number: 'JD1', tracking_url: 'https://t.example/JD1' }] };
    expect(mapToolResult('shipment_tracking', itemsAtRoot(nested, m), m, { order_number: '5', phone: '+4917112345678' })).toEqual({
      orderNumber: '5',
      shipments: [{ carrier: 'DHL', trackingNumber: 'JD1', url: 'https://t.example/JD1', status: null }],
    });
    const rows = {
      items: [
        { carrier: 'UPS', trackingNumber: '1Z', status: 'in transit' },
        { carrier: 'UPS', trackingNumber: '1Y' },
      ],
      single: false,
      raw: null,
    };
    expect(mapToolResult('shipment_tracking', rows, m, { order_number: '#6', email: 'a@b.example' }).shipments).toHaveLength(2);
  });

  it('maps opening hours from rows and from one object', () => {
    const m = mapping(undefined, { opens: 'open_time', closes: 'close_time', weekday: 'day' });
    const rows = {
      items: [
        { day: 1, open_time: '09:00:00', close_time: '17:30:00' },
        { day: 'Saturday', open_time: '10:00', close_time: '14:00' },
      ],
      single: false,
      raw: null,
    };
    expect(mapToolResult('store_hours', rows, m, {}, { timezone: 'Europe/Berlin' })).toEqual({
      timezone: 'Europe/Berlin',
      hours: [
        { weekday: 1, opens: '09:00', closes: '17:30' },
        { weekday: 6, opens: '10:00', closes: '14:00' },
      ],
      slots: [],
      closedDates: [],
    });
    const one = mapping('shop', { hours: 'opening', closedDates: 'holidays' });
    const json = {
      shop: {
        timezone: 'Europe/Vienna',
        opening: [{ weekday: 0, opens: '9:00', closes: '12:00' }],
        slots: ['10:00'],
        holidays: ['2026-12-25T00:00:00Z'],
      },
    };
    expect(mapToolResult('store_hours', itemsAtRoot(json, one), one, { date: '2026-12-24' })).toEqual({
      timezone: 'Europe/Vienna',
      hours: [{ weekday: 0, opens: '09:00', closes: '12:00' }],
      slots: ['10:00'],
      closedDates: ['2026-12-25'],
    });
  });

  it('gives call_endpoint the mapped fields, or the raw answer cut to size', () => {
    const m = mapping('rows', { name: 'n', city: 'address.city' });
    const json = { rows: [{ n: 'A', address: { city: 'Graz' }, secret: 'x' }] };
    expect(mapToolResult('call_endpoint', itemsAtRoot(json, m), m, { endpoint: 'e' })).toEqual({ data: [{ name: 'A', city: 'Graz' }] });
    const raw = mapping(undefined);
    expect(mapToolResult('call_endpoint', itemsAtRoot({ ok: true }, raw), raw, { endpoint: 'e' })).toEqual({ data: { ok: true } });
    const big = Array.from({ length: 100 }, (_, i) => ({ i, text: 'x'.repeat(100) }));
    const cut = truncateJson(big, 1000) as { truncated: boolean; totalItems: number; items: unknown[] };
    expect(cut.truncated).toBe(true);
    expect(cut.totalItems).toBe(100);
    expect(JSON.stringify(cut.items).length).toBeLessThanOrEqual(1000);
    expect(truncateJson({ s: 'y'.repeat(2000) }, 500)).toEqual({ truncated: true, preview: expect.any(String) });
  });

  it('does not read through prototypes', () => {
    const m = mapping(undefined, { title: 'constructor.name' });
    expect(mapToolResult('product_details', itemsAtRoot({ id: 1 }, m), m, { product: 'x' }).product?.title).toBe('');
  });
});

describe('contactMatches', () => {
  it.each([
    [{ email: 'A@x.example' }, { email: 'a@X.example ' }, true],
    [{ email: 'a@x.example' }, { email: 'b@x.example' }, false],
    [{ phone: '+43 660 1234567' }, { phone: '06601234567' }, true],
    [{ phone: '60 1234567' }, { phone: '+43 660 1234567' }, true],
    [{ phone: '1234567' }, { phone: '+43 660 1234567' }, false],
    [{ phone: '34567' }, { phone: '+43 660 1234567' }, false],
    [{ email: 'a@x.example' }, { phone: '+43 660 1234567' }, false],
    [{ email: 'a@x.example' }, {}, false],
  ])('%j against %j → %s', (given, order, expected) => {
    expect(contactMatches(given, order)).toBe(expected);
  });
});
