import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceRuntimeModule } from '@parley/runtime';
import { ChatModule } from './chat.module';
import type { AppConfig } from './config/env.schema';
import { TURN_TX_MAX_WAIT_MS } from './turn/turn.repository';

/**
 * The chat service: the turn engine. Serves chat.turn and chat.session.* / chat.history /
 * chat.feedback (and the staff side: conversations, handoff, assistant) in queue group `chat`,
 * streams frames on chat.stream.<turnId>, and produces chat events through the outbox
 * (relayed by the runtime). ChatModule comes after the runtime: at shutdown Nest stops it
 * first, so turns in progress are stored before the outbox relay stops and NATS drains.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // A turn's transactions wait up to TURN_TX_MAX_WAIT_MS for a connection; the pool must not give up sooner.
        ServiceRuntimeModule.forRoot(config, { outboxRelay: true, databaseConnectionTimeoutMs: TURN_TX_MAX_WAIT_MS }),
        ChatModule.forRoot({
          chat: config.chat,
          llm: config.llm,
          integrations: config.integrations,
          shutdownTimeoutMs: config.shutdown.timeoutMs,
          log: config.log,
        }),
      ],
    };
  }
}
