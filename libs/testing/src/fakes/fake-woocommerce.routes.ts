import type { FakeWooData, FakeWooOrder, FakeWooProduct } from './fake-woocommerce.seed';

// The read routes of the fake WooCommerce store: what GET on a path under /wp-json answers,
// as WordPress would (lists with X-WP-Total and X-WP-TotalPages, errors as { code, message,
// data: { status } }).

export interface RouteAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  data: FakeWooData;
  siteUrl: string;
  shipmentTrackingInstalled: boolean;
}

export function wpError(status: number, code: string, message: string): RouteAnswer {
  return { status, body: { code, message, data: { status } } };
}

const NO_ROUTE = (): RouteAnswer => wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');

function page<T>(items: T[], query: URLSearchParams, render: (item: T) => unknown): RouteAnswer {
  const perPage = Math.min(Math.max(Number(query.get('per_page') ?? '10') || 10, 1), 100);
  const pageNo = Math.max(Number(query.get('page') ?? '1') || 1, 1);
  const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  return {
    status: 200,
    body: slice.map(render),
    headers: { 'x-wp-total': String(items.length), 'x-wp-totalpages': String(Math.ceil(items.length / perPage)) },
  };
}

function renderProduct(product: FakeWooProduct, siteUrl: string): unknown {
  return { ...product, permalink: `${siteUrl}/product/${product.slug}/` };
}

function lower(value: string): string {
  return value.toLowerCase();
}

function listProducts(ctx: RouteContext, query: URLSearchParams): RouteAnswer {
  const search = query.get('search');
  const skus = query.get('sku')?.split(',').map(lower);
  const slug = query.get('slug');
  const status = query.get('status') ?? 'any';
  const products = ctx.data.products.filter(
    (p) =>
      (status === 'any' || p.status === status) &&
      (!search || lower(p.name).includes(lower(search)) || lower(p.sku).includes(lower(search))) &&
      (!skus || skus.includes(lower(p.sku))) &&
      (!slug || p.slug === slug),
  );
  return page(products, query, (p) => renderProduct(p, ctx.siteUrl));
}

function orderMatches(order: FakeWooOrder, search: string): boolean {
  const s = lower(search);
  return (
    order.number === search ||
    String(order.id) === search ||
    [order.billing.email, order.billing.first_name].some((f) => lower(f).includes(s))
  );
}

function wcRoute(ctx: RouteContext, path: string, query: URLSearchParams): RouteAnswer {
  let m: RegExpExecArray | null;
  if (path === '/products') return listProducts(ctx, query);
  if ((m = /^\/products\/(\d+)$/.exec(path))) {
    const product = ctx.data.products.find((p) => p.id === Number(m?.[1]));
    return product
      ? { status: 200, body: renderProduct(product, ctx.siteUrl) }
      : wpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  }
  if ((m = /^\/products\/(\d+)\/variations$/.exec(path))) {
    const id = Number(m[1]);
    if (!ctx.data.products.some((p) => p.id === id)) return wpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    const parent = ctx.data.products.find((p) => p.id === id) as FakeWooProduct;
    return page(ctx.data.variations[id] ?? [], query, (v) => ({
      ...v,
      permalink: `${ctx.siteUrl}/product/${parent.slug}/?variation=${v.id}`,
    }));
  }
  if (path === '/data/currencies/current') {
    return {
      status: 200,
      body: { ...ctx.data.currency, _links: { self: [{ href: `${ctx.siteUrl}/wp-json/wc/v3/data/currencies/current` }] } },
    };
  }
  if (path === '/orders') {
    const search = query.get('search');
    const status = query.get('status') ?? 'any';
    const orders = ctx.data.orders.filter((o) => (status === 'any' || o.status === status) && (!search || orderMatches(o, search)));
    return page(orders, query, (o) => o);
  }
  if ((m = /^\/orders\/(\d+)$/.exec(path))) {
    const order = ctx.data.orders.find((o) => o.id === Number(m?.[1]));
    return order ? { status: 200, body: order } : wpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  }
  return NO_ROUTE();
}

function trackingRoute(ctx: RouteContext, path: string): RouteAnswer {
  const m = /^\/orders\/(\d+)\/shipment-trackings$/.exec(path);
  if (!ctx.shipmentTrackingInstalled || !m) return NO_ROUTE();
  const id = Number(m[1]);
  if (!ctx.data.orders.some((o) => o.id === id)) return wpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  return { status: 200, body: ctx.data.trackings[id] ?? [] };
}

/** Answers a GET under /wp-json (the caller has checked the credentials). */
export function answerWooRoute(ctx: RouteContext, pathname: string, query: URLSearchParams): RouteAnswer {
  if (pathname.startsWith('/wp-json/wc/v3/')) return wcRoute(ctx, pathname.slice('/wp-json/wc/v3'.length), query);
  if (pathname.startsWith('/wp-json/wc-shipment-tracking/v3/'))
    return trackingRoute(ctx, pathname.slice('/wp-json/wc-shipment-tracking/v3'.length));
  return NO_ROUTE();
}
