import { TOOL_INTEGRATION_KINDS, toolArgsSchemas, type BuiltinToolKey, type IntegrationKind, type ToolCategory } from '@parley/contracts';
import { z } from 'zod';

export interface CatalogEntry {
  key: BuiltinToolKey;
  name: string;
  /** What the model is told the tool does (the owner may reword it). */
  description: string;
  category: ToolCategory;
  integrationKinds: readonly IntegrationKind[];
  /** JSON Schema of the arguments, generated from the contracts' zod schema. */
  parameters: Record<string, unknown>;
}

const META: Record<BuiltinToolKey, { name: string; description: string; category: ToolCategory }> = {
  product_search: {
    name: 'Product search',
    description:
      "Search the shop's live catalogue by words the visitor used (a product name, a brand, a kind of item). Returns matching products with price and stock.",
    category: 'catalog',
  },
  product_details: {
    name: 'Product details',
    description: 'Look up one product by its name, SKU or id: its variants, price and how many are in stock right now.',
    category: 'catalog',
  },
  order_status: {
    name: 'Order status',
    description:
      "Look up an order's status by its order number together with the email address or phone number it was placed with (ask the visitor for both; never guess).",
    category: 'orders',
  },
  shipment_tracking: {
    name: 'Shipment tracking',
    description:
      "Find the carrier, tracking number and tracking link of an order's shipments, by order number together with the order's email address or phone number.",
    category: 'shipping',
  },
  store_hours: {
    name: 'Opening hours and slots',
    description: 'The opening hours of the business and, for a given date (YYYY-MM-DD), the bookable time slots when there are any.',
    category: 'scheduling',
  },
  call_endpoint: {
    name: 'Call an endpoint',
    description: "Call one of the business's own named endpoints with parameters and read its answer.",
    category: 'custom',
  },
};

/** The JSON Schema the model is told, without the `$schema` line. */
export function toModelParameters(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** Parley's built-in tools, defined once here (from libs/contracts) and kept in the `tools` table at start-up. */
export const BUILTIN_TOOLS: readonly CatalogEntry[] = (Object.keys(META) as BuiltinToolKey[]).map((key) => ({
  key,
  ...META[key],
  integrationKinds: TOOL_INTEGRATION_KINDS[key],
  parameters: toModelParameters(toolArgsSchemas[key]),
}));
