import type { components } from '../api/schema.gen';

export type Channel = components['schemas']['NotificationChannel'];
export type ChannelKind = Channel['kind'];
export type CreateChannelRequest = components['schemas']['CreateNotificationChannelRequest'];
export type UpdateChannelRequest = components['schemas']['UpdateNotificationChannelRequest'];
export type ChannelSettings = components['schemas']['NotificationChannelSettings'];

export const CHANNEL_KINDS: readonly ChannelKind[] = ['webhook', 'slack', 'discord', 'email'];
export const CHANNEL_KIND_LABEL: Record<ChannelKind, string> = { webhook: 'Webhook', slack: 'Slack', discord: 'Discord', email: 'Email' };

/** The channel form as its controls hold it. */
export interface ChannelForm {
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  /** Webhook, Slack or Discord URL. Editing a Slack or Discord channel: empty keeps the stored (masked) URL. */
  url: string;
  /** Email recipients, separated by commas, spaces or lines. */
  to: string;
  senderName: string;
}

export const NEW_CHANNEL: ChannelForm = { kind: 'webhook', name: '', enabled: true, url: '', to: '', senderName: '' };

/** Slack and Discord URLs are secrets: the API shows them masked, so the form cannot prefill them. */
export function urlIsMasked(kind: ChannelKind): boolean {
  return kind === 'slack' || kind === 'discord';
}

/** Recipients typed in a box: split on commas, semicolons, spaces and lines, each once. */
export function recipientsFromText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The form for an existing channel. */
export function channelToForm(channel: Channel): ChannelForm {
  return {
    kind: channel.kind,
    name: channel.name,
    enabled: channel.enabled,
    url: channel.kind === 'webhook' ? channel.target : '',
    to: channel.kind === 'email' ? recipientsFromText(channel.target).join(', ') : '',
    senderName: channel.sender_name ?? '',
  };
}

function settingsOf(form: ChannelForm): ChannelSettings {
  if (form.kind === 'email') {
    const senderName = form.senderName.trim();
    return { kind: 'email', to: recipientsFromText(form.to), ...(senderName ? { sender_name: senderName } : {}) };
  }
  return { kind: form.kind, url: form.url.trim() };
}

/** POST /api/v1/notification-channels's body. */
export function createChannelBody(form: ChannelForm): CreateChannelRequest {
  return { name: form.name.trim(), enabled: form.enabled, settings: settingsOf(form) };
}

/**
 * PATCH /api/v1/notification-channels/:id's body: what changed, or null. Settings are sent
 * whole when any of them changed (for Slack and Discord only when a new URL was typed).
 */
export function updateChannelBody(form: ChannelForm, channel: Channel): UpdateChannelRequest | null {
  const before = channelToForm(channel);
  const body: UpdateChannelRequest = {};
  if (form.name.trim() !== before.name) body.name = form.name.trim();
  if (form.enabled !== before.enabled) body.enabled = form.enabled;
  const settingsChanged =
    form.kind === 'email'
      ? recipientsFromText(form.to).join(',') !== recipientsFromText(before.to).join(',') || form.senderName.trim() !== before.senderName
      : urlIsMasked(form.kind)
        ? form.url.trim() !== ''
        : form.url.trim() !== before.url;
  if (settingsChanged) body.settings = settingsOf({ ...form, kind: channel.kind });
  return Object.keys(body).length > 0 ? body : null;
}
