import { z } from 'zod';

// The owner's chat channels over HTTP (docs/adr/0027-owner-chat-channels.md): snake_case
// shapes of GET/PUT /api/v1/admin/chat-channels. The Slack signing secret goes in, never out.

const platformId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Slack or Discord id');
const idList = z.array(platformId).min(1).max(50);

export const ownerChannelsRequestSchema = z
  .object({
    slack: z
      .object({
        signing_secret: z
          .string()
          .min(8)
          .max(200)
          .optional()
          .meta({ description: "The Slack app's signing secret; omit to keep the stored one. Never returned." }),
        team_ids: idList.meta({ description: 'Slack workspace (team) ids whose requests are answered.' }),
        user_ids: idList.meta({ description: 'Slack user ids allowed to talk to the assistant (the owner).' }),
      })
      .strict()
      .nullable(),
    discord: z
      .object({
        application_id: z.string().regex(/^\d{5,30}$/, 'must be the Discord application id'),
        public_key: z
          .string()
          .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the public key')
          .meta({ description: "The application's Ed25519 public key (Developer Portal, General Information)." }),
        guild_ids: z
          .array(platformId)
          .max(50)
          .meta({ description: 'Servers where the command is answered (empty: direct messages only).' }),
        user_ids: idList.meta({ description: 'Discord user ids allowed to talk to the assistant (the owner).' }),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .meta({ id: 'OwnerChatChannelsRequest' });
export type OwnerChannelsRequestBody = z.output<typeof ownerChannelsRequestSchema>;

export const ownerChannelsResponseSchema = z
  .object({
    configured: z.boolean(),
    slack: z
      .object({
        team_ids: z.array(z.string()),
        user_ids: z.array(z.string()),
        signing_secret_set: z.boolean(),
        command_url: z.string().meta({ description: "The slash command's Request URL (path; prefix the gateway's public origin)." }),
      })
      .nullable(),
    discord: z
      .object({
        application_id: z.string(),
        public_key: z.string(),
        guild_ids: z.array(z.string()),
        user_ids: z.array(z.string()),
        interactions_url: z.string().meta({ description: 'The Interactions Endpoint URL (path; prefix the public origin).' }),
      })
      .nullable(),
    updated_at: z.string().nullable(),
  })
  .meta({ id: 'OwnerChatChannels' });
export type OwnerChannelsResponse = z.output<typeof ownerChannelsResponseSchema>;
