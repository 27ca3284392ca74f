import type { ToolOrder, ToolProduct, ToolResult } from '@parley/contracts';
import { currencyCode, formatMoney } from './money.util';
import type { ShopifyFulfillmentNode, ShopifyMoney, ShopifyOrderNode, ShopifyProductNode, ShopifyVariantNode } from './shopify.types';

// Shopify's answers to Parley's normalised tool results. Stock: a variant's quantity is its
// inventoryQuantity when Shopify tracks its inventory, null when it does not; a product's
// quantity is the sum over its tracked variants (null when none is tracked). Availability is
// Shopify's own availableForSale (it knows about "continue selling when out of stock").

type ShipmentResult = ToolResult<'shipment_tracking'>['shipments'][number];

const MAX_VARIANTS = 50;
const MAX_ITEMS = 100;
const MAX_SHIPMENTS = 20;

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;
}

function variantPrice(variant: ShopifyVariantNode): string | null {
  const price = variant.price;
  if (typeof price === 'string') return price;
  return price?.amount ?? null;
}

function variantQuantity(variant: ShopifyVariantNode): number | null {
  const tracked = variant.inventoryItem?.tracked ?? true;
  return tracked && Number.isInteger(variant.inventoryQuantity) ? (variant.inventoryQuantity as number) : null;
}

export function mapShopifyProduct(node: ShopifyProductNode): ToolProduct {
  const minPrice: ShopifyMoney | null | undefined = node.priceRangeV2?.minVariantPrice;
  const currency = currencyCode(minPrice?.currencyCode);
  const variantNodes = (node.variants?.nodes ?? []).slice(0, MAX_VARIANTS);
  const variants = variantNodes.map((v) => ({
    id: text(v.id, 200) ?? '',
    title: text(v.title, 300) ?? '',
    sku: text(v.sku, 200),
    price: formatMoney(variantPrice(v), currency),
    quantity: variantQuantity(v),
    available: v.availableForSale === true,
  }));
  const tracked = variants.filter((v) => v.quantity !== null);
  return {
    id: text(node.id, 200) ?? '',
    title: text(node.title, 300) ?? '',
    // A product's SKU is its only variant's; a product with options has one per variant.
    sku: variants.length === 1 ? variants[0].sku : null,
    price: formatMoney(minPrice?.amount ?? variantPrice(variantNodes[0] ?? {}), currency),
    currency,
    quantity: tracked.length > 0 ? tracked.reduce((sum, v) => sum + (v.quantity ?? 0), 0) : null,
    available: variants.some((v) => v.available),
    url: text(node.onlineStoreUrl, 2000),
    variants,
  };
}

function isDelivered(fulfillments: readonly ShopifyFulfillmentNode[]): boolean {
  const live = fulfillments.filter((f) => f.status !== 'CANCELLED');
  return live.length > 0 && live.every((f) => f.displayStatus === 'DELIVERED' || f.displayStatus === 'PICKED_UP');
}

/**
 * Shopify's order state as one normalised status. Cancellation and refunds come first; then the
 * fulfilment (FULFILLED is shipped, or delivered when every fulfilment's tracking says so; ON_HOLD
 * is on_hold); then payment (PENDING or EXPIRED is pending; paid or authorised is processing).
 */
export function normaliseShopifyStatus(order: ShopifyOrderNode): ToolOrder['status'] {
  const financial = order.displayFinancialStatus ?? '';
  const fulfillment = order.displayFulfillmentStatus ?? '';
  if (order.cancelledAt) return 'cancelled';
  if (financial === 'REFUNDED') return 'refunded';
  if (financial === 'VOIDED') return 'cancelled';
  if (fulfillment === 'FULFILLED') return isDelivered(order.fulfillments ?? []) ? 'delivered' : 'shipped';
  if (fulfillment === 'ON_HOLD') return 'on_hold';
  if (financial === 'PENDING' || financial === 'EXPIRED') return 'pending';
  const paid = ['PAID', 'PARTIALLY_PAID', 'AUTHORIZED', 'PARTIALLY_REFUNDED'].includes(financial);
  const open = ['UNFULFILLED', 'PARTIALLY_FULFILLED', 'PENDING_FULFILLMENT', 'OPEN', 'IN_PROGRESS', 'SCHEDULED'].includes(fulfillment);
  if (paid && open) return 'processing';
  return 'unknown';
}

export function mapShopifyOrder(order: ShopifyOrderNode): ToolOrder {
  const money = order.totalPriceSet?.shopMoney;
  const currency = currencyCode(money?.currencyCode);
  const shopStatus = [order.displayFinancialStatus, order.displayFulfillmentStatus].filter(Boolean).join(' / ');
  return {
    orderNumber: text(order.name, 64) ?? '',
    status: normaliseShopifyStatus(order),
    shopStatus: order.cancelledAt ? `CANCELLED (${shopStatus})`.slice(0, 100) : text(shopStatus, 100),
    placedAt: text(order.createdAt, 40),
    total: formatMoney(money?.amount, currency),
    currency,
    items: (order.lineItems?.nodes ?? []).slice(0, MAX_ITEMS).map((item) => ({
      title: text(item.title, 300) ?? '',
      quantity: Number.isInteger(item.quantity) ? (item.quantity as number) : 0,
    })),
  };
}

/** One shipment per tracking number of each fulfilment that was not cancelled (one without tracking shows its status only). */
export function mapShopifyShipments(order: ShopifyOrderNode): ShipmentResult[] {
  const shipments = (order.fulfillments ?? [])
    .filter((f) => f.status !== 'CANCELLED')
    .flatMap((f): ShipmentResult[] => {
      const status = text(f.displayStatus?.toLowerCase(), 100);
      const tracking = f.trackingInfo ?? [];
      if (tracking.length === 0) return [{ carrier: null, trackingNumber: null, url: null, status }];
      return tracking.map((t) => ({
        carrier: text(t.company, 100),
        trackingNumber: text(t.number, 100),
        url: text(t.url, 2000),
        status,
      }));
    });
  return shipments.slice(0, MAX_SHIPMENTS);
}
