import type { BuiltinToolKey, IntegrationDefinition, ToolArgs, ToolResult } from '@parley/contracts';
import { type Connector, type ConnectorCallOptions, type HttpTransport, IntegrationCallError } from '../connector.types';
import { contactMatches, sameOrderNumber } from './order-contact.util';
import { shopifyGraphql } from './shopify.client';
import { mapShopifyOrder, mapShopifyProduct, mapShopifyShipments } from './shopify.mapper';
import {
  ORDERS_QUERY,
  PRODUCT_BY_ID_QUERY,
  PRODUCTS_QUERY,
  SHOP_QUERY,
  orderSearchString,
  productLookupString,
  productSearchString,
} from './shopify.queries';
import type { ShopifyOrderNode, ShopifyProductNode } from './shopify.types';

const SERVED: readonly BuiltinToolKey[] = ['product_search', 'product_details', 'order_status', 'shipment_tracking'];
const DEFAULT_SEARCH_LIMIT = 5;
const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d+$/;
/** Orders fetched per lookup: a shop can have #1001 and 1001 (another prefix); more is noise. */
const ORDER_CANDIDATES = 5;

type OrderLookup = ToolArgs<'order_status'>;

/**
 * Shopify through the GraphQL Admin API (the REST Admin API is legacy since 2024-10). Serves
 * product search and details (active products only) and order status and tracking (an order is
 * found only when the visitor's email or phone matches the order's).
 */
export class ShopifyConnector implements Connector {
  readonly kind = 'shopify' as const;

  constructor(private readonly transport: HttpTransport) {}

  supports(_integration: IntegrationDefinition, toolKey: BuiltinToolKey): boolean {
    return SERVED.includes(toolKey);
  }

  async call<K extends BuiltinToolKey>(
    integration: IntegrationDefinition,
    toolKey: K,
    args: ToolArgs<K>,
    options: ConnectorCallOptions,
  ): Promise<ToolResult<K>> {
    const { signal } = options;
    switch (toolKey) {
      case 'product_search':
        return (await this.searchProducts(integration, args as ToolArgs<'product_search'>, signal)) as ToolResult<K>;
      case 'product_details':
        return (await this.productDetails(integration, (args as ToolArgs<'product_details'>).product, signal)) as ToolResult<K>;
      case 'order_status': {
        const order = await this.findOrder(integration, args as OrderLookup, signal);
        return { order: order ? mapShopifyOrder(order) : null } as ToolResult<K>;
      }
      case 'shipment_tracking': {
        const order = await this.findOrder(integration, args as OrderLookup, signal);
        const result: ToolResult<'shipment_tracking'> = order
          ? { orderNumber: mapShopifyOrder(order).orderNumber, shipments: mapShopifyShipments(order) }
          : { orderNumber: null, shipments: [] };
        return result as ToolResult<K>;
      }
      default:
        throw new IntegrationCallError('not_configured', `Shopify does not serve ${toolKey}`);
    }
  }

  async probe(integration: IntegrationDefinition, signal: AbortSignal): Promise<string> {
    const data = await shopifyGraphql<{ shop?: { name?: string; currencyCode?: string } | null }>(
      this.transport,
      integration,
      { query: SHOP_QUERY },
      signal,
    );
    const name = data.shop?.name ?? 'unnamed shop';
    return `Shopify shop "${name.slice(0, 100)}" (${data.shop?.currencyCode ?? 'no currency'})`;
  }

  private async searchProducts(
    integration: IntegrationDefinition,
    args: ToolArgs<'product_search'>,
    signal: AbortSignal,
  ): Promise<ToolResult<'product_search'>> {
    const first = args.limit ?? DEFAULT_SEARCH_LIMIT;
    const data = await shopifyGraphql<{ products?: { nodes?: ShopifyProductNode[] } | null }>(
      this.transport,
      integration,
      { query: PRODUCTS_QUERY, variables: { first, query: productSearchString(args.query) } },
      signal,
    );
    return { products: (data.products?.nodes ?? []).slice(0, first).map(mapShopifyProduct) };
  }

  /** By product GID, else the active product whose handle, SKU or title is the text (in that order), else the first match. */
  private async productDetails(
    integration: IntegrationDefinition,
    product: string,
    signal: AbortSignal,
  ): Promise<ToolResult<'product_details'>> {
    const wanted = product.trim();
    if (PRODUCT_GID.test(wanted)) {
      const data = await shopifyGraphql<{ product?: ShopifyProductNode | null }>(
        this.transport,
        integration,
        { query: PRODUCT_BY_ID_QUERY, variables: { id: wanted } },
        signal,
      );
      const node = data.product;
      return { product: node && node.status === 'ACTIVE' ? mapShopifyProduct(node) : null };
    }
    const data = await shopifyGraphql<{ products?: { nodes?: ShopifyProductNode[] } | null }>(
      this.transport,
      integration,
      { query: PRODUCTS_QUERY, variables: { first: 5, query: productLookupString(wanted) } },
      signal,
    );
    const nodes = data.products?.nodes ?? [];
    const lower = wanted.toLowerCase();
    const best =
      nodes.find((n) => n.handle?.toLowerCase() === lower) ??
      nodes.find((n) => (n.variants?.nodes ?? []).some((v) => v.sku?.toLowerCase() === lower)) ??
      nodes.find((n) => n.title?.toLowerCase() === lower) ??
      nodes[0];
    return { product: best ? mapShopifyProduct(best) : null };
  }

  /**
   * The order with this name whose email or phone matches the visitor's, else null: a wrong
   * contact and an unknown number give the same answer.
   */
  private async findOrder(integration: IntegrationDefinition, args: OrderLookup, signal: AbortSignal): Promise<ShopifyOrderNode | null> {
    const data = await shopifyGraphql<{ orders?: { nodes?: ShopifyOrderNode[] } | null }>(
      this.transport,
      integration,
      { query: ORDERS_QUERY, variables: { first: ORDER_CANDIDATES, query: orderSearchString(args.order_number) } },
      signal,
    );
    const candidates = (data.orders?.nodes ?? []).filter((o) => typeof o.name === 'string' && sameOrderNumber(o.name, args.order_number));
    return (
      candidates.find((o) =>
        contactMatches(args, {
          emails: [o.email],
          phones: [o.phone, o.billingAddress?.phone, o.shippingAddress?.phone],
        }),
      ) ?? null
    );
  }
}
