import type { ChannelKind, ChannelSender, DeliveryResult, DeliveryTarget, OutboundNotification } from './channel.types';

/** One sender per kind: a kind without a sender does not compile. Adding a channel = its file + one line here. */
export type ChannelSenders = { readonly [K in ChannelKind]: ChannelSender<K> };

export class ChannelRegistry {
  constructor(private readonly senders: ChannelSenders) {}

  send(notification: OutboundNotification, target: DeliveryTarget, signal: AbortSignal): Promise<DeliveryResult> {
    const sender = this.senders[target.kind] as ChannelSender<typeof target.kind>;
    return sender.send(notification, target as never, signal);
  }
}
