import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ChatAssistantHistoryRpc, ChatAssistantSessionRpc } from '@parley/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { StaffPrincipal } from '../auth/principal.types';
import { problems } from '../http/problem.exception';
import { toChatAnswer } from '../chat/chat-answer.mapper';
import { wantsEventStream } from '../chat/chat.controller';
import { ChatSseSink } from '../chat/sse/chat-sse.sink';
import { ChatTurnClient, type TurnInput } from '../chat/stream/chat-turn.client';
import { TurnStreamer } from '../chat/stream/turn-streamer.service';
import { assertMessageWithinLimit } from '../http/validation.util';
import { QuotaEnforced } from '../quota/quota.decorators';
import { TENANT_API_OPTIONS, type TenantApiOptions } from '../tenant-api.options';
import { GatewayRpc } from '../http/gateway-rpc.client';
import {
  assistantAnswerSchema,
  assistantChatRequestSchema,
  assistantHistoryPageSchema,
  assistantHistoryQuerySchema,
  type AssistantChatRequest,
} from './assistant.schemas';

/**
 * The staff assistant (docs/adr/0012-staff-assistant.md): a tenant's staff user chats with the
 * tenant's agent about the tenant's knowledge, in assistant sessions of their own with memory
 * across sessions, and can ask it to pass a message on to a colleague. Staff JWT only: API
 * keys, session tokens and the owner get 403.
 */
@ApiTags('assistant')
@Controller('api/v1/assistant')
@Auth('staff')
export class AssistantController {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(ChatTurnClient) private readonly turns: ChatTurnClient,
    @Inject(TurnStreamer) private readonly streamer: TurnStreamer,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
  ) {}

  @Post('chat')
  @HttpCode(200)
  @QuotaEnforced()
  @ApiOperation({
    summary: "Ask the tenant's internal assistant (rota, schedules, rules) or have it pass a message on to a colleague.",
    description:
      "Runs in the caller's current assistant session (a new one when the last was closed); the assistant remembers the caller's " +
      'earlier sessions, never anyone else\'s. JSON by default; SSE with `Accept: text/event-stream` or `"stream": true`, ' +
      'frames as for POST /api/v1/chat (`signal`, `token`, `action`, then one `done` or `error`). "Tell the manager ..." ' +
      "produces a `notify_staff` action delivered to that colleague's inbox.",
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiResponse({ status: 200, standardSchema: assistantAnswerSchema })
  @ApiResponse({ status: 413, description: 'The message is longer than GATEWAY_MAX_MESSAGE_CHARS (problem+json).' })
  async chat(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body({ schema: assistantChatRequestSchema }) body: AssistantChatRequest,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // An external IdP's staff user has no tenant_users row, which assistant sessions belong to (ADR 0024).
    if (staff.idp) throw problems.forbidden('CREDENTIAL_NOT_ACCEPTED', 'The staff assistant needs a Parley staff login.');
    assertMessageWithinLimit(body.message, this.options.maxMessageChars);
    const { session } = await this.rpc.call(ChatAssistantSessionRpc, { version: 1, tenantId: staff.tenantId, staffUserId: staff.userId });
    const input: TurnInput = {
      tenantId: staff.tenantId,
      sessionId: session.id,
      message: body.message,
      channel: 'assistant',
      staffUserId: staff.userId,
    };
    if (wantsEventStream(accept, body.stream)) return this.streamer.stream(input, reply, { sink: (sse) => new ChatSseSink(sse) });
    const answer = toChatAnswer(await this.turns.run(input));
    void reply.status(200).send({ ...answer, session_id: session.id });
  }

  @Get('history')
  @ApiOperation({
    summary:
      "The caller's own assistant messages across their sessions, oldest first within a page (`next_cursor` walks towards older ones).",
  })
  @ApiResponse({ status: 200, standardSchema: assistantHistoryPageSchema })
  async history(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Query({ schema: assistantHistoryQuerySchema }) query: z.output<typeof assistantHistoryQuerySchema>,
  ) {
    const page = await this.rpc.call(ChatAssistantHistoryRpc, {
      version: 1,
      tenantId: staff.tenantId,
      staffUserId: staff.userId,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items, next_cursor: page.nextCursor };
  }
}
