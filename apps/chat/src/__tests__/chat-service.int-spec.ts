// The chat service as it runs in production: built with scripts/build.mjs, started from
// apps/chat/dist/main.js against the run's PostgreSQL, NATS and Redis, with the mock
// OpenAI-compatible server as its model. Covers the Nest wiring and graceful shutdown.
import { ChatSessionCreateRpc, ChatTurnRpc } from '@parley/contracts';
import { NatsClient, RpcClient } from '@parley/messaging';
import { createTenant, randomId, startMockLlm, testEnvironment, type MockLlm } from '@parley/testing';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { ChatProcess, freePort, REPO_ROOT } from './support/chat-process';
import { collectFrames, turnRequest } from './support/chat-harness';

const SHUTDOWN_TIMEOUT_MS = 4000;
/** Starting a service process takes several seconds on a loaded 2-core machine. */
const PROCESS_TEST_TIMEOUT_MS = 90_000;
const SLOW_ANSWER = Array.from({ length: 40 }, (_, i) => `part${i}`).join(' ');

describe('chat service process', () => {
  const env = testEnvironment();
  const namespace = `${env.TEST_RUN_ID}cs${randomId(4)}`;
  let mock: MockLlm;
  let client: NatsClient;
  let rpc: RpcClient;
  let owner: pg.Pool;
  let tenant: string;
  const processes: ChatProcess[] = [];

  let port = 0;

  async function startChat(): Promise<ChatProcess> {
    port = await freePort();
    const proc = new ChatProcess({
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: env.TEST_DATABASE_URL,
      NATS_URL: env.TEST_NATS_URL,
      NATS_NAMESPACE: namespace,
      REDIS_URL: env.TEST_REDIS_URL,
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: mock.url,
    });
    processes.push(proc);
    await proc.waitForLog('listening');
    return proc;
  }

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [
        'scripts/build.mjs',
        'apps/chat',
        'libs/contracts',
        'libs/messaging',
        'libs/persistence',
        'libs/llm',
        'libs/signals',
        'libs/runtime',
        'libs/observability',
      ],
      {
        cwd: REPO_ROOT,
        stdio: 'pipe',
      },
    );
    mock = await startMockLlm();
    client = await NatsClient.connect({ url: env.TEST_NATS_URL, name: 'chat-service-test', namespace });
    rpc = new RpcClient(client, { timeoutMs: 20_000 });
    owner = new pg.Pool({ connectionString: env.TEST_DATABASE_OWNER_URL, max: 2 });
    tenant = (await createTenant(owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
  }, 120_000);

  afterEach(() => mock.reset());

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await client?.drain();
    await owner?.end();
    await mock?.close();
  });

  const newSession = async () => (await rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'api' })).session;

  it(
    'serves sessions and streamed turns over NATS',
    async () => {
      const proc = await startChat();
      const session = await newSession();
      mock.enqueue({ type: 'text', text: 'We can be there within the hour.' });
      const request = turnRequest(tenant, session.id, 'my pipe burst and the kitchen is flooding');
      const collector = await collectFrames(client, request.turnId);
      const response = await rpc.request(ChatTurnRpc, request);
      const frames = await collector.finished;
      collector.stop();
      expect(response).toMatchObject({ content: 'We can be there within the hour.', finishReason: 'stop', usage: { provider: 'openai' } });
      expect(frames[0].type).toBe('signal');
      expect(frames[frames.length - 1]).toMatchObject({ type: 'done', message_id: response.messageId });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/parley_chat_turns_total\{[^}]*outcome="stop"[^}]*\} 1/);
      expect(metrics).toMatch(/parley_chat_first_token_seconds_count\{[^}]*\} 1/);
      proc.signal('SIGTERM');
      expect(await proc.exited).toBe(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'lets a turn in flight at SIGTERM finish and store its answer, then exits 0',
    async () => {
      const proc = await startChat();
      const session = await newSession();
      mock.enqueue({ type: 'text', text: 'one two three four five six', latency: { interTokenDelayMs: 100 } });
      const request = turnRequest(tenant, session.id, 'What are your prices?');
      const collector = await collectFrames(client, request.turnId);
      const pending = rpc.request(ChatTurnRpc, request);
      await collector.firstToken;
      proc.signal('SIGTERM');
      const response = await pending;
      collector.stop();
      expect(response).toMatchObject({ content: 'one two three four five six', finishReason: 'stop' });
      expect(await proc.exited).toBe(0);
      const { rows } = await owner.query('SELECT content, interrupted FROM chat_messages WHERE id = $1', [response.messageId]);
      expect(rows).toEqual([{ content: 'one two three four five six', interrupted: false }]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'cancels a generation still running when the shutdown grace is over, storing the partial answer',
    async () => {
      const proc = await startChat();
      const session = await newSession();
      mock.enqueue({ type: 'text', text: SLOW_ANSWER, latency: { interTokenDelayMs: 250 } });
      const request = turnRequest(tenant, session.id, 'Tell me everything');
      const collector = await collectFrames(client, request.turnId);
      const pending = rpc.request(ChatTurnRpc, request);
      await collector.firstToken;
      proc.signal('SIGTERM');
      const response = await pending;
      collector.stop();
      expect(response.finishReason).toBe('cancelled');
      expect(SLOW_ANSWER.startsWith(response.content)).toBe(true);
      expect(response.content.length).toBeLessThan(SLOW_ANSWER.length);
      expect(await proc.exited).toBe(0);
      const { rows } = await owner.query('SELECT content, interrupted FROM chat_messages WHERE id = $1', [response.messageId]);
      expect(rows).toEqual([{ content: response.content, interrupted: true }]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
