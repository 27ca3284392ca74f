// The parts of GraphQL Admin API answers the Shopify connector reads (see shopify.queries.ts).
// Every field is optional here: the connector never trusts an answer's shape.

export interface ShopifyMoney {
  amount?: string | null;
  currencyCode?: string | null;
}

export interface ShopifyVariantNode {
  id?: string;
  title?: string | null;
  sku?: string | null;
  /** A decimal string (Money scalar) since API 2024-04. */
  price?: string | ShopifyMoney | null;
  inventoryQuantity?: number | null;
  availableForSale?: boolean | null;
  inventoryItem?: { tracked?: boolean | null } | null;
}

export interface ShopifyProductNode {
  id?: string;
  title?: string | null;
  handle?: string | null;
  status?: string | null;
  onlineStoreUrl?: string | null;
  priceRangeV2?: { minVariantPrice?: ShopifyMoney | null } | null;
  variants?: { nodes?: ShopifyVariantNode[] | null } | null;
}

export interface ShopifyFulfillmentNode {
  status?: string | null;
  displayStatus?: string | null;
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null }[] | null;
}

export interface ShopifyOrderNode {
  id?: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  billingAddress?: { phone?: string | null } | null;
  shippingAddress?: { phone?: string | null } | null;
  createdAt?: string | null;
  cancelledAt?: string | null;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus?: string | null;
  totalPriceSet?: { shopMoney?: ShopifyMoney | null } | null;
  lineItems?: { nodes?: { title?: string | null; quantity?: number | null }[] | null } | null;
  fulfillments?: ShopifyFulfillmentNode[] | null;
}

export interface ShopifyGraphqlError {
  message?: string;
  extensions?: { code?: string };
}

export interface ShopifyThrottleStatus {
  maximumAvailable?: number;
  currentlyAvailable?: number;
  restoreRate?: number;
}

export interface ShopifyGraphqlResponse<T> {
  data?: T | null;
  errors?: ShopifyGraphqlError[] | string | Record<string, unknown>;
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: ShopifyThrottleStatus } };
}
