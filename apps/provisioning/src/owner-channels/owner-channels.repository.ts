// The owner's chat channels (docs/adr/0027-owner-chat-channels.md): platform-level rows of
// `owner_chat_channels` (no tenant, no RLS), read by owner id or by the public id in a URL.
import type { Db } from '@parley/persistence';

export interface OwnerChannelsRow {
  id: string;
  ownerId: string;
  slackSecretCiphertext: Uint8Array | null;
  slackSecretKeyId: string | null;
  slackTeamIds: string[];
  slackUserIds: string[];
  discordApplicationId: string | null;
  discordPublicKey: string | null;
  discordGuildIds: string[];
  discordUserIds: string[];
  updatedAt: Date;
}

export type OwnerChannelsData = Omit<OwnerChannelsRow, 'id' | 'ownerId' | 'updatedAt'>;

export async function findByOwner(db: Db, ownerId: string): Promise<OwnerChannelsRow | null> {
  return db.ownerChatChannels.findUnique({ where: { ownerId } });
}

export async function findById(db: Db, id: string): Promise<OwnerChannelsRow | null> {
  return db.ownerChatChannels.findUnique({ where: { id } });
}

/** Creates or replaces the owner's row; its public id stays the same across saves. */
export async function upsertChannels(db: Db, ownerId: string, data: OwnerChannelsData): Promise<OwnerChannelsRow> {
  const values = { ...data, slackSecretCiphertext: data.slackSecretCiphertext ? Buffer.from(data.slackSecretCiphertext) : null };
  return db.ownerChatChannels.upsert({
    where: { ownerId },
    create: { ownerId, ...values },
    update: { ...values, updatedAt: new Date() },
  });
}
