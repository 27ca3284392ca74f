import type { BuiltinToolKey, ResponseMapping, ToolArgs, ToolOrder, ToolProduct, ToolResult } from '@parley/contracts';
import { contactMatches } from './contact-match.util';
import { readPath } from './dot-path.util';
import { normaliseOrderStatus } from './order-status.util';
import { boolean, clock, currency, integer, isoDate, list, money, text, weekday } from './value-coercion.util';

/** call_endpoint without field mappings returns the raw answer, cut to this many characters of JSON. */
export const MAX_RAW_JSON_CHARS = 16_000;

export interface MappingSource {
  /** The items the answer holds at the mapping's root: REST items or SQL rows. */
  items: readonly unknown[];
  /** Whether the root held one object rather than a list (call_endpoint keeps the shape). */
  single: boolean;
  /** The value at the root, for call_endpoint without field mappings. */
  raw: unknown;
}

type Item = unknown;

/**
 * Maps a tenant system's answer (REST JSON items or SQL rows) into a built-in tool's normalised
 * result. `fields` maps a result field to a dot path (REST) or a column (SQL); a field without a
 * mapping is read under its own name. The result is validated against the tool's schema by the
 * executor: a mapping that yields something invalid is the tenant system's error.
 */
export function mapToolResult<K extends BuiltinToolKey>(
  toolKey: K,
  source: MappingSource,
  mapping: ResponseMapping,
  args: ToolArgs<K>,
  settings: Readonly<Record<string, unknown>> = {},
): ToolResult<K> {
  const read = (item: Item, field: string): unknown => readPath(item, mapping.fields[field] ?? field);
  const mapped = ((): unknown => {
    switch (toolKey) {
      case 'product_search': {
        const limit = (args as ToolArgs<'product_search'>).limit ?? 10;
        return { products: source.items.slice(0, limit).map((item) => product(item, read)) };
      }
      case 'product_details':
        return { product: source.items.length > 0 ? product(source.items[0], read) : null };
      case 'order_status': {
        const found = orderItems(source.items, read, mapping, args as ToolArgs<'order_status'>);
        return { order: found.length > 0 ? order(found[0], read, args as ToolArgs<'order_status'>) : null };
      }
      case 'shipment_tracking':
        return shipments(
          orderItems(source.items, read, mapping, args as ToolArgs<'shipment_tracking'>),
          read,
          args as ToolArgs<'shipment_tracking'>,
        );
      case 'store_hours':
        return storeHours(source.items, read, settings);
      case 'call_endpoint':
        return { data: callEndpointData(source, mapping) };
    }
  })();
  return mapped as ToolResult<K>;
}

type Read = (item: Item, field: string) => unknown;

function product(item: Item, read: Read): ToolProduct {
  const quantity = integer(read(item, 'quantity'));
  const sku = text(read(item, 'sku'), 200);
  const title = text(read(item, 'title'), 300) ?? text(read(item, 'name'), 300) ?? '';
  return {
    id: text(read(item, 'id'), 200) ?? sku ?? title.slice(0, 200),
    title,
    sku,
    price: money(read(item, 'price')),
    currency: currency(read(item, 'currency')),
    quantity,
    available: boolean(read(item, 'available')) ?? (quantity === null ? true : quantity > 0),
    url: text(read(item, 'url'), 2000),
    variants: list(read(item, 'variants'))
      .slice(0, 50)
      .map((variant) => {
        const q = integer(readPath(variant, 'quantity'));
        const variantSku = text(readPath(variant, 'sku'), 200);
        return {
          id: text(readPath(variant, 'id'), 200) ?? variantSku ?? '',
          title: text(readPath(variant, 'title'), 300) ?? text(readPath(variant, 'name'), 300) ?? '',
          sku: variantSku,
          price: money(readPath(variant, 'price')),
          quantity: q,
          available: boolean(readPath(variant, 'available')) ?? (q === null ? true : q > 0),
        };
      }),
  };
}

/**
 * The items that are the asked order: when the answer names order numbers, only the one asked
 * for; when the mapping reads an email or phone, only an order whose contact matches the one
 * given (no enumeration by guessing numbers); so does an item that carries an `email` or `phone`
 * of its own. When neither is there, the endpoint itself was given the email or phone and is
 * trusted to have checked it.
 */
function orderItems(items: readonly Item[], read: Read, mapping: ResponseMapping, args: ToolArgs<'order_status'>): Item[] {
  const wanted = normaliseOrderNumber(args.order_number);
  const checksContact = 'email' in mapping.fields || 'phone' in mapping.fields;
  return items.filter((item) => {
    const number = text(read(item, 'orderNumber'), 64) ?? text(read(item, 'order_number'), 64);
    if (number !== null && normaliseOrderNumber(number) !== wanted) return false;
    const contact = { email: read(item, 'email'), phone: read(item, 'phone') };
    const carriesContact =
      (contact.email !== undefined && contact.email !== null) || (contact.phone !== undefined && contact.phone !== null);
    return (!checksContact && !carriesContact) || contactMatches(args, contact);
  });
}

