import { evaluateSearch, parseSearch, type SearchTerm } from './fake-shopify.search';
import type { FakeShopifyData, FakeShopifyOrder, FakeShopifyProduct } from './fake-shopify.seed';

// The GraphQL operations the fake Shopify answers, by operation name (those Parley's Shopify
// connector sends: ParleyProducts, ParleyProduct, ParleyOrders, ParleyShop). It does not parse
// GraphQL selections; it answers with the fields those operations select, and with Shopify's
// error shape for anything else.

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphqlAnswer {
  data?: unknown;
  errors?: { message: string; extensions: { code: string } }[];
}

const OPERATION = /^\s*query\s+([A-Za-z_][A-Za-z0-9_]*)/;

export function operationName(body: GraphqlRequestBody): string | null {
  if (typeof body.operationName === 'string') return body.operationName;
  return typeof body.query === 'string' ? (OPERATION.exec(body.query)?.[1] ?? null) : null;
}

function includes(haystack: string | null, needle: string): boolean {
  return haystack !== null && haystack.toLowerCase().includes(needle.toLowerCase());
}

function equals(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

function productMatches(product: FakeShopifyProduct, term: SearchTerm): boolean {
  const skus = product.variants.map((v) => v.sku);
  switch (term.field) {
    case null:
      return [product.title, product.handle, product.vendor, ...skus].some((f) => includes(f, term.value));
    case 'title':
      return includes(product.title, term.value);
    case 'handle':
      return equals(product.handle, term.value);
    case 'sku':
      return skus.some((s) => equals(s, term.value));
    case 'status':
      return equals(product.status, term.value);
    case 'vendor':
      return equals(product.vendor, term.value);
    default:
      return false;
  }
}

function orderMatches(order: FakeShopifyOrder, term: SearchTerm): boolean {
  if (term.field === 'name') return equals(order.name, term.value);
  if (term.field === 'email') return equals(order.email, term.value);
  if (term.field === null) return [order.name, order.email].some((f) => includes(f, term.value));
  return false;
}

function renderProduct(product: FakeShopifyProduct, shopUrl: string, currencyCode: string): unknown {
  const prices = product.variants.map((v) => Number(v.price));
  const min = product.variants[prices.indexOf(Math.min(...prices))]?.price ?? '0.0';
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    status: product.status,
    onlineStoreUrl: product.published ? `${shopUrl}/products/${product.handle}` : null,
    priceRangeV2: { minVariantPrice: { amount: min, currencyCode } },
    variants: { nodes: product.variants },
  };
}

function first(variables: Record<string, unknown>): number {
  const n = variables['first'];
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? Math.min(n, 250) : 10;
}

function searchOf(variables: Record<string, unknown>): string {
  return typeof variables['query'] === 'string' ? variables['query'] : '';
}

function error(message: string, code: string): GraphqlAnswer {
  return { errors: [{ message, extensions: { code } }] };
}

/** Answers one GraphQL request against the shop's data. */
export function answerGraphql(body: GraphqlRequestBody, data: FakeShopifyData, shopUrl: string): GraphqlAnswer {
  const operation = operationName(body);
  const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
  try {
    switch (operation) {
      case 'ParleyShop':
        return { data: { shop: data.shop } };
      case 'ParleyProduct': {
        const product = data.products.find((p) => p.id === variables['id']);
        return { data: { product: product ? renderProduct(product, shopUrl, data.shop.currencyCode) : null } };
      }
      case 'ParleyProducts': {
        const tree = parseSearch(searchOf(variables));
        const nodes = data.products
          .filter((p) => evaluateSearch(tree, (t) => productMatches(p, t)))
          .slice(0, first(variables))
          .map((p) => renderProduct(p, shopUrl, data.shop.currencyCode));
        return { data: { products: { nodes } } };
      }
      case 'ParleyOrders': {
        const tree = parseSearch(searchOf(variables));
        const nodes = data.orders.filter((o) => evaluateSearch(tree, (t) => orderMatches(o, t))).slice(0, first(variables));
        return { data: { orders: { nodes } } };
      }
      default:
        return error(`the fake Shopify does not know the operation ${operation ?? '(unnamed)'}`, 'undefinedField');
    }
  } catch (err) {
    return error(`invalid search query: ${(err as Error).message}`, 'BAD_USER_INPUT');
  }
}
