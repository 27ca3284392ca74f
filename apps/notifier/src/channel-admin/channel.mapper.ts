import type { ChannelView } from '@parley/contracts';
import type { ChannelRow } from './channel.repository';

/** Slack and Discord webhook URLs are secrets: only the host and the last characters are shown. */
export function maskSecretUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…${url.slice(-4)}`;
  } catch {
    return '…';
  }
}

export function toChannelView(row: ChannelRow): ChannelView {
  const config = (row.config ?? {}) as { senderName?: unknown };
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ChannelView['kind'],
    enabled: row.enabled,
    target: row.target ?? '',
    senderName: typeof config.senderName === 'string' ? config.senderName : null,
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? row.previousSecretExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
