import type { Embedder, LlmRouter } from '@parley/llm';
import { RpcServer, type MessagingConnection, type MessagingLogger, type MessagingMetrics, type RpcEndpoint } from '@parley/messaging';
import type { PrismaClient, TenantDb } from '@parley/persistence';
import type { ChatConfig } from './config/env.schema';
import { serveChatRpcs } from './rpc/chat-rpc.endpoints';
import { IdleSessionSweeper } from './sessions/idle-session.sweeper';
import { SessionService } from './sessions/session.service';
import { silentChatLogger, type ChatLogger } from './shared/chat-logger';
import { TenantKnowledgeRetriever } from './turn/knowledge.retriever';
import { SignalDetectorCache } from './turn/signal-detectors.cache';
import { TurnCancellations } from './turn/turn-cancellations';
import type { TurnMetrics } from './turn/turn-metrics';
import { TurnService } from './turn/turn.service';

export interface ChatEngineDeps {
  client: MessagingConnection;
  prisma: PrismaClient;
  db: TenantDb;
  router: LlmRouter;
  embedder: Embedder | null;
  config: ChatConfig;
  /** The process's whole shutdown budget (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  logger?: ChatLogger & MessagingLogger;
  metrics?: MessagingMetrics;
  turnMetrics?: TurnMetrics;
}

/**
 * The chat service's moving parts: the RPC endpoints (queue group `chat`), the cancel
 * subscription and the idle sweeper. stop() is the graceful shutdown: stop taking requests,
 * let turns in progress finish and store; only when the shutdown budget is nearly spent abort
 * the generations still running (their partial answers are stored as interrupted).
 */
export class ChatEngine {
  readonly sessions: SessionService;
  readonly turns: TurnService;
  readonly sweeper: IdleSessionSweeper;
  readonly cancellations: TurnCancellations;
  private readonly server: RpcServer;
  private endpoints: RpcEndpoint[] = [];
  private readonly logger: ChatLogger;

  constructor(private readonly deps: ChatEngineDeps) {
    this.logger = deps.logger ?? silentChatLogger;
    const { config } = deps;
    this.cancellations = new TurnCancellations(deps.client, this.logger);
    this.sessions = new SessionService(deps.db);
    this.turns = new TurnService({
      client: deps.client,
      prisma: deps.prisma,
      db: deps.db,
      router: deps.router,
      knowledge: new TenantKnowledgeRetriever(deps.db, deps.embedder, config.knowledgeLimit, this.logger),
      detectors: new SignalDetectorCache(this.logger),
      cancellations: this.cancellations,
      historyTokenBudget: config.historyTokenBudget,
      logger: this.logger,
      metrics: deps.turnMetrics,
    });
    this.sweeper = new IdleSessionSweeper(deps.prisma, deps.db, {
      idleTimeoutMs: config.idleTimeoutSeconds * 1000,
      intervalMs: config.idleSweepIntervalSeconds * 1000,
      logger: this.logger,
    });
    this.server = new RpcServer(deps.client, {
      logger: deps.logger,
      metrics: deps.metrics,
      stopTimeoutMs: Math.max(100, deps.shutdownTimeoutMs - 500),
    });
  }

  /** Subscribes (cancel subject first, so no cancel of a served turn is missed) and starts the sweeper. */
  async start(): Promise<void> {
    this.cancellations.start();
    await this.cancellations.ready();
    this.endpoints = serveChatRpcs(this.server, { client: this.deps.client, db: this.deps.db, sessions: this.sessions, turns: this.turns });
    await this.deps.client.nc.flush();
    this.sweeper.start();
  }

  /** Nest lifecycle (the engine is a provider of AppModule). */
  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  /** Nest lifecycle: runs before the NATS connection drains and the pools close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    const budget = this.deps.shutdownTimeoutMs;
    const graceMs = Math.max(budget * 0.5, budget - 3000);
    const abortTimer = setTimeout(() => {
      if (this.turns.inProgress > 0)
        this.logger.warn({ turns: this.turns.inProgress }, 'shutdown grace over; cancelling turns in progress');
      this.cancellations.abortAll('shutdown');
    }, graceMs);
    try {
      await Promise.all([this.sweeper.stop(), ...this.endpoints.map((e) => e.stop())]);
      await this.turns.settle(Math.max(0, budget - graceMs));
    } finally {
      clearTimeout(abortTimer);
      await this.cancellations.stop();
    }
  }
}
