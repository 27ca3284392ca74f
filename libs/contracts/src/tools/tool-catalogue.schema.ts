import { z } from 'zod';

// The built-in tools of the catalogue (issue 17): what a tenant's bot can look up live in the
// tenant's own systems. Their argument schemas are the one definition: the model is told them as
// JSON Schema, chat validates the model's arguments against them, the integrations execute them.
// Their results are normalised, whatever system served them (Shopify, WooCommerce, a REST API,
// a SQL database, the tenant's settings).

/** The systems a tenant can connect. `postgres` and `mysql` are read-only SQL sources. */
export const integrationKindSchema = z.enum(['shopify', 'woocommerce', 'rest', 'postgres', 'mysql']);
export type IntegrationKind = z.infer<typeof integrationKindSchema>;

export const BUILTIN_TOOL_KEYS = [
  'product_search',
  'product_details',
  'order_status',
  'shipment_tracking',
  'store_hours',
  'call_endpoint',
] as const;
export const builtinToolKeySchema = z.enum(BUILTIN_TOOL_KEYS);
export type BuiltinToolKey = z.infer<typeof builtinToolKeySchema>;

/** A tool key: lower snake case, as the model sees it. */
export const toolKeySchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'lower snake case: a-z, 0-9 and _');

export const toolCategorySchema = z.enum(['catalog', 'orders', 'shipping', 'scheduling', 'custom']);
export type ToolCategory = z.infer<typeof toolCategorySchema>;

const lookupText = z.string().trim().min(1).max(200);
const orderNumber = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^#?[A-Za-z0-9][A-Za-z0-9-]*$/, 'letters, digits and dashes, optionally after #');
const email = z.email().max(254);
const phone = z
  .string()
  .trim()
  .min(5)
  .max(32)
  .regex(/^\+?[0-9 ().-]+$/, 'a phone number');
const isoDate = z.iso.date();

/**
 * Order lookups need the order's email or phone as well as its number: a visitor who only
 * guesses numbers never reaches anyone's order (no enumeration).
 */
const orderLookupArgs = z
  .object({ order_number: orderNumber, email: email.optional(), phone: phone.optional() })
  .strict()
  .refine((a) => a.email !== undefined || a.phone !== undefined, {
    message: 'the email or phone the order was placed with is required',
    path: ['email'],
  });

export const toolArgsSchemas = {
  product_search: z.object({ query: lookupText, limit: z.int().min(1).max(10).optional() }).strict(),
  product_details: z.object({ product: lookupText }).strict(),
  order_status: orderLookupArgs,
  shipment_tracking: orderLookupArgs,
  store_hours: z.object({ date: isoDate.optional() }).strict(),
  call_endpoint: z
    .object({
      endpoint: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_.-]+$/),
      params: z.record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
    })
    .strict(),
} satisfies Record<BuiltinToolKey, z.ZodType>;
export type ToolArgs<K extends BuiltinToolKey> = z.infer<(typeof toolArgsSchemas)[K]>;

const money = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount');

export const productVariantSchema = z.object({
  id: z.string().max(200),
  title: z.string().max(300),
  sku: z.string().max(200).nullable(),
  price: money.nullable(),
  /** Units in stock; null when the shop does not track stock for it. */
  quantity: z.int().nullable(),
  available: z.boolean(),
});

export const productSchema = z.object({
  id: z.string().max(200),
  title: z.string().max(300),
  sku: z.string().max(200).nullable(),
  price: money.nullable(),
  currency: z.string().max(3).nullable(),
  quantity: z.int().nullable(),
  available: z.boolean(),
  url: z.string().max(2000).nullable(),
  variants: z.array(productVariantSchema).max(50),
});
export type ToolProduct = z.infer<typeof productSchema>;

export const orderSchema = z.object({
  orderNumber: z.string().max(64),
  /** Normalised: pending | processing | shipped | delivered | cancelled | refunded | on_hold | unknown. */
  status: z.enum(['pending', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded', 'on_hold', 'unknown']),
  /** The shop's own words for it (e.g. Shopify's PARTIALLY_FULFILLED). */
  shopStatus: z.string().max(100).nullable(),
  placedAt: z.string().max(40).nullable(),
  total: money.nullable(),
  currency: z.string().max(3).nullable(),
  items: z.array(z.object({ title: z.string().max(300), quantity: z.int() })).max(100),
});
export type ToolOrder = z.infer<typeof orderSchema>;

export const shipmentSchema = z.object({
  carrier: z.string().max(100).nullable(),
  trackingNumber: z.string().max(100).nullable(),
  url: z.string().max(2000).nullable(),
  status: z.string().max(100).nullable(),
});

export const openingHoursSchema = z.object({
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: z.int().min(0).max(6),
  opens: z.string().regex(/^\d{2}:\d{2}$/),
  closes: z.string().regex(/^\d{2}:\d{2}$/),
});

export const toolResultSchemas = {
  product_search: z.object({ products: z.array(productSchema).max(10) }),
  product_details: z.object({ product: productSchema.nullable() }),
  /** `order` is null when no order matches the number AND the email or phone. */
  order_status: z.object({ order: orderSchema.nullable() }),
  shipment_tracking: z.object({ orderNumber: z.string().max(64).nullable(), shipments: z.array(shipmentSchema).max(20) }),
  store_hours: z.object({
    timezone: z.string().max(64),
    hours: z.array(openingHoursSchema).max(21),
    /** Bookable slots on the asked date (start times, local), when the source has any. */
    slots: z.array(z.string().max(40)).max(100),
    closedDates: z.array(isoDate).max(366),
  }),
  call_endpoint: z.object({ data: z.unknown() }),
} satisfies Record<BuiltinToolKey, z.ZodType>;
export type ToolResult<K extends BuiltinToolKey> = z.infer<(typeof toolResultSchemas)[K]>;

/** Why a tool call produced no data. Shown to the model (and the visitor) as plain words. */
export const toolFailureSchema = z.enum([
  'invalid_arguments',
  'not_configured',
  'unavailable',
  'timeout',
  'rate_limited',
  'circuit_open',
  'refused_target',
  'upstream_error',
]);
export type ToolFailure = z.infer<typeof toolFailureSchema>;

/** Which integration kinds can serve each built-in tool; store_hours can also be served by the tool's own settings. */
export const TOOL_INTEGRATION_KINDS: Record<BuiltinToolKey, readonly IntegrationKind[]> = {
  product_search: ['shopify', 'woocommerce', 'rest', 'postgres', 'mysql'],
  product_details: ['shopify', 'woocommerce', 'rest', 'postgres', 'mysql'],
  order_status: ['shopify', 'woocommerce', 'rest', 'postgres', 'mysql'],
  shipment_tracking: ['shopify', 'woocommerce', 'rest', 'postgres', 'mysql'],
  store_hours: ['rest', 'postgres', 'mysql'],
  call_endpoint: ['rest', 'postgres', 'mysql'],
};
