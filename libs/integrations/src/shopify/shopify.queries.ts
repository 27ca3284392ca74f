// The GraphQL Admin API documents the Shopify connector sends (POST
// {baseUrl}/admin/api/{apiVersion}/graphql.json). Named operations, so the shop's logs (and the
// fake shop in libs/testing) can tell them apart. Search strings use Shopify's search syntax;
// every visitor-supplied value goes in quotes with `\` and `"` escaped, so a query can never
// add a filter of its own (e.g. `status:draft`).

const PRODUCT_FIELDS = `
  id
  title
  handle
  status
  onlineStoreUrl
  priceRangeV2 { minVariantPrice { amount currencyCode } }
  variants(first: 50) {
    nodes {
      id
      title
      sku
      price
      inventoryQuantity
      availableForSale
      inventoryItem { tracked }
    }
  }`;

export const PRODUCTS_QUERY = `query ParleyProducts($first: Int!, $query: String!) {
  products(first: $first, query: $query, sortKey: RELEVANCE) {
    nodes {${PRODUCT_FIELDS}
    }
  }
}`;

export const PRODUCT_BY_ID_QUERY = `query ParleyProduct($id: ID!) {
  product(id: $id) {${PRODUCT_FIELDS}
  }
}`;

export const ORDERS_QUERY = `query ParleyOrders($first: Int!, $query: String!) {
  orders(first: $first, query: $query) {
    nodes {
      id
      name
      email
      phone
      billingAddress { phone }
      shippingAddress { phone }
      createdAt
      cancelledAt
      displayFinancialStatus
      displayFulfillmentStatus
      totalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 100) { nodes { title quantity } }
      fulfillments(first: 20) {
        status
        displayStatus
        trackingInfo(first: 5) { company number url }
      }
    }
  }
}`;

export const SHOP_QUERY = `query ParleyShop {
  shop { name currencyCode }
}`;

/** A value quoted for Shopify's search syntax. */
export function searchValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Active products matching every one of the visitor's words (at most 8) in Shopify's default
 * fields (title, SKU, vendor, product type, tags...). Each word is its own quoted term, so
 * "iphone 15" also finds "iPhone 15 128GB".
 */
export function productSearchString(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return ['status:active', ...words.map(searchValue)].join(' AND ');
}

/** Active products whose handle, SKU or title is the given text. */
export function productLookupString(text: string): string {
  const v = searchValue(text.trim());
  return `status:active AND (handle:${v} OR sku:${v} OR title:${v})`;
}

/** Orders named the given number, with or without the shop's '#' prefix. */
export function orderSearchString(orderNumber: string): string {
  const bare = orderNumber.trim().replace(/^#/, '');
  return `name:${searchValue(`#${bare}`)} OR name:${searchValue(bare)}`;
}
