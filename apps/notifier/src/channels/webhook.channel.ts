import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { ChannelSender, DeliveryResult, DeliveryTarget, OutboundNotification } from './channel.types';
import type { OutboundHttpClient } from './outbound-http.client';
import { buildWebhookPayload } from './webhook-payload.builder';

/**
 * Standard Webhooks delivery: `webhook-id` is the delivery id (stable across retries, so the
 * receiver can dedupe), `webhook-timestamp` the send time in seconds, `webhook-signature` one
 * `v1,<base64 HMAC-SHA256>` per secret, the current one first; during a rotation both secrets
 * sign, so a receiver holding either verifies.
 */
export class WebhookChannel implements ChannelSender<'webhook'> {
  readonly kind = 'webhook' as const;

  constructor(
    private readonly http: OutboundHttpClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(
    notification: OutboundNotification,
    target: Extract<DeliveryTarget, { kind: 'webhook' }>,
    signal: AbortSignal,
  ): Promise<DeliveryResult> {
    const body = JSON.stringify(buildWebhookPayload(notification));
    const sentAt = this.now();
    let signature: string;
    try {
      signature = signWebhook(target.secrets, notification.deliveryId, sentAt, body);
    } catch (err) {
      return { ok: false, retryable: false, error: `cannot sign: ${(err as Error).message}` };
    }
    return this.http.postJson(
      target.url,
      body,
      {
        'webhook-id': notification.deliveryId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      signal,
    );
  }
}

/** The `webhook-signature` header value: one signature per secret, space-separated, in the order given. */
export function signWebhook(secrets: readonly string[], msgId: string, at: Date, body: string): string {
  if (secrets.length === 0) throw new Error('the webhook has no signing secret');
  return secrets.map((secret) => new Webhook(secret).sign(msgId, at, body)).join(' ');
}

/** A new Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
