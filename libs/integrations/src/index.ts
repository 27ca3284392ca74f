export * from './connector.types';
export * from './http/target-url.guard';
export { ShopifyConnector } from './shopify/shopify.connector';
export { WooCommerceConnector } from './woocommerce/woocommerce.connector';
