// Boots the chat service's Nest module graph (ChatModule, as app.module.ts imports it) in-process
// for integration tests, on a real NATS connection (namespaced per harness), the app-role Prisma
// client (RLS applies) and its TenantDb, which the harness creates and provides in place of the
// service runtime; plus an owner pool for fixtures, and an RpcClient talking to chat over NATS
// exactly like the gateway does.
import 'reflect-metadata';
import type { Subscription } from '@nats-io/nats-core';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { chatStreamFrameSchema, chatStreamSubject, type ChatStreamFrame, type ChatTurnRequest, isTerminalFrame } from '@parley/contracts';
import type { LlmConfig } from '@parley/llm/config';
import { decodeJson, MESSAGING_OPTIONS, NatsClient, RpcClient, RpcError, type MessagingModuleOptions } from '@parley/messaging';
import { SERVICE_LOGGER, ServiceMetrics } from '@parley/observability';
import { createPrismaClient, PrismaService, RedisClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { randomId, testEnvironment } from '@parley/testing';
import pg from 'pg';
import pino from 'pino';
import { randomUUID } from 'node:crypto';
import { ChatModule } from '../../chat.module';
import type { ChatOptions } from '../../common/chat.options';
import type { ChatConfig } from '../../config/env.schema';

export interface ChatHarness {
  /** The booted chat module graph: `app.get(IdleSessionSweeper)`, `app.get(StaffHandoffService)`... */
  app: INestApplicationContext;
  client: NatsClient;
  rpc: RpcClient;
  prisma: PrismaClient;
  db: TenantDb;
  owner: pg.Pool;
  /** What ChatModule.forRoot was given. */
  options: ChatOptions;
  close(): Promise<void>;
}

export const TEST_CHAT_CONFIG: ChatConfig = {
  idleTimeoutSeconds: 1800,
  idleSweepIntervalSeconds: 3600,
  historyTokenBudget: 2000,
  knowledgeLimit: 4,
  tenantCacheTtlMs: 30_000,
  streamFlushMs: 10,
  degrade: {
    autoEnabled: true,
    errorRateEnter: 0.5,
    errorRateLeave: 0.2,
    errorWindowMs: 60_000,
    errorMinCalls: 20,
    inFlightEnter: 200,
    inFlightLeave: 100,
    holdMs: 120_000,
    errorSwitches: ['cheaper_model'],
    loadSwitches: ['lean_context', 'cheaper_model'],
    leanHistoryTokenBudget: 500,
    leanKnowledgeLimit: 2,
    evaluateIntervalMs: 5000,
  },
};

export function llmConfig(overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    openai: {},
    gemini: {},
    ollama: {},
    llamacpp: {},
    timeouts: { overallMs: 20_000, firstTokenMs: 10_000 },
    embedding: { provider: 'none' },
    ...overrides,
  };
}

/** What ServiceRuntimeModule gives ChatModule in production, built from the harness's own connections. */
function harnessRuntime(
  client: NatsClient,
  prisma: PrismaClient,
  db: TenantDb,
  messaging: MessagingModuleOptions,
  redis: RedisClient,
): DynamicModule {
  @Module({})
  class ChatHarnessRuntimeModule {}
  const providers = [
    { provide: NatsClient, useValue: client },
    { provide: PrismaService, useValue: prisma },
    { provide: TenantDb, useValue: db },
    { provide: RedisClient, useValue: redis },
    { provide: MESSAGING_OPTIONS, useValue: messaging },
    { provide: SERVICE_LOGGER, useValue: pino({ level: 'silent' }) },
    { provide: ServiceMetrics, useValue: new ServiceMetrics('chat') },
  ];
  return { module: ChatHarnessRuntimeModule, global: true, providers, exports: providers.map((p) => p.provide) };
}

/**
 * `llm`: the model chain and embedding provider (ChatModule builds the router and the embedder
 * from it, as in production); by default the offline responder and no embeddings.
 */
