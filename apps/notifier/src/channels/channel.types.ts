import type { AlertSeverity, ChannelSettings, NotificationKind } from '@parley/contracts';

/** Every way the notifier delivers. The registry (channel.registry.ts) must name a sender for each. */
export type ChannelKind = 'inbox' | ChannelSettings['kind'];

/** One notification as a channel sends it (the same for every target). */
export interface OutboundNotification {
  /** The delivery row: Standard Webhooks `webhook-id`, email Message-ID, inbox entry id. */
  deliveryId: string;
  notificationId: string;
  /** The scope: a tenant id, or PLATFORM_TENANT_ID for the owner. */
  tenantId: string;
  /** The tenant's display name ("Parley" for the owner's scope). */
  scopeName: string;
  kind: NotificationKind;
  severity: AlertSeverity;
  title: string;
  body: string;
  /** Absolute URL back to the console (session, contact...), or null. */
  url: string | null;
  /** The same link relative to the console (the inbox keeps it relative). */
  link: string | null;
  occurredAt: string;
  /** Digest deliveries carry the notifications they summarise. */
  items?: ReadonlyArray<{ title: string; severity: AlertSeverity; occurredAt: string; url: string | null }>;
}

/** Where one delivery goes, with its secrets decrypted for the duration of the send. */
export type DeliveryTarget =
  | { kind: 'inbox'; recipientUserId: string }
  | {
      kind: 'webhook';
      channelId: string;
      url: string;
      /** Current secret first, then a rotated-out one still in its grace period. */ secrets: string[];
    }
  | { kind: 'slack'; channelId: string; url: string }
  | { kind: 'discord'; channelId: string; url: string }
  | { kind: 'email'; channelId: string; to: string[]; senderName: string };

export type DeliveryResult =
  | { ok: true; statusCode?: number }
  /** `retryable: false` (a 4xx other than 408/429, a refused address) goes dead at once. */
  | { ok: false; retryable: boolean; error: string; statusCode?: number; retryAfterMs?: number };

export interface ChannelSender<K extends ChannelKind = ChannelKind> {
  readonly kind: K;
  send(notification: OutboundNotification, target: Extract<DeliveryTarget, { kind: K }>, signal: AbortSignal): Promise<DeliveryResult>;
}
