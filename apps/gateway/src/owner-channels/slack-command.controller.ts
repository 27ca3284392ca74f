import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RAW_BODY, type WithRawBody } from '../http/body-parser.installer';
import { problems } from '../http/problem.exception';
import { channelConversationId } from './channel-conversation.util';
import { ChannelReplyClient } from './channel-reply.client';
import { OwnerChannelTurns } from './owner-channel-turns.service';
import { SignedRequestVerifier } from './signed-request.verifier';
import { slackCommandSchema, type SlackCommand } from './slack-command.schema';
import { SignedRequestRefusals } from './signed-request.responses';

const USAGE = 'Ask me in plain English, e.g. `/parley how are my clients doing?`; confirm a proposed change with `/parley yes`.';

/**
 * The owner's Slack slash command (docs/adr/0027-owner-chat-channels.md): signed with the Slack
 * app's signing secret, from an allowed workspace and user, acknowledged at once; the assistant's
 * answer goes to the command's response_url.
 */
@ApiTags('owner-channels')
@Controller('api/v1/owner-channels/:id/slack')
export class SlackCommandController {
  constructor(
    @Inject(SignedRequestVerifier) private readonly verifier: SignedRequestVerifier,
    @Inject(OwnerChannelTurns) private readonly turns: OwnerChannelTurns,
    @Inject(ChannelReplyClient) private readonly replies: ChannelReplyClient,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary:
      "The owner's Slack slash command: verified (X-Slack-Signature, X-Slack-Request-Timestamp), acknowledged, answered at response_url.",
  })
  @ApiResponse({
    status: 200,
    description: 'The acknowledgement Slack shows at once (ephemeral: Working on it); the answer follows at response_url.',
  })
  @SignedRequestRefusals()
  async command(
    @Param('id') id: string,
    @Req() request: WithRawBody,
    @Headers('x-slack-request-timestamp') timestamp: string | undefined,
    @Headers('x-slack-signature') signature: string | undefined,
    @Body({ schema: slackCommandSchema }) body: SlackCommand,
  ) {
    const owner = await this.verifier.verify({ platform: 'slack', channelsId: id, timestamp, signature, body: request[RAW_BODY] });
    const slack = owner.channels.slack;
    if (!slack?.teamIds.includes(body.team_id) || !slack.userIds.includes(body.user_id)) {
      throw problems.forbidden('CHANNEL_NOT_ALLOWED', 'This Slack workspace or user may not talk to the assistant.');
    }
    if (!this.replies.slackUrlAllowed(body.response_url)) {
      throw problems.validation([{ path: 'response_url', message: 'is not a Slack response URL' }]);
    }
    const message = body.text.trim();
    if (!message) return { response_type: 'ephemeral', text: USAGE };
    const conversationId = channelConversationId(owner.ownerId, {
      platform: 'slack',
      space: body.team_id,
      channel: body.channel_id,
      user: body.user_id,
    });
    this.turns.start({
      platform: 'slack',
      ownerId: owner.ownerId,
      conversationId,
      message,
      deliver: (text) => this.replies.slack(body.response_url, text),
    });
    return { response_type: 'ephemeral', text: 'Working on it…' };
  }
}
