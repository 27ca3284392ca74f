import type { AlertSeverity, NotificationKind } from '@parley/contracts';
import type { OutboundNotification } from './channel.types';

/** The JSON body of a webhook delivery, in the Standard Webhooks shape `{ type, timestamp, data }`. */
export interface WebhookPayload {
  /** `notification.<kind>`, e.g. `notification.urgent_callback`. */
  type: `notification.${NotificationKind}`;
  /** When the notification's event occurred (not when this attempt was sent), so a retry carries the same body. */
  timestamp: string;
  data: {
    id: string;
    delivery_id: string;
    tenant_id: string;
    kind: NotificationKind;
    severity: AlertSeverity;
    title: string;
    body: string;
    url: string | null;
    occurred_at: string;
    items?: Array<{ title: string; severity: AlertSeverity; occurred_at: string; url: string | null }>;
  };
}

export function buildWebhookPayload(n: OutboundNotification): WebhookPayload {
  return {
    type: `notification.${n.kind}`,
    timestamp: n.occurredAt,
    data: {
      id: n.notificationId,
      delivery_id: n.deliveryId,
      tenant_id: n.tenantId,
      kind: n.kind,
      severity: n.severity,
      title: n.title,
      body: n.body,
      url: n.url,
      occurred_at: n.occurredAt,
      ...(n.items ? { items: n.items.map((i) => ({ title: i.title, severity: i.severity, occurred_at: i.occurredAt, url: i.url })) } : {}),
    },
  };
}
