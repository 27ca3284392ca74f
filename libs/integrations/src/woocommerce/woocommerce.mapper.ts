import type { ToolOrder, ToolProduct, ToolResult } from '@parley/contracts';
import { formatMoney } from '../shopify/money.util';
import type { WooOrder, WooProduct, WooShipmentTracking, WooVariation } from './woocommerce.types';

// WooCommerce answers to Parley's normalised tool results. Stock: a quantity is
// stock_quantity when WooCommerce manages the stock of that product or variation, null when it
// does not; "available" is stock_status instock or onbackorder (WooCommerce takes orders for
// both). A variable product's quantity is its own when it manages stock at product level,
// otherwise the sum over its variations that manage theirs.

type ShipmentResult = ToolResult<'shipment_tracking'>['shipments'][number];

const MAX_VARIANTS = 50;
const MAX_ITEMS = 100;
const MAX_SHIPMENTS = 20;

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;
}

function inStock(status: unknown): boolean {
  return status === 'instock' || status === 'onbackorder';
}

function managedQuantity(manage: unknown, quantity: unknown): number | null {
  return manage === true && Number.isInteger(quantity) ? (quantity as number) : null;
}

function variationTitle(variation: WooVariation): string {
  const options = (variation.attributes ?? []).map((a) => a.option).filter((o): o is string => typeof o === 'string' && o.length > 0);
  return options.length > 0 ? options.join(' / ') : `#${variation.id ?? ''}`;
}

export function mapWooProduct(product: WooProduct, variations: readonly WooVariation[], currency: string | null): ToolProduct {
  const parentQuantity = managedQuantity(product.manage_stock, product.stock_quantity);
  const variants = variations
    .filter((v) => v.status === undefined || v.status === 'publish')
    .slice(0, MAX_VARIANTS)
    .map((v) => ({
      id: String(v.id ?? ''),
      title: variationTitle(v).slice(0, 300),
      sku: text(v.sku, 200),
      price: formatMoney(v.price, currency),
      quantity: v.manage_stock === 'parent' ? parentQuantity : managedQuantity(v.manage_stock, v.stock_quantity),
      available: inStock(v.stock_status) && v.purchasable !== false,
    }));
  const ownVariantStock = variants.filter((v, i) => variations[i]?.manage_stock === true && v.quantity !== null);
  const quantity = parentQuantity ?? (ownVariantStock.length > 0 ? ownVariantStock.reduce((sum, v) => sum + (v.quantity ?? 0), 0) : null);
  return {
    id: String(product.id ?? ''),
    title: text(product.name, 300) ?? '',
    sku: text(product.sku, 200),
    price: formatMoney(product.price, currency),
    currency,
    quantity,
    available: variants.length > 0 ? variants.some((v) => v.available) : inStock(product.stock_status) && product.purchasable !== false,
    url: text(product.permalink, 2000),
    variants,
  };
}

/**
 * WooCommerce's order statuses as Parley's: pending (awaiting payment) and checkout-draft →
 * pending; processing → processing; on-hold → on_hold; completed → shipped (WooCommerce marks
 * an order completed when it ships and has no delivered state of its own); delivered and
 * shipped (added by tracking plugins) → themselves; cancelled and failed (payment failed) →
 * cancelled; refunded → refunded; anything else → unknown.
 */
export function normaliseWooStatus(status: string | undefined): ToolOrder['status'] {
  switch (status) {
    case 'pending':
    case 'checkout-draft':
      return 'pending';
    case 'processing':
      return 'processing';
    case 'on-hold':
      return 'on_hold';
    case 'completed':
    case 'shipped':
      return 'shipped';
    case 'delivered':
      return 'delivered';
    case 'cancelled':
    case 'failed':
      return 'cancelled';
    case 'refunded':
      return 'refunded';
    default:
      return 'unknown';
  }
}

/** WooCommerce's `date_created_gmt` has no zone designator; it is UTC. */
function utcTimestamp(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  return (/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`).slice(0, 40);
}

export function mapWooOrder(order: WooOrder): ToolOrder {
  const currency = text(order.currency, 3)?.toUpperCase() ?? null;
  return {
    orderNumber: text(order.number, 64) ?? String(order.id ?? ''),
    status: normaliseWooStatus(order.status),
    shopStatus: text(order.status, 100),
    placedAt: utcTimestamp(order.date_created_gmt),
    total: formatMoney(order.total, currency),
    currency,
    items: (order.line_items ?? []).slice(0, MAX_ITEMS).map((item) => ({
      title: text(item.name, 300) ?? '',
      quantity: Number.isInteger(item.quantity) ? (item.quantity as number) : 0,
    })),
  };
}

/** The Shipment Tracking extension's items; it records a ship date, not a carrier status. */
export function mapWooShipments(trackings: readonly WooShipmentTracking[]): ShipmentResult[] {
  return trackings.slice(0, MAX_SHIPMENTS).map((t) => ({
    carrier: text(t.tracking_provider, 100) ?? text(t.custom_tracking_provider, 100),
    trackingNumber: text(t.tracking_number, 100),
    url: text(t.tracking_link, 2000),
    status: text(t.date_shipped, 40) ? 'shipped' : null,
  }));
}
