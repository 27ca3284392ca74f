// Hosts the chat engine in-process for integration tests: a real NATS connection (namespaced
// per harness), the app-role Prisma client (RLS applies), an owner pool for fixtures, and an
// RpcClient talking to the engine over NATS exactly like the gateway does.
import type { Subscription } from '@nats-io/nats-core';
import { chatStreamFrameSchema, chatStreamSubject, type ChatStreamFrame, type ChatTurnRequest, isTerminalFrame } from '@parley/contracts';
import { createLlmRouter, type Embedder, type LlmConfig, type LlmRouter } from '@parley/llm';
import { decodeJson, NatsClient, RpcClient, RpcError } from '@parley/messaging';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { randomId, testEnvironment } from '@parley/testing';
import pg from 'pg';
import { Registry } from 'prom-client';
import { randomUUID } from 'node:crypto';
import { ChatEngine } from '../../chat-engine';
import type { ChatConfig } from '../../config/env.schema';

export interface ChatHarness {
  engine: ChatEngine;
  client: NatsClient;
  rpc: RpcClient;
  prisma: PrismaClient;
  db: TenantDb;
  owner: pg.Pool;
  close(): Promise<void>;
}

export const TEST_CHAT_CONFIG: ChatConfig = {
  idleTimeoutSeconds: 1800,
  idleSweepIntervalSeconds: 3600,
  historyTokenBudget: 2000,
  knowledgeLimit: 4,
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

export function testRouter(config: LlmConfig = llmConfig()): LlmRouter {
  return createLlmRouter(config, { logger: { warn: () => undefined }, metrics: { registry: new Registry() } });
}

export async function startChatHarness(
  options: { router?: LlmRouter; embedder?: Embedder | null; config?: Partial<ChatConfig> } = {},
): Promise<ChatHarness> {
  const env = testEnvironment();
  const client = await NatsClient.connect({
    url: env.TEST_NATS_URL,
    name: 'chat-int-test',
    namespace: `${env.TEST_RUN_ID}chat${randomId(4)}`,
  });
  const prisma = createPrismaClient({ databaseUrl: env.TEST_DATABASE_URL, poolMax: 4, applicationName: 'chat-int-test' });
  const owner = new pg.Pool({ connectionString: env.TEST_DATABASE_OWNER_URL, max: 2 });
  const db = new TenantDb(prisma);
  const engine = new ChatEngine({
    client,
    prisma,
    db,
    router: options.router ?? testRouter(),
    embedder: options.embedder ?? null,
    config: { ...TEST_CHAT_CONFIG, ...options.config },
    shutdownTimeoutMs: 10_000,
  });
  await engine.start();
  const rpc = new RpcClient(client, { timeoutMs: 25_000 });
  return {
    engine,
    client,
    rpc,
    prisma,
    db,
    owner,
    async close() {
      await engine.stop();
      await client.drain();
      await prisma.$disconnect();
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
