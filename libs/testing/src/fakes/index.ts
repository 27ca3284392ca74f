export * from './fake-http.util';
export * from './fake-shopify.seed';
export {
  startFakeShopify,
  FAKE_SHOPIFY_TOKEN,
  type FakeShopify,
  type FakeShopifyOptions,
  type FakeShopifyState,
} from './fake-shopify.server';
export * from './fake-woocommerce.seed';
export {
  startFakeWooCommerce,
  FAKE_WOO_CONSUMER_KEY,
  FAKE_WOO_CONSUMER_SECRET,
  type FakeWooCommerce,
  type FakeWooCommerceOptions,
  type FakeWooCommerceState,
} from './fake-woocommerce.server';
