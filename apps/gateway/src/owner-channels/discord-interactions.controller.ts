import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RAW_BODY, type WithRawBody } from '../http/body-parser.installer';
import { problems } from '../http/problem.exception';
import { channelConversationId } from './channel-conversation.util';
import { ChannelReplyClient } from './channel-reply.client';
import { discordInteractionSchema, type DiscordInteraction } from './discord-interaction.schema';
import { OwnerChannelTurns } from './owner-channel-turns.service';
import { SignedRequestVerifier } from './signed-request.verifier';
import { SignedRequestRefusals } from './signed-request.responses';

/** Discord interaction response types and the ephemeral message flag. */
const PONG = 1;
const CHANNEL_MESSAGE = 4;
const DEFERRED_CHANNEL_MESSAGE = 5;
const EPHEMERAL = 64;

/** The first string option of the command (`/parley message: …`). */
function messageOf(interaction: DiscordInteraction): string {
  const option = interaction.data?.options?.find((o) => typeof o.value === 'string');
  return typeof option?.value === 'string' ? option.value.trim().slice(0, 4000) : '';
}

/**
 * The owner's Discord interactions endpoint (docs/adr/0027-owner-chat-channels.md): Ed25519
 * signed with the application's key, PING answered with PONG, an application command from an
 * allowed user (and server) deferred at once, the assistant's answer PATCHed to the original
 * interaction response.
 */
@ApiTags('owner-channels')
@Controller('api/v1/owner-channels/:id/discord')
export class DiscordInteractionsController {
  constructor(
    @Inject(SignedRequestVerifier) private readonly verifier: SignedRequestVerifier,
    @Inject(OwnerChannelTurns) private readonly turns: OwnerChannelTurns,
    @Inject(ChannelReplyClient) private readonly replies: ChannelReplyClient,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The owner's Discord interactions: verified (X-Signature-Ed25519, X-Signature-Timestamp), PING answered, a command deferred then answered.",
  })
  @ApiResponse({
    status: 200,
    description:
      'PONG (type 1) for a PING; deferred and ephemeral (type 5, flags 64) for a command, whose answer is PATCHed to the original response.',
  })
  @SignedRequestRefusals()
  async interaction(
    @Param('id') id: string,
    @Req() request: WithRawBody,
    @Headers('x-signature-timestamp') timestamp: string | undefined,
    @Headers('x-signature-ed25519') signature: string | undefined,
    @Body({ schema: discordInteractionSchema }) body: DiscordInteraction,
  ) {
    const owner = await this.verifier.verify({ platform: 'discord', channelsId: id, timestamp, signature, body: request[RAW_BODY] });
    const discord = owner.channels.discord;
    if (!discord || body.application_id !== discord.applicationId) {
      throw problems.forbidden('CHANNEL_NOT_ALLOWED', 'This Discord application is not the one set up for the assistant.');
    }
    if (body.type === 1) return { type: PONG };
    if (body.type !== 2 || !body.token)
      throw problems.badRequest('UNSUPPORTED_INTERACTION', 'Only PING and application commands are answered.');
    const userId = body.member?.user.id ?? body.user?.id;
    const guildAllowed = body.guild_id === undefined || discord.guildIds.includes(body.guild_id);
    if (!userId || !discord.userIds.includes(userId) || !guildAllowed) {
      throw problems.forbidden('CHANNEL_NOT_ALLOWED', 'This Discord server or user may not talk to the assistant.');
    }
    const message = messageOf(body);
    if (!message)
      return { type: CHANNEL_MESSAGE, data: { content: 'Ask me in plain English, e.g. "how are my clients doing?".', flags: EPHEMERAL } };
    const conversationId = channelConversationId(owner.ownerId, {
      platform: 'discord',
      space: body.guild_id ?? 'dm',
      channel: body.channel_id ?? 'dm',
      user: userId,
    });
    const token = body.token;
    this.turns.start({
      platform: 'discord',
      ownerId: owner.ownerId,
      conversationId,
      message,
      deliver: (text) => this.replies.discord(discord.applicationId, token, text),
    });
    return { type: DEFERRED_CHANNEL_MESSAGE, data: { flags: EPHEMERAL } };
  }
}
