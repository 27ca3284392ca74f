import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';

// The owner's chat channels (docs/adr/0027-owner-chat-channels.md): a Slack app (slash command)
// and a Discord application (interactions) that reach the owner assistant. Provisioning keeps
// the settings (the Slack signing secret sealed at rest) and verifies request signatures, so the
// secret never leaves it; the gateway checks the timestamp window, replays and the allow-lists.

/** Slack and Discord ids: workspace/team, guild, user. */
const platformIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Slack or Discord id');
const idListSchema = z.array(platformIdSchema).min(1).max(50);

export const ownerSlackInputSchema = z.object({
  /** The Slack app's signing secret; omitted to keep the stored one. Never returned. */
  signingSecret: z.string().min(8).max(200).optional(),
  teamIds: idListSchema,
  userIds: idListSchema,
});

export const ownerDiscordInputSchema = z.object({
  applicationId: z.string().regex(/^\d{5,30}$/, 'must be the Discord application id'),
  /** The application's Ed25519 public key, hex (64 characters). */
  publicKey: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the public key'),
  guildIds: z.array(platformIdSchema).max(50),
  userIds: idListSchema,
});

export const ownerChannelsInputSchema = z.object({
  slack: ownerSlackInputSchema.nullable(),
  discord: ownerDiscordInputSchema.nullable(),
});
export type OwnerChannelsInput = z.infer<typeof ownerChannelsInputSchema>;

export const ownerChannelsViewSchema = z.object({
  /** The public id in the endpoints' URLs. */
  id: uuidSchema,
  slack: z.object({ teamIds: z.array(z.string()), userIds: z.array(z.string()), signingSecretSet: z.literal(true) }).nullable(),
  discord: z
    .object({ applicationId: z.string(), publicKey: z.string(), guildIds: z.array(z.string()), userIds: z.array(z.string()) })
    .nullable(),
  updatedAt: isoDateTimeSchema,
});
export type OwnerChannelsView = z.infer<typeof ownerChannelsViewSchema>;

/** The owner's settings, or null when never set. */
export const OwnerChannelsGetRpc = defineRpc(
  RPC_SUBJECTS.ownerChannelsGet,
  z.object({ version: version1, ownerId: uuidSchema }),
  z.object({ version: version1, channels: ownerChannelsViewSchema.nullable() }),
);

/** Replaces the owner's settings (VALIDATION when Slack is new and has no signing secret). */
export const OwnerChannelsSetRpc = defineRpc(
  RPC_SUBJECTS.ownerChannelsSet,
  z.object({ version: version1, ownerId: uuidSchema, channels: ownerChannelsInputSchema }),
  z.object({ version: version1, channels: ownerChannelsViewSchema }),
);

/**
 * Checks a request's signature against the settings `channelsId` names: Slack `v0=` HMAC-SHA256
 * of `v0:{timestamp}:{body}` with the signing secret, Discord Ed25519 over `{timestamp}{body}`
 * with the application's public key. `verified: false` for an unknown id, a platform not set up
 * or a wrong signature (one answer for all three).
 */
export const OwnerChannelsVerifyRpc = defineRpc(
  RPC_SUBJECTS.ownerChannelsVerify,
  z.object({
    version: version1,
    channelsId: uuidSchema,
    platform: z.enum(['slack', 'discord']),
    timestamp: z.string().max(32),
    signature: z.string().max(256),
    body: z.string().max(200_000),
  }),
  z.discriminatedUnion('verified', [
    z.object({ version: version1, verified: z.literal(false) }),
    z.object({ version: version1, verified: z.literal(true), ownerId: uuidSchema, channels: ownerChannelsViewSchema }),
  ]),
);
