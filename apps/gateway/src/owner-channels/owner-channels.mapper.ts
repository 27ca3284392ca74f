import type { OwnerChannelsInput, OwnerChannelsView } from '@parley/contracts';
import type { OwnerChannelsRequestBody, OwnerChannelsResponse } from './owner-channels.schemas';

export const slackCommandPath = (id: string) => `/api/v1/owner-channels/${id}/slack`;
export const discordInteractionsPath = (id: string) => `/api/v1/owner-channels/${id}/discord`;

export function toChannelsInput(body: OwnerChannelsRequestBody): OwnerChannelsInput {
  return {
    slack: body.slack
      ? {
          ...(body.slack.signing_secret ? { signingSecret: body.slack.signing_secret } : {}),
          teamIds: body.slack.team_ids,
          userIds: body.slack.user_ids,
        }
      : null,
    discord: body.discord
      ? {
          applicationId: body.discord.application_id,
          publicKey: body.discord.public_key,
          guildIds: body.discord.guild_ids,
          userIds: body.discord.user_ids,
        }
      : null,
  };
}

export function toChannelsResponse(view: OwnerChannelsView | null): OwnerChannelsResponse {
  if (!view) return { configured: false, slack: null, discord: null, updated_at: null };
  return {
    configured: view.slack !== null || view.discord !== null,
    slack: view.slack
      ? {
          team_ids: view.slack.teamIds,
          user_ids: view.slack.userIds,
          signing_secret_set: view.slack.signingSecretSet,
          command_url: slackCommandPath(view.id),
        }
      : null,
    discord: view.discord
      ? {
          application_id: view.discord.applicationId,
          public_key: view.discord.publicKey,
          guild_ids: view.discord.guildIds,
          user_ids: view.discord.userIds,
          interactions_url: discordInteractionsPath(view.id),
        }
      : null,
    updated_at: view.updatedAt,
  };
}
