import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  ChatSessionClosedEvent,
  ChatTurnCompletedEvent,
  IntelMessageExtractedEvent,
  IntelSessionSummarizedEvent,
  TenantInsightsGetRpc,
  UsageTenantGetRpc,
  type InsightRollupView,
} from '@parley/contracts';
import { EventPublisher, NatsClient, RpcClient } from '@parley/messaging';
import { createPrismaClient, type PrismaClient } from '@parley/persistence';
import { createChatMessage, createChatSession, createTenant, testEnvironment } from '@parley/testing';
import { closedEvent, extractedEvent, summarizedEvent, turnEvent } from './l3-fixtures';

// client-insights as production runs it (node apps/client-insights/dist/main.js, built here):
// events published on JetStream reach its durable consumer, and insights.tenant.get answers
// with the rollup over NATS. Builds the libs whose new code it needs (contracts, the Prisma client).
jest.setTimeout(90_000);

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
let child: ChildProcess;
let nats: NatsClient;
let owner: PrismaClient;
let tenantId: string;
let usageTenantId: string;
let rpc: RpcClient;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listening(proc: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('"msg":"listening"')) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`client-insights exited with ${code}: ${out.slice(-6000)}`)));
  });
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'libs/contracts', 'libs/persistence', 'apps/client-insights'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
  const env = testEnvironment();
  // `<TEST_RUN_ID>_...`: the integration teardown deletes the streams this namespace declares.
  const namespace = `${env.TEST_RUN_ID}_ci${randomBytes(3).toString('hex')}`;
  owner = createPrismaClient({ databaseUrl: env.TEST_DATABASE_OWNER_URL, poolMax: 2 });
  tenantId = (await createTenant(owner, { timezone: 'America/New_York' })).id;
  // Today's chat of another tenant, for the retention job's start-up run to fold into usage_daily.
  usageTenantId = (await createTenant(owner)).id;
  const chat = await createChatSession(owner, usageTenantId);
  await createChatMessage(owner, chat, { role: 'user' });
  await createChatMessage(owner, chat, { role: 'assistant', provider: 'openai', model: 'gpt-4o-mini', tokens_in: 1000, tokens_out: 500 });
  child = spawn(process.execPath, [join(REPO_ROOT, 'apps/client-insights/dist/main.js')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      DATABASE_URL: env.TEST_DATABASE_URL,
      ANALYTICS_DATABASE_URL: env.TEST_DATABASE_ANALYTICS_URL,
      NATS_URL: env.TEST_NATS_URL,
      NATS_NAMESPACE: namespace,
      REDIS_URL: env.TEST_REDIS_URL,
      SHUTDOWN_TIMEOUT_MS: '3000',
    },
  });
  await listening(child);
  nats = await NatsClient.connect({ url: env.TEST_NATS_URL, name: 'test-client-insights', namespace });
  rpc = new RpcClient(nats, { timeoutMs: 10_000 });
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await nats?.drain();
  await owner?.$disconnect();
});

async function dayRollup(): Promise<InsightRollupView> {
  const reply = await rpc.request(TenantInsightsGetRpc, { version: 1, tenantId, period: 'day', from: '2026-07-06', to: '2026-07-06' });
  return reply.rollups[0];
}

it('folds events from its durable consumer into the rollup served by insights.tenant.get', async () => {
  const publisher = new EventPublisher(nats);
  const session = randomUUID();
  const publish = async (contract: Parameters<typeof publisher.publish>[0], payload: object) =>
    publisher.publish(contract, payload as never, { msgId: randomUUID(), tenantId });
  // 14:00 and 14:20 UTC are 10:00 and 10:20 in New York (EDT).
  await publish(ChatTurnCompletedEvent, turnEvent(tenantId, session, '2026-07-06T14:00:00Z'));
  await publish(IntelMessageExtractedEvent, extractedEvent(tenantId, session, '2026-07-06T14:00:01Z', 0.6, ['Pricing']));
  await publish(ChatTurnCompletedEvent, turnEvent(tenantId, session, '2026-07-06T14:20:00Z'));
  await publish(ChatSessionClosedEvent, closedEvent(tenantId, session, '2026-07-06T14:00:00Z', '2026-07-06T14:30:00Z'));
  await publish(
    IntelSessionSummarizedEvent,
    summarizedEvent(tenantId, session, '2026-07-06T14:30:05Z', { outcome: 'resolved', lead: true, unmetNeeds: ['Weekend rates'] }),
  );

  // The consumer is asynchronous and folds several events at once, in any order: ask until
  // all five have been folded in (or give up after ~10 s and let the assertions say what is missing).
  const folded = (r: InsightRollupView) =>
    r.metrics.resolution.summarizedSessions === 1 &&
    r.metrics.volume.closedSessions === 1 &&
    r.metrics.volume.turns === 2 &&
    r.metrics.sentiment.samples === 1;
  let rollup = await dayRollup();
  for (let attempt = 0; attempt < 100 && !folded(rollup); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    rollup = await dayRollup();
  }
  expect(rollup).toMatchObject({ period: 'day', localDate: '2026-07-06', periodStart: '2026-07-06T04:00:00.000Z' });
  const m = rollup.metrics;
  expect(m.timezone).toBe('America/New_York');
  expect(m.volume).toEqual({ sessions: 1, closedSessions: 1, turns: 2, previousSessions: 0, changePct: null });
  expect(m.peakHours).toEqual([{ hour: 10, turns: 2 }]);
  expect(m.topTopics).toEqual([{ topic: 'pricing', count: 1 }]);
  expect(m.sentiment).toMatchObject({ average: 0.6, samples: 1 });
  expect(m.conversion).toEqual({ leadSessions: 1, sessions: 1, rate: 1 });
  expect(m.resolution).toEqual({ resolvedWithoutHuman: 1, summarizedSessions: 1, rate: 1 });
  expect(m.unmetNeeds).toEqual([{ question: 'weekend rates', count: 1 }]);
  expect(m.usage).toMatchObject({ tokensIn: 200, tokensOut: 80, costUsd: 0 });
});

it('answers a bad range with a VALIDATION error and an unknown tenant with NOT_FOUND', async () => {
  await expect(
    rpc.request(TenantInsightsGetRpc, { version: 1, tenantId, period: 'day', from: '2026-07-07', to: '2026-07-06' }),
  ).rejects.toMatchObject({ code: 'VALIDATION' });
  await expect(rpc.request(TenantInsightsGetRpc, { version: 1, tenantId: randomUUID(), period: 'week' })).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
});

it("folds today's messages into usage_daily on the retention job's start-up run and serves them over insights.usage.tenant.get", async () => {
  const today = () => rpc.request(UsageTenantGetRpc, { version: 1, tenantId: usageTenantId });
  // The start-up run is asynchronous: ask until it has folded the tenant (or give up after ~10 s).
  let usage = await today();
  for (let attempt = 0; attempt < 100 && usage.totals.messages < 2; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    usage = await today();
  }
  // 1000 in at 0.15 and 500 out at 0.6 USD per 1M tokens.
  expect(usage.totals).toEqual({ messages: 2, sessions: 1, tokensIn: 1000, tokensOut: 500, costUsd: 0.00045 });
  expect(usage.days).toHaveLength(1);
  expect(usage.days[0]).toMatchObject({ final: false, messages: 2 });
});
