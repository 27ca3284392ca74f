import type { components } from '../api/schema.gen';

export type Delivery = components['schemas']['NotificationDelivery'];
export type DeliveryStatus = Delivery['status'];

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'sending', 'delivered', 'dead', 'held', 'digested'];
export const STATUS_LABEL: Record<DeliveryStatus, string> = {
  pending: 'Waiting to send',
  sending: 'Sending',
  delivered: 'Delivered',
  dead: 'Failed (dead letter)',
  held: 'Held (quiet hours)',
  digested: 'In a digest',
};

export interface DeliveryFilters {
  status: DeliveryStatus | '';
  channelId: string;
}

/** What happened to a delivery, in a few words: "Delivered in 42 ms (HTTP 200)", "Failed after 5 attempts: HTTP 500 …". */
export function deliveryOutcome(d: Pick<Delivery, 'status' | 'attempts' | 'latency_ms' | 'last_status_code' | 'last_error'>): string {
  const code = d.last_status_code !== null ? `HTTP ${d.last_status_code}` : null;
  if (d.status === 'delivered') {
    const bits = [d.latency_ms !== null ? `in ${d.latency_ms} ms` : null, code ? `(${code})` : null].filter(Boolean);
    return ['Delivered', ...bits].join(' ');
  }
  const attempts = `${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'}`;
  const why = [code, d.last_error].filter(Boolean).join(': ');
  if (d.status === 'dead') return `Failed after ${attempts}${why ? `: ${why}` : ''}`;
  if (d.attempts > 0 && why) return `${STATUS_LABEL[d.status]}, ${attempts} so far (last: ${why})`;
  return STATUS_LABEL[d.status];
}

/** The ids of the dead deliveries among `items` (the ones a redrive sends again). */
export function deadIds(items: readonly Pick<Delivery, 'id' | 'status'>[]): string[] {
  return items.filter((d) => d.status === 'dead').map((d) => d.id);
}

/** Whether any delivery is still on its way (waiting or sending): the log keeps refreshing until none is. */
export function inFlight(items: readonly Pick<Delivery, 'status'>[]): boolean {
  return items.some((d) => d.status === 'pending' || d.status === 'sending');
}
