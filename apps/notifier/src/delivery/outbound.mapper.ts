import { alertSeveritySchema, notificationKindSchema } from '@parley/contracts';
import type { DeliveryTarget, OutboundNotification } from '../channels/channel.types';
import type { DeliveryToSend } from './delivery.repository';

export interface SecretOpener {
  openBound(ciphertext: Uint8Array, keyId: string, context: string): { plaintext: string; reseal: boolean };
}

/** A secret that opened but must be sealed again (no channel binding yet, or a retired key). */
export interface StaleSecret {
  channelId: string;
  slot: 'current' | 'previous';
  /** The stored ciphertext it replaces (the write is skipped if the row changed meanwhile). */
  ciphertext: Uint8Array;
  plaintext: string;
}

/** Digest notifications carry the items they summarise in `data.items`. */
function digestItems(data: unknown, publicUrl: string): OutboundNotification['items'] {
  const items = (data as { items?: unknown })?.items;
  if (!Array.isArray(items)) return undefined;
  return items.slice(0, 50).map((raw) => {
    const item = raw as { title?: unknown; severity?: unknown; occurredAt?: unknown; link?: unknown };
    return {
      title: String(item.title ?? ''),
      severity: alertSeveritySchema.catch('info').parse(item.severity),
      occurredAt: String(item.occurredAt ?? ''),
      url: typeof item.link === 'string' ? `${publicUrl}${item.link}` : null,
    };
  });
}

export function toOutbound(d: DeliveryToSend, publicUrl: string): OutboundNotification {
  const n = d.notification;
  return {
    deliveryId: d.id,
    notificationId: n.id,
    tenantId: d.tenantId,
    scopeName: d.scopeName,
    kind: notificationKindSchema.catch('system').parse(n.kind),
    severity: alertSeveritySchema.catch('info').parse(n.severity),
    title: n.title,
    body: n.body,
    url: n.link ? `${publicUrl}${n.link}` : null,
    link: n.link,
    occurredAt: n.occurredAt.toISOString(),
    items: digestItems(n.data, publicUrl),
  };
}

export class TargetUnavailable extends Error {}

/**
 * Where the delivery goes, with its secrets opened (bound to the channel id); TargetUnavailable
 * when it cannot go anywhere. Secrets that must be sealed again are added to `stale`.
 */
export function toTarget(d: DeliveryToSend, secrets: SecretOpener, now: Date, stale: StaleSecret[] = []): DeliveryTarget {
  if (d.channelKind === 'inbox') {
    if (!d.recipientUserId) throw new TargetUnavailable('inbox delivery without a recipient');
    return { kind: 'inbox', recipientUserId: d.recipientUserId };
  }
  const channel = d.channel;
  if (!channel) throw new TargetUnavailable('the channel was deleted');
  if (!channel.enabled) throw new TargetUnavailable('the channel is disabled');
  const open = (slot: StaleSecret['slot'], ciphertext: Uint8Array, keyId: string): string => {
    const opened = secrets.openBound(ciphertext, keyId, channel.id);
    if (opened.reseal) stale.push({ channelId: channel.id, slot, ciphertext, plaintext: opened.plaintext });
    return opened.plaintext;
  };
  const secret = () => {
    if (!channel.secretCiphertext || !channel.secretKeyId) throw new TargetUnavailable('the channel has no stored secret');
    return open('current', channel.secretCiphertext, channel.secretKeyId);
  };
  switch (d.channelKind) {
    case 'webhook': {
      const all = [secret()];
      if (
        channel.previousSecretCiphertext &&
        channel.previousSecretKeyId &&
        channel.previousSecretExpiresAt &&
        channel.previousSecretExpiresAt > now
      ) {
        all.push(open('previous', channel.previousSecretCiphertext, channel.previousSecretKeyId));
      }
      if (!channel.target) throw new TargetUnavailable('the webhook has no URL');
      return { kind: 'webhook', channelId: channel.id, url: channel.target, secrets: all };
    }
    case 'slack':
      return { kind: 'slack', channelId: channel.id, url: secret() };
    case 'discord':
      return { kind: 'discord', channelId: channel.id, url: secret() };
    case 'email': {
      const config = (channel.config ?? {}) as { to?: unknown; senderName?: unknown };
      const to = Array.isArray(config.to) ? config.to.filter((v): v is string => typeof v === 'string') : [];
      if (to.length === 0) throw new TargetUnavailable('the email channel has no recipients');
      return {
        kind: 'email',
        channelId: channel.id,
        to,
        senderName: typeof config.senderName === 'string' ? config.senderName : d.scopeName,
      };
    }
  }
}
