import type { ChannelSender, DeliveryResult, DeliveryTarget, OutboundNotification } from './channel.types';
import { buildDiscordMessage } from './discord-message.builder';
import type { OutboundHttpClient } from './outbound-http.client';

/** Discord webhook (https://discord.com/api/webhooks/...): one embed per delivery, mentions disabled. */
export class DiscordChannel implements ChannelSender<'discord'> {
  readonly kind = 'discord' as const;

  constructor(private readonly http: OutboundHttpClient) {}

  send(
    notification: OutboundNotification,
    target: Extract<DeliveryTarget, { kind: 'discord' }>,
    signal: AbortSignal,
  ): Promise<DeliveryResult> {
    return this.http.postJson(target.url, JSON.stringify(buildDiscordMessage(notification)), {}, signal);
  }
}
