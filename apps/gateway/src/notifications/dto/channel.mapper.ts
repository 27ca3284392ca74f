import type { ChannelSettings, ChannelView } from '@parley/contracts';
import type { ChannelHttp, ChannelSettingsBody } from './channels.schemas';

/** A channel as the HTTP API shows it (secret URLs stay masked by the notifier). */
export function toChannelHttp(channel: ChannelView): ChannelHttp {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    enabled: channel.enabled,
    target: channel.target,
    sender_name: channel.senderName,
    previous_secret_expires_at: channel.previousSecretExpiresAt,
    created_at: channel.createdAt,
    updated_at: channel.updatedAt,
  };
}

/** HTTP channel settings as the notifier's contract takes them. */
export function toChannelSettings(settings: ChannelSettingsBody): ChannelSettings {
  switch (settings.kind) {
    case 'webhook':
    case 'slack':
    case 'discord':
      return { kind: settings.kind, url: settings.url };
    case 'email':
      return { kind: 'email', to: settings.to, ...(settings.sender_name === undefined ? {} : { senderName: settings.sender_name }) };
  }
}
