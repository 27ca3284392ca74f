import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/env.schema';
import { GATEWAY_CONFIG } from './config/gateway-config.token';
import { AssistantController } from './assistant/assistant.controller';
import { ChatController } from './chat/chat.controller';
import { ChatTurnClient } from './chat/stream/chat-turn.client';
import { TurnStreamer } from './chat/stream/turn-streamer.service';
import { TurnStageMetrics } from './chat/stream/turn-stage.metrics';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { ChatCompletionsController } from './openai/chat-completions.controller';
import { OpenAiErrorFilter } from './openai/openai-error.filter';
import { OpenAiProblemRewriter } from './openai/openai-problem.rewriter';
import { OpenAiSessions } from './openai/openai-sessions.service';
import { QuotaModule } from './quota/quota.module';
import { SessionsController } from './sessions/sessions.controller';
import { TENANT_API_OPTIONS, tenantApiOptions, type TenantApiOverrides } from './tenant-api.options';

/**
 * The tenant-facing API: sessions, chat (JSON and SSE), history, feedback, knowledge, the
 * OpenAI-compatible chat completions, and the staff assistant (apps/gateway/src/assistant). Needs ServiceRuntimeModule (NATS, Redis),
 * GatewayHttpModule (config, problem filter, body parsers, validation pipe) and AuthModule
 * (guard, SessionTokens) imported by the app.
 */
@Module({})
export class TenantApiModule {
  static forRoot(overrides: TenantApiOverrides = {}): DynamicModule {
    return {
      module: TenantApiModule,
      imports: [QuotaModule],
      controllers: [SessionsController, ChatController, KnowledgeController, ChatCompletionsController, AssistantController],
      providers: [
        { provide: TENANT_API_OPTIONS, inject: [GATEWAY_CONFIG], useFactory: (config: AppConfig) => tenantApiOptions(config, overrides) },
        ChatTurnClient,
        TurnStreamer,
        TurnStageMetrics,
        OpenAiSessions,
        OpenAiErrorFilter,
        OpenAiProblemRewriter,
      ],
    };
  }
}
