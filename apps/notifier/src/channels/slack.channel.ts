import type { ChannelSender, DeliveryResult, DeliveryTarget, OutboundNotification } from './channel.types';
import type { OutboundHttpClient } from './outbound-http.client';
import { buildSlackMessage } from './slack-message.builder';

/** Slack incoming webhook (https://hooks.slack.com/services/...): one Block Kit message per delivery. */
export class SlackChannel implements ChannelSender<'slack'> {
  readonly kind = 'slack' as const;

  constructor(private readonly http: OutboundHttpClient) {}

  send(
    notification: OutboundNotification,
    target: Extract<DeliveryTarget, { kind: 'slack' }>,
    signal: AbortSignal,
  ): Promise<DeliveryResult> {
    return this.http.postJson(target.url, JSON.stringify(buildSlackMessage(notification)), {}, signal);
  }
}
