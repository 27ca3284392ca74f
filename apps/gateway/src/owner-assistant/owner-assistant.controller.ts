import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { OwnerPrincipal } from '../auth/principal.types';
import { wantsEventStream } from '../chat/chat.controller';
import { SseResponse } from '../chat/sse/sse.response';
import { assertMessageWithinLimit } from '../http/validation.util';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { CONTRACT_MAX_MESSAGE_CHARS } from '../tenant-api.options';
import type { OwnerAssistantAnswer } from './owner-assistant.types';
import { OwnerAssistantService } from './owner-assistant.service';
import { ownerAssistantAnswerSchema, ownerAssistantRequestSchema, type OwnerAssistantRequestBody } from './owner-assistant.schemas';
import { problemBody } from './owner-assistant-problem.util';

const toAnswer = (a: OwnerAssistantAnswer) => ({
  conversation_id: a.conversationId,
  answer: a.text,
  operations: a.operations,
  pending_proposal: a.pendingProposal,
});

/** The owner assistant (docs/adr/0026-owner-assistant.md): run the platform in plain English. Owner JWT only. */
@ApiTags('admin')
@Controller('api/v1/admin/assistant')
@Auth('owner')
export class OwnerAssistantController {
  constructor(
    @Inject(OwnerAssistantService) private readonly assistant: OwnerAssistantService,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ask the owner assistant: set up, configure, pause, resume clients, rotate keys, add staff; read the portfolio, alerts and usage.',
    description:
      'Changes are proposed (an `operation` with status `proposed`) and performed only when the next message of the same conversation is "yes" or "confirm"; ' +
      'anything else cancels. JSON by default; SSE with `Accept: text/event-stream` or `"stream": true`: `token` frames, one `operation` frame per operation, ' +
      'then one `done` (with `conversation_id`) or `error`. A new API key or password is in the answer once and never kept.',
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiResponse({ status: 200, standardSchema: ownerAssistantAnswerSchema })
  @ApiResponse({ status: 404, description: 'No such conversation of this owner (problem+json).' })
  @ApiResponse({ status: 409, description: 'The conversation changed meanwhile (another message); send again (problem+json).' })
  async ask(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @Body({ schema: ownerAssistantRequestSchema }) body: OwnerAssistantRequestBody,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    assertMessageWithinLimit(body.message, Math.min(this.config.limits.maxMessageChars, CONTRACT_MAX_MESSAGE_CHARS));
    const request = { ownerId: owner.userId, conversationId: body.conversation_id, message: body.message };
    if (!wantsEventStream(accept, body.stream)) {
      void reply
        .status(200)
        .header('cache-control', 'no-store')
        .send(toAnswer(await this.assistant.ask(request)));
      return;
    }
    // The stream opens with the first frame: a failure before it (no such conversation) is still a problem+json status.
    const sse = new SseResponse(reply, () => undefined);
    let opened = false;
    const frame = (value: object) => {
      if (!opened) {
        opened = true;
        void reply.header('cache-control', 'no-store');
        sse.open();
      }
      sse.data(value);
    };
    try {
      const answer = await this.assistant.ask(request, {
        token: (content) => frame({ type: 'token', content }),
        operation: (operation) => frame({ type: 'operation', operation }),
      });
      frame({ type: 'done', conversation_id: answer.conversationId, pending_proposal: answer.pendingProposal });
    } catch (error) {
      if (!opened) throw error;
      sse.data({ type: 'error', error: problemBody(error) });
    } finally {
      if (opened) sse.end();
    }
  }
}
