import { createHash } from 'node:crypto';

/**
 * The owner assistant conversation of one place in Slack or Discord (workspace or server,
 * channel, user): a stable UUID (version 5 layout) from a SHA-256 of them, so "yes" sent there
 * confirms the proposal made there, and another channel has its own conversation.
 */
export function channelConversationId(
  ownerId: string,
  place: { platform: 'slack' | 'discord'; space: string; channel: string; user: string },
): string {
  const hex = createHash('sha256')
    .update(['parley-owner-channel', ownerId, place.platform, place.space, place.channel, place.user].join('\n'))
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
