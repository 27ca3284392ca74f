// The parts of WooCommerce REST API v3 answers (and the Shipment Tracking extension's) the
// WooCommerce connector reads. Every field is optional: the connector never trusts a shape.

export type WooStockStatus = 'instock' | 'outofstock' | 'onbackorder';

export interface WooProduct {
  id?: number;
  name?: string;
  slug?: string;
  permalink?: string;
  type?: string;
  status?: string;
  sku?: string;
  /** A decimal string; '' when the product has no price. */
  price?: string;
  manage_stock?: boolean;
  stock_quantity?: number | null;
  stock_status?: WooStockStatus | string;
  purchasable?: boolean;
  variations?: number[];
}

export interface WooVariation {
  id?: number;
  sku?: string;
  price?: string;
  status?: string;
  /** true, false, or 'parent' when the parent product manages the stock. */
  manage_stock?: boolean | 'parent';
  stock_quantity?: number | null;
  stock_status?: WooStockStatus | string;
  purchasable?: boolean;
  attributes?: { name?: string; option?: string }[];
}

export interface WooOrder {
  id?: number;
  number?: string;
  status?: string;
  currency?: string;
  date_created_gmt?: string;
  total?: string;
  billing?: { email?: string; phone?: string };
  shipping?: { phone?: string };
  line_items?: { name?: string; quantity?: number }[];
}

export interface WooShipmentTracking {
  tracking_id?: string;
  tracking_provider?: string;
  custom_tracking_provider?: string;
  tracking_link?: string;
  tracking_number?: string;
  date_shipped?: string;
}

/** WordPress REST error body. */
export interface WooError {
  code?: string;
  message?: string;
  data?: { status?: number };
}
