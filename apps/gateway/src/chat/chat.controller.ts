import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ChatFeedbackRpc, ChatHistoryRpc } from '@parley/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited } from '../auth/auth.decorators';
import { authProblems } from '../auth/auth-problems.mapper';
import { IdpSessionBinding } from '../auth/idp/idp-session-binding.service';
import type { IdpUserPrincipal, Principal, SessionPrincipal } from '../auth/principal.types';
import { problems } from '../http/problem.exception';
import { QuotaEnforced } from '../quota/quota.decorators';
import { assertMessageWithinLimit } from '../http/validation.util';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantPrincipal } from '../tenant-principal.util';
import { TENANT_API_OPTIONS, type TenantApiOptions } from '../tenant-api.options';
import { toChatAnswer } from './chat-answer.mapper';
import { chatAnswerSchema, chatFeedbackSchema, chatHistoryQuerySchema, chatRequestSchema, type ChatRequest } from './dto/chat.schemas';
import { ChatSseSink } from './sse/chat-sse.sink';
import { ChatTurnClient } from './stream/chat-turn.client';
import { TurnStreamer } from './stream/turn-streamer.service';

/** SSE when the client asks for it by header or by body flag. */
export function wantsEventStream(accept: string | undefined, stream: boolean | undefined): boolean {
  return stream === true || (accept ?? '').split(',').some((type) => type.trim().split(';')[0].toLowerCase() === 'text/event-stream');
}

@ApiTags('chat')
@Controller('api/v1/chat')
export class ChatController {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(ChatTurnClient) private readonly turns: ChatTurnClient,
    @Inject(TurnStreamer) private readonly streamer: TurnStreamer,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
    @Inject(IdpSessionBinding) private readonly idpSessions: IdpSessionBinding,
  ) {}

  @Post()
  @HttpCode(200)
  @QuotaEnforced()
  @Auth('session', 'idp_user')
  @RateLimited()
  @ApiOperation({
    summary: "Send the visitor's message and get the answer.",
    description:
      'JSON by default. With `Accept: text/event-stream` or `"stream": true` the answer streams as SSE: `data:` frames ' +
      '`{"type":"signal"}` (when flagged), `{"type":"token","content"}`, `{"type":"action"}`, then exactly one ' +
      '`{"type":"done","message_id","usage"}` or `{"type":"error","error":{problem}}`; `: ping` comments while idle.',
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiResponse({ status: 200, standardSchema: chatAnswerSchema })
  @ApiResponse({ status: 413, description: 'The message is longer than GATEWAY_MAX_MESSAGE_CHARS (problem+json).' })
  async chat(
    @CurrentPrincipal() principal: SessionPrincipal | IdpUserPrincipal,
    @Body({ schema: chatRequestSchema }) body: ChatRequest,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    assertMessageWithinLimit(body.message, this.options.maxMessageChars);
    const sessionId = await this.chatSessionOf(principal, body.session_id);
    const input = { tenantId: principal.tenantId, sessionId, message: body.message, channel: 'widget' as const };
    if (wantsEventStream(accept, body.stream)) return this.streamer.stream(input, reply, { sink: (sse) => new ChatSseSink(sse) });
    const answer = toChatAnswer(await this.turns.run(input));
    void reply.status(200).send(answer);
  }

  @Get('history')
  @Auth('session', 'api_key', 'staff', 'idp_user')
  @RateLimited()
  @ApiOperation({ summary: 'Messages of a session, oldest first, by pages (`next_cursor` walks towards older ones).' })
  @ApiResponse({ status: 404, description: 'No such session for this tenant (problem+json).' })
  async history(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: chatHistoryQuerySchema }) query: z.output<typeof chatHistoryQuerySchema>,
  ) {
    const caller = tenantPrincipal(principal);
    const sessionId = caller.kind === 'idp_user' ? await this.chatSessionOf(caller, query.session_id) : sessionOf(caller, query.session_id);
    const page = await this.rpc.call(ChatHistoryRpc, {
      version: 1,
      tenantId: caller.tenantId,
      sessionId,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items, next_cursor: page.nextCursor };
  }

  /** A session token chats in its own session; an IdP end user in a session of their own that the request names. */
  private async chatSessionOf(principal: SessionPrincipal | IdpUserPrincipal, requested: string | undefined): Promise<string> {
    if (principal.kind === 'session') {
      if (requested !== undefined && requested !== principal.sessionId) throw authProblems.sessionMismatch();
      return principal.sessionId;
    }
    const sessionId = this.idpSessions.requireSessionId(requested);
    await this.idpSessions.assertOwned(principal, sessionId);
    return sessionId;
  }

  @Post('feedback')
  @HttpCode(200)
  @Auth('session')
  @RateLimited()
  @ApiOperation({ summary: 'Rate an assistant message of this session (1 or -1); a second rating replaces the first.' })
  @ApiResponse({ status: 404, description: 'No such message in this session (problem+json).' })
  async feedback(
    @CurrentPrincipal() principal: SessionPrincipal,
    @Body({ schema: chatFeedbackSchema }) body: z.output<typeof chatFeedbackSchema>,
  ) {
    const result = await this.rpc.call(ChatFeedbackRpc, {
      version: 1,
      tenantId: principal.tenantId,
      sessionId: principal.sessionId,
      messageId: body.message_id,
      rating: body.rating,
      ...(body.comment ? { comment: body.comment } : {}),
    });
    return { feedback_id: result.feedbackId, message_id: result.messageId, rating: result.rating, updated: result.updated };
  }
}

/** The session a history request reads: a session token its own; an API key or staff the one named. */
function sessionOf(caller: ReturnType<typeof tenantPrincipal>, requested: string | undefined): string {
  if (caller.kind === 'session') {
    if (requested !== undefined && requested !== caller.sessionId) throw authProblems.sessionMismatch();
    return caller.sessionId;
  }
  if (requested === undefined)
    throw problems.validation(
      [{ path: 'session_id', message: 'is required with an API key or staff token' }],
      'The query string has invalid or missing parameters.',
    );
  return requested;
}
