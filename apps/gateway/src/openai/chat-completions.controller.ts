import { Body, Controller, HttpCode, Inject, Post, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentPrincipal, RateLimited } from '../auth/auth.decorators';
import type { ApiKeyPrincipal } from '../auth/principal.types';
import { ProblemException } from '../http/problem.exception';
import { QuotaEnforced } from '../quota/quota.decorators';
import { ChatTurnClient } from '../chat/stream/chat-turn.client';
import { TurnStreamer } from '../chat/stream/turn-streamer.service';
import { TENANT_API_OPTIONS, type TenantApiOptions } from '../tenant-api.options';
import { toChatCompletion, toTurnPrompt, type TurnPrompt } from './chat-completion.mapper';
import {
  chatCompletionRequestSchema,
  chatCompletionSchema,
  openAiErrorSchema,
  type ChatCompletionRequest,
} from './dto/chat-completion.schemas';
import { openAiStreamFormat } from './openai-chunk.sink';
import { OpenAiErrorFilter } from './openai-error.filter';
import { OpenAiSessions } from './openai-sessions.service';

/** Errors meaning a reused session can no longer take turns (closed, expired, deleted). */
const STALE_SESSION_CODES = new Set(['NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED']);

/**
 * OpenAI-compatible chat completions, so a tenant backend can use any OpenAI SDK as its Parley
 * client: `new OpenAI({ apiKey: 'sk_live_...', baseURL: 'https://<gateway>/v1' })`. The
 * tenant's persona, knowledge, signals and model apply; `model` is echoed, not used.
 */
@ApiTags('openai-compatible')
@Controller('v1/chat/completions')
@UseFilters(OpenAiErrorFilter)
export class ChatCompletionsController {
  constructor(
    @Inject(ChatTurnClient) private readonly turns: ChatTurnClient,
    @Inject(TurnStreamer) private readonly streamer: TurnStreamer,
    @Inject(OpenAiSessions) private readonly sessions: OpenAiSessions,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
  ) {}

  @Post()
  @HttpCode(200)
  @QuotaEnforced()
  @Auth('api_key')
  @RateLimited()
  @ApiOperation({
    summary: 'OpenAI-compatible chat completion (API key as X-API-Key or Authorization: Bearer sk_live_...).',
    description:
      "The last message must be the user's; earlier ones are the context. With `user`, the visitor's session is reused " +
      "while requests keep coming (30 min window). `stream: true` answers chat.completion.chunk SSE ending in `data: [DONE]`. Errors use OpenAI's shape.",
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiResponse({ status: 200, standardSchema: chatCompletionSchema })
  @ApiResponse({ status: 400, standardSchema: openAiErrorSchema })
  async create(
    @CurrentPrincipal() principal: ApiKeyPrincipal,
    @Body({ schema: chatCompletionRequestSchema }) body: ChatCompletionRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const prompt = toTurnPrompt(body, this.options.maxMessageChars);
    const session = await this.sessions.sessionFor(principal.tenantId, body.user);
    try {
      await this.answer(principal.tenantId, session.sessionId, prompt, body, reply);
    } catch (error) {
      if (!session.reused || body.user === undefined || !(error instanceof ProblemException) || !STALE_SESSION_CODES.has(error.code))
        throw error;
      await this.sessions.forget(principal.tenantId, body.user);
      const fresh = await this.sessions.sessionFor(principal.tenantId, body.user);
      await this.answer(principal.tenantId, fresh.sessionId, prompt, body, reply);
    }
  }

  private async answer(
    tenantId: string,
    sessionId: string,
    prompt: TurnPrompt,
    body: ChatCompletionRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const input = {
      tenantId,
      sessionId,
      message: prompt.message,
      channel: 'openai_compat' as const,
      ...(prompt.context.length > 0 ? { context: prompt.context } : {}),
    };
    const created = Math.floor(Date.now() / 1000);
    if (body.stream === true) {
      return this.streamer.stream(input, reply, openAiStreamFormat(body.model, created, body.stream_options?.include_usage === true));
    }
    const completion = toChatCompletion(await this.turns.run(input), body.model, created);
    void reply.status(200).send(completion);
  }
}