export function normaliseOrderNumber(value: string): string {
  return value.trim().replace(/^#/, '').toLowerCase();
}

function order(item: Item, read: Read, args: ToolArgs<'order_status'>): ToolOrder {
  const status = read(item, 'status');
  return {
    orderNumber: text(read(item, 'orderNumber'), 64) ?? text(read(item, 'order_number'), 64) ?? args.order_number,
    status: normaliseOrderStatus(status),
    shopStatus: text(status, 100),
    placedAt: text(read(item, 'placedAt'), 40),
    total: money(read(item, 'total')),
    currency: currency(read(item, 'currency')),
    items: list(read(item, 'items'))
      .slice(0, 100)
      .map((line) => ({
        title: text(readPath(line, 'title'), 300) ?? text(readPath(line, 'name'), 300) ?? '',
        quantity: integer(readPath(line, 'quantity')) ?? integer(readPath(line, 'qty')) ?? 1,
      })),
  };
}

/**
 * Shipments: either the (first) item lists them under `shipments`, or each item (a SQL row, an
 * element of a list) is one shipment.
 */
function shipments(items: readonly Item[], read: Read, args: ToolArgs<'shipment_tracking'>): ToolResult<'shipment_tracking'> {
  if (items.length === 0) return { orderNumber: null, shipments: [] };
  const first = items[0];
  const orderNumber = text(read(first, 'orderNumber'), 64) ?? text(read(first, 'order_number'), 64) ?? args.order_number;
  const nested = read(first, 'shipments');
  const shipmentItems = Array.isArray(nested) ? nested : items;
  const readShipment: Read = Array.isArray(nested) ? (item, field) => readPath(item, field) : read;
  return {
    orderNumber,
    shipments: shipmentItems
      .slice(0, 20)
      .map((item) => ({
        carrier: text(readShipment(item, 'carrier'), 100),
        trackingNumber: text(readShipment(item, 'trackingNumber'), 100) ?? text(readShipment(item, 'tracking_number'), 100),
        url: text(readShipment(item, 'url'), 2000) ?? text(readShipment(item, 'tracking_url'), 2000),
        status: text(readShipment(item, 'status'), 100),
      }))
      .filter((s) => s.carrier !== null || s.trackingNumber !== null || s.url !== null || s.status !== null),
  };
}

/**
 * Opening hours: each item one opening period (`weekday`, `opens`, `closes`: SQL rows, a list),
 * or one item with `timezone`, `hours`, `slots` and `closedDates`.
 */
function storeHours(items: readonly Item[], read: Read, settings: Readonly<Record<string, unknown>>): ToolResult<'store_hours'> {
  const fallbackZone = typeof settings['timezone'] === 'string' ? settings['timezone'] : 'UTC';
  const period = (item: Item, get: Read) => ({
    weekday: weekday(get(item, 'weekday')),
    opens: clock(get(item, 'opens')),
    closes: clock(get(item, 'closes')),
  });
  const complete = (p: ReturnType<typeof period>): p is { weekday: number; opens: string; closes: string } =>
    p.weekday !== null && p.opens !== null && p.closes !== null;
  const first = items[0];
  if (first === undefined) return { timezone: fallbackZone, hours: [], slots: [], closedDates: [] };
  const timezone = text(read(first, 'timezone'), 64) ?? fallbackZone;
  if (weekday(read(first, 'weekday')) !== null)
    return {
      timezone,
      hours: items
        .map((item) => period(item, read))
        .filter(complete)
        .slice(0, 21),
      slots: [],
      closedDates: [],
    };
  return {
    timezone,
    hours: list(read(first, 'hours'))
      .map((item) => period(item, (i, f) => readPath(i, f)))
      .filter(complete)
      .slice(0, 21),
    slots: list(read(first, 'slots'))
      .map((slot) => text(slot, 40))
      .filter((slot): slot is string => slot !== null)
      .slice(0, 100),
    closedDates: list(read(first, 'closedDates'))
      .map(isoDate)
      .filter((date): date is string => date !== null)
      .slice(0, 366),
  };
}

function callEndpointData(source: MappingSource, mapping: ResponseMapping): unknown {
  const names = Object.keys(mapping.fields);
  if (names.length === 0) return truncateJson(source.raw);
  const pick = (item: Item): Record<string, unknown> =>
    Object.fromEntries(names.map((name) => [name, jsonSafe(readPath(item, mapping.fields[name]))]));
  return truncateJson(source.single ? (source.items[0] === undefined ? null : pick(source.items[0])) : source.items.map(pick));
}

/** JSON-able values only (SQL drivers hand back Dates, bigints and Buffers). */
function jsonSafe(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}

/**
 * A raw answer small enough to hand to the model: whole when its JSON fits, else as many list
 * entries as fit (with the total), else a cut preview of the text.
 */
export function truncateJson(value: unknown, max = MAX_RAW_JSON_CHARS): unknown {
  const safe = jsonSafe(value);
  const json = JSON.stringify(safe) ?? 'null';
  if (json.length <= max) return safe;
  if (Array.isArray(safe)) {
    const kept: unknown[] = [];
    let size = 2;
    for (const entry of safe) {
      const length = (JSON.stringify(entry) ?? 'null').length + 1;
      if (size + length > max) break;
      kept.push(entry);
      size += length;
    }
    return { truncated: true, totalItems: safe.length, items: kept };
  }
  return { truncated: true, preview: json.slice(0, max) };
}
