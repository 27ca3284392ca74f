import type { BuiltinToolKey, ToolArgs } from '@parley/contracts';

export type PlaceholderValue = string | number | boolean;

/**
 * The values a tool call offers to an endpoint's `{name}` (REST) or `:name` (SQL) placeholders:
 * the tool's arguments (`query`, `limit`, `product`, `order_number` without its `#`, `email`,
 * `phone`, `date`), or call_endpoint's `params`. product_search's `limit` defaults to 10 and
 * store_hours' `date` to today in the tool's `timezone` setting (UTC without one).
 */
export function placeholderValues<K extends BuiltinToolKey>(
  toolKey: K,
  args: ToolArgs<K>,
  settings: Readonly<Record<string, unknown>> = {},
  now: Date = new Date(),
): Record<string, PlaceholderValue> {
  const values: Record<string, PlaceholderValue | undefined> = (() => {
    switch (toolKey) {
      case 'product_search': {
        const a = args as ToolArgs<'product_search'>;
        return { query: a.query, limit: a.limit ?? 10 };
      }
      case 'product_details':
        return { product: (args as ToolArgs<'product_details'>).product };
      case 'order_status':
      case 'shipment_tracking': {
        const a = args as ToolArgs<'order_status'>;
        return { order_number: a.order_number.trim().replace(/^#/, ''), email: a.email, phone: a.phone };
      }
      case 'store_hours':
        return { date: (args as ToolArgs<'store_hours'>).date ?? localDate(now, settings['timezone']) };
      case 'call_endpoint':
        return { ...((args as ToolArgs<'call_endpoint'>).params ?? {}) };
    }
  })();
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, PlaceholderValue] => entry[1] !== undefined));
}

function localDate(now: Date, timezone: unknown): string {
  try {
    // en-CA formats a date as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone: typeof timezone === 'string' ? timezone : 'UTC' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
