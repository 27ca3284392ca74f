import type { BuiltinToolKey, IntegrationDefinition, ToolArgs, ToolProduct, ToolResult } from '@parley/contracts';
import { type Connector, type ConnectorCallOptions, type HttpTransport, IntegrationCallError } from '../connector.types';
import { currencyCode } from '../shopify/money.util';
import { contactMatches, normaliseOrderNumber } from '../shopify/order-contact.util';
import { WooCurrencyCache } from './woocommerce-currency.cache';
import { SHIPMENT_TRACKING_API, WC_API, asList, asObject, wooGet, wooUrl } from './woocommerce.client';
import { mapWooOrder, mapWooProduct, mapWooShipments } from './woocommerce.mapper';
import type { WooOrder, WooProduct, WooShipmentTracking, WooVariation } from './woocommerce.types';

const SERVED: readonly BuiltinToolKey[] = ['product_search', 'product_details', 'order_status', 'shipment_tracking'];
const DEFAULT_SEARCH_LIMIT = 5;
const MAX_VARIATIONS = '50';
const ORDER_CANDIDATES = '10';
/** Orders a visitor never placed (drafts of an abandoned checkout, the bin) are not found. */
const HIDDEN_ORDER_STATUSES = new Set(['checkout-draft', 'trash', 'auto-draft']);

type OrderLookup = ToolArgs<'order_status'>;

/**
 * WooCommerce through its REST API v3 with the store's consumer key and secret (basic auth,
 * applied by the transport). Serves product search and details (published products, with
 * their variations' stock) and order status and tracking (an order is found only when the
 * visitor's email or phone matches its billing email or phone).
 */
export class WooCommerceConnector implements Connector {
  readonly kind = 'woocommerce' as const;
  private readonly currencies: WooCurrencyCache;
  /** Currency requests in flight, shared only within one call (its signal): one caller's abort never fails another's. */
  private readonly currencyRequests = new WeakMap<AbortSignal, Map<string, Promise<string | null>>>();

