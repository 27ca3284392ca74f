import type { ToolOrder } from '@parley/contracts';

type OrderStatus = ToolOrder['status'];

/** A shop's own status words, normalised (lower case, separators as `_`), to the tool's enum. */
const STATUS_WORDS: Record<string, OrderStatus> = {
  pending: 'pending',
  pending_payment: 'pending',
  new: 'pending',
  open: 'pending',
  awaiting_payment: 'pending',
  unpaid: 'pending',
  received: 'pending',
  processing: 'processing',
  in_progress: 'processing',
  confirmed: 'processing',
  paid: 'processing',
  preparing: 'processing',
  unfulfilled: 'processing',
  packed: 'processing',
  ready_for_pickup: 'processing',
  shipped: 'shipped',
  dispatched: 'shipped',
  sent: 'shipped',
  in_transit: 'shipped',
  fulfilled: 'shipped',
  partially_fulfilled: 'shipped',
  partially_shipped: 'shipped',
  out_for_delivery: 'shipped',
  delivered: 'delivered',
  completed: 'delivered',
  complete: 'delivered',
  picked_up: 'delivered',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  voided: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
  partially_refunded: 'refunded',
  on_hold: 'on_hold',
  hold: 'on_hold',
  held: 'on_hold',
  backordered: 'on_hold',
};

/** The tool's status for a shop's word; anything not known is 'unknown' (the caller keeps the word as shopStatus). */
export function normaliseOrderStatus(raw: unknown): OrderStatus {
  if (typeof raw !== 'string') return 'unknown';
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/^wc-/, '')
    .replace(/[\s-]+/g, '_');
  return STATUS_WORDS[key] ?? 'unknown';
}