export async function startChatHarness(
  options: { llm?: LlmConfig; config?: Partial<ChatConfig>; integrations?: ChatOptions['integrations'] } = {},
): Promise<ChatHarness> {
  const env = testEnvironment();
  const messaging: MessagingModuleOptions = {
    url: env.TEST_NATS_URL,
    name: 'chat-int-test',
    namespace: `${env.TEST_RUN_ID}chat${randomId(4)}`,
  };
  const client = await NatsClient.connect(messaging);
  const prisma = createPrismaClient({ databaseUrl: env.TEST_DATABASE_URL, poolMax: 4, applicationName: 'chat-int-test' });
  const owner = new pg.Pool({ connectionString: env.TEST_DATABASE_OWNER_URL, max: 2 });
  const db = new TenantDb(prisma);
  const redis = new RedisClient({ url: env.TEST_REDIS_URL, keyPrefix: `parley:${messaging.namespace}:` });
  const chatOptions: ChatOptions = {
    chat: { ...TEST_CHAT_CONFIG, ...options.config },
    llm: options.llm ?? llmConfig(),
    ...(options.integrations ? { integrations: options.integrations } : {}),
    shutdownTimeoutMs: 10_000,
  };
  @Module({ imports: [harnessRuntime(client, prisma, db, messaging, redis), ChatModule.forRoot(chatOptions)] })
  class ChatHarnessModule {}
  const app = await NestFactory.createApplicationContext(ChatHarnessModule, { logger: false });
  await app.init();
  const rpc = new RpcClient(client, { timeoutMs: 25_000 });
  return {
    app,
    client,
    rpc,
    prisma,
    db,
    owner,
    options: chatOptions,
    async close() {
      // ChatModule's graceful stop, then the NATS connection drains (NatsClient's shutdown hook).
      await app.close();
      await client.drain();
      await prisma.$disconnect();
      await redis.quit().catch(() => undefined);
      await owner.end();
    },
  };
}

/** Collects a turn's frames from chat.stream.<turnId> (subscribed before the request, as the gateway does). */
export interface FrameCollector {
  frames: ChatStreamFrame[];
  /** Resolves with every frame once the terminal frame arrived. */
  finished: Promise<ChatStreamFrame[]>;
  /** Resolves when the first token frame arrived. */
  firstToken: Promise<void>;
  stop(): void;
}

export async function collectFrames(client: NatsClient, turnId: string): Promise<FrameCollector> {
  const frames: ChatStreamFrame[] = [];
  let finish!: (frames: ChatStreamFrame[]) => void;
  let tokenSeen!: () => void;
  const finished = new Promise<ChatStreamFrame[]>((resolve) => (finish = resolve));
  const firstToken = new Promise<void>((resolve) => (tokenSeen = resolve));
  const sub: Subscription = client.nc.subscribe(client.namer.subject(chatStreamSubject(turnId)), {
    callback: (_err, msg) => {
      const decoded = decodeJson(msg.data);
      const frame = chatStreamFrameSchema.parse(decoded.ok ? decoded.value : null);
      frames.push(frame);
      if (frame.type === 'token') tokenSeen();
      if (isTerminalFrame(frame)) finish(frames);
    },
  });
  await client.nc.flush();
  return { frames, finished, firstToken, stop: () => sub.unsubscribe() };
}

export function turnRequest(
  tenantId: string,
  sessionId: string,
  message: string,
  overrides: Partial<ChatTurnRequest> = {},
): ChatTurnRequest {
  return {
    version: 1,
    tenantId,
    sessionId,
    turnId: randomUUID(),
    message,
    stream: true,
    channel: 'widget',
    requestId: `req-${randomId(6)}`,
    ...overrides,
  };
}

/** Outbox rows of one session (the relay does not run in these tests, so rows stay unsent). */
export async function outboxRowsOf(
  owner: pg.Pool,
  sessionId: string,
): Promise<Array<{ subject: string; payload: Record<string, unknown> }>> {
  const { rows } = await owner.query<{ subject: string; payload: Record<string, unknown> }>(
    `SELECT subject, payload FROM outbox WHERE payload->>'sessionId' = $1 OR payload->>'link' = '/sessions/' || $1 ORDER BY seq`,
    [sessionId],
  );
  return rows;
}

/** The RpcError a call fails with; fails the test when it succeeds or fails otherwise. */
export async function rpcError(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RpcError) return err;
    throw err;
  }
  throw new Error('expected the RPC to fail');
}
