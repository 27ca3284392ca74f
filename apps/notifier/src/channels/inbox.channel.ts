import { Inject, Injectable } from '@nestjs/common';
import { InboxNotificationMessage, type InboxNotification } from '@parley/contracts';
import { encodeJson, NatsClient } from '@parley/messaging';
import type { ChannelSender, DeliveryResult, DeliveryTarget, OutboundNotification } from './channel.types';

/**
 * The in-app inbox: the delivery row is the inbox entry, so "sending" announces it live on
 * `notify.inbox.<scope>` for the gateway to relay to the user's open streams. A user with no
 * stream open reads it from the inbox list later; nothing is lost if nobody listens.
 */
@Injectable()
export class InboxChannel implements ChannelSender<'inbox'> {
  readonly kind = 'inbox' as const;

  constructor(@Inject(NatsClient) private readonly nats: NatsClient) {}

  async send(n: OutboundNotification, target: Extract<DeliveryTarget, { kind: 'inbox' }>): Promise<DeliveryResult> {
    const frame: InboxNotification = {
      version: 1,
      tenantId: n.tenantId,
      recipientUserId: target.recipientUserId,
      id: n.deliveryId,
      notificationId: n.notificationId,
      kind: n.kind,
      severity: n.severity,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.occurredAt,
    };
    this.nats.nc.publish(this.nats.namer.subject(InboxNotificationMessage.subjectFor(n.tenantId)), encodeJson(frame));
    return { ok: true };
  }
}