  constructor(
    private readonly transport: HttpTransport,
    currencies?: WooCurrencyCache,
  ) {
    this.currencies = currencies ?? new WooCurrencyCache();
  }

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
      case 'product_details': {
        const product = await this.findProduct(integration, (args as ToolArgs<'product_details'>).product, signal);
        return { product: product ? await this.toToolProduct(integration, product, signal) : null } as ToolResult<K>;
      }
      case 'order_status': {
        const order = await this.findOrder(integration, args as OrderLookup, signal);
        return { order: order ? mapWooOrder(order) : null } as ToolResult<K>;
      }
      case 'shipment_tracking':
        return (await this.tracking(integration, args as OrderLookup, signal)) as ToolResult<K>;
      default:
        throw new IntegrationCallError('not_configured', `WooCommerce does not serve ${toolKey}`);
    }
  }

  async probe(integration: IntegrationDefinition, signal: AbortSignal): Promise<string> {
    const result = await wooGet(
      this.transport,
      integration,
      wooUrl(integration, WC_API, '/products', { per_page: '1', status: 'publish' }),
      signal,
    );
    asList<WooProduct>(result);
    const count = result?.total;
    return `WooCommerce store reached${count === null || count === undefined ? '' : `: ${count} published products`}`;
  }

  private async searchProducts(
    integration: IntegrationDefinition,
    args: ToolArgs<'product_search'>,
    signal: AbortSignal,
  ): Promise<ToolResult<'product_search'>> {
    const limit = args.limit ?? DEFAULT_SEARCH_LIMIT;
    const query = { search: args.query.trim(), per_page: String(limit), status: 'publish' };
    const products = asList<WooProduct>(await wooGet(this.transport, integration, wooUrl(integration, WC_API, '/products', query), signal));
    const mapped = await Promise.all(products.slice(0, limit).map((p) => this.toToolProduct(integration, p, signal)));
    return { products: mapped };
  }

  /** By id (digits), else the published product with this SKU, then this slug, then the best name match of a search. */
  private async findProduct(integration: IntegrationDefinition, text: string, signal: AbortSignal): Promise<WooProduct | null> {
    const wanted = text.trim();
    if (/^\d+$/.test(wanted)) {
      const byId = asObject<WooProduct>(
        await wooGet(this.transport, integration, wooUrl(integration, WC_API, `/products/${wanted}`), signal, 'null'),
      );
      if (byId && byId.status === 'publish') return byId;
    }
    for (const filter of ['sku', 'slug'] as const) {
      const query = { [filter]: wanted, status: 'publish', per_page: '1' };
      const found = asList<WooProduct>(await wooGet(this.transport, integration, wooUrl(integration, WC_API, '/products', query), signal));
      if (found[0]) return found[0];
    }
    const query = { search: wanted, status: 'publish', per_page: '5' };
    const found = asList<WooProduct>(await wooGet(this.transport, integration, wooUrl(integration, WC_API, '/products', query), signal));
    return found.find((p) => p.name?.toLowerCase() === wanted.toLowerCase()) ?? found[0] ?? null;
  }

  private async toToolProduct(integration: IntegrationDefinition, product: WooProduct, signal: AbortSignal): Promise<ToolProduct> {
    const variable = product.type === 'variable' && (product.variations ?? []).length > 0 && product.id !== undefined;
    const [currency, variations] = await Promise.all([
      this.currency(integration, signal),
      variable
        ? wooGet(
            this.transport,
            integration,
            wooUrl(integration, WC_API, `/products/${product.id}/variations`, { per_page: MAX_VARIATIONS }),
            signal,
            'null',
          ).then((r) => asList<WooVariation>(r))
        : Promise.resolve([]),
    ]);
    return mapWooProduct(product, variations, currency);
  }

  /** The store's currency, from the cache, else one request shared by the products of this call. */
  private currency(integration: IntegrationDefinition, signal: AbortSignal): Promise<string | null> {
    const key = `${integration.id}|${integration.baseUrl}`;
    const cached = this.currencies.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.currencyRequests.get(signal) ?? new Map<string, Promise<string | null>>();
    this.currencyRequests.set(signal, pending);
    const inFlight = pending.get(key);
    if (inFlight) return inFlight;
    const request = wooGet(this.transport, integration, wooUrl(integration, WC_API, '/data/currencies/current'), signal, 'null')
      .then((result) => {
        const code = currencyCode(asObject<{ code?: string }>(result)?.code);
        this.currencies.set(key, code);
        return code;
      })
      .finally(() => pending.delete(key));
    pending.set(key, request);
    return request;
  }

  /**
   * The order with this number whose billing email or phone matches the visitor's, else null:
   * a wrong contact and an unknown number give the same answer, after the same requests. A
   * numeric number is tried as the order id first (WooCommerce's default numbering); unless that
   * order is the visitor's, a search by the number follows (sequential-numbers plugins number
   * orders apart from their ids).
   */
  private async findOrder(integration: IntegrationDefinition, args: OrderLookup, signal: AbortSignal): Promise<WooOrder | null> {
    const wanted = normaliseOrderNumber(args.order_number);
    const theirs = (o: WooOrder): boolean =>
      String(o.number ?? o.id ?? '').toLowerCase() === wanted &&
      !HIDDEN_ORDER_STATUSES.has(o.status ?? '') &&
      contactMatches(args, { emails: [o.billing?.email], phones: [o.billing?.phone, o.shipping?.phone] });
    if (/^\d+$/.test(wanted)) {
      const byId = asObject<WooOrder>(
        await wooGet(this.transport, integration, wooUrl(integration, WC_API, `/orders/${wanted}`), signal, 'null'),
      );
      if (byId && theirs(byId)) return byId;
    }
    const query = { search: wanted, per_page: ORDER_CANDIDATES };
    const found = asList<WooOrder>(await wooGet(this.transport, integration, wooUrl(integration, WC_API, '/orders', query), signal));
    return found.find(theirs) ?? null;
  }

  private async tracking(
    integration: IntegrationDefinition,
    args: OrderLookup,
    signal: AbortSignal,
  ): Promise<ToolResult<'shipment_tracking'>> {
    const order = await this.findOrder(integration, args, signal);
    if (!order || order.id === undefined) return { orderNumber: null, shipments: [] };
    // A 404 is the Shipment Tracking extension not being installed: the order has no shipments we can see.
    const url = wooUrl(integration, SHIPMENT_TRACKING_API, `/orders/${order.id}/shipment-trackings`);
    const trackings = asList<WooShipmentTracking>(await wooGet(this.transport, integration, url, signal, 'null'));
    return { orderNumber: mapWooOrder(order).orderNumber, shipments: mapWooShipments(trackings) };
  }
}
