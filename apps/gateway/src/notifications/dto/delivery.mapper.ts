import type { DeliveryView } from '@parley/contracts';
import type { DeliveryHttp } from './deliveries.schemas';

/** A delivery log entry as the HTTP API shows it. */
export function toDeliveryHttp(delivery: DeliveryView): DeliveryHttp {
  return {
    id: delivery.id,
    notification_id: delivery.notificationId,
    kind: delivery.kind,
    title: delivery.title,
    channel_id: delivery.channelId,
    channel_kind: delivery.channelKind,
    recipient_user_id: delivery.recipientUserId,
    status: delivery.status,
    attempts: delivery.attempts,
    last_error: delivery.lastError,
    last_status_code: delivery.lastStatusCode,
    latency_ms: delivery.latencyMs,
    next_attempt_at: delivery.nextAttemptAt,
    delivered_at: delivery.deliveredAt,
    created_at: delivery.createdAt,
  };
}
