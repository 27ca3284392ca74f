// The compiled service (apps/provisioning/dist/main.js) as production runs it: owner bootstrap
// at start (one log line, never the password), RPCs served in the provisioning queue group
// under the run's NATS namespace, and a clean exit on SIGTERM after the endpoints stop.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { KnowledgeSearchRpc, KnowledgeUploadRpc, TenantCreatedEvent, TenantCreateRpc, UserLookupRpc } from '@parley/contracts';
import { NatsClient, RpcClient, RpcError } from '@parley/messaging';
import { testEnvironment } from '@parley/testing';
import { startMockLlm, type MockLlm } from '@parley/testing';
import { freePort, ProvisioningProcess, REPO_ROOT } from './service-process.util';

const OWNER_PASSWORD = 'process owner password 1';

/** The last message stored on `subject` in the namespace's EVENTS stream, once the relay has published it. */
async function lastMessageOn(nats: NatsClient, subject: string, attempts = 100) {
  for (let i = 0; i < attempts; i++) {
    const found = await nats.jsm.streams.getMessage(nats.namer.stream('EVENTS'), { last_by_subj: subject }).catch(() => null);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing published on ${subject}`);
}

describe('provisioning service process', () => {
  const env = testEnvironment();
  const namespace = `${env.TEST_RUN_ID}_pp${randomUUID().slice(0, 4)}`;
  const ownerEmail = `proc-owner-${randomUUID().slice(0, 8)}@parley.test`;
  let proc: ProvisioningProcess;
  let mock: MockLlm;
  let nats: NatsClient;
  let rpc: RpcClient;

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [
        'scripts/build.mjs',
        'apps/provisioning',
        'libs/persistence',
        'libs/contracts',
        'libs/messaging',
        'libs/auth',
        'libs/runtime',
        'libs/observability',
        'libs/llm',
      ],
      { cwd: REPO_ROOT, stdio: 'pipe' },
    );
    mock = await startMockLlm();
    proc = new ProvisioningProcess({
      PATH: process.env.PATH as string,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      DATABASE_URL: env.TEST_DATABASE_URL,
      NATS_URL: env.TEST_NATS_URL,
      NATS_NAMESPACE: namespace,
      REDIS_URL: env.TEST_REDIS_URL,
      OWNER_EMAIL: ownerEmail,
      OWNER_PASSWORD,
      BCRYPT_COST: '4',
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_BASE_URL: mock.url,
      EMBEDDING_API_KEY: 'test-key',
      EMBEDDING_MODEL: 'mock-embedding',
    });
    await proc.waitForLog((line) => line.msg === 'listening', 30_000);
    nats = await NatsClient.connect({ url: env.TEST_NATS_URL, name: 'provisioning-process-test', namespace });
    rpc = new RpcClient(nats, { timeoutMs: 10_000 });
  }, 60_000);

  afterAll(async () => {
    await nats?.drain().catch(() => undefined);
    await proc?.kill();
    await mock?.close();
  });

  it('bootstraps the owner with one log line that never contains the password', async () => {
    const lines = proc.lines().filter((line) => line.msg === 'owner bootstrapped');
    expect(lines).toEqual([expect.objectContaining({ outcome: 'created' })]);
    expect(proc.stdout.join('\n') + proc.stderr).not.toContain(OWNER_PASSWORD);
    await expect(rpc.request(UserLookupRpc, { version: 1, email: ownerEmail.toUpperCase() })).resolves.toMatchObject({
      user: { role: 'owner', email: ownerEmail },
    });
  });

  it('serves tenant creation over NATS and stops serving on SIGTERM, then exits 0', async () => {
    const created = await rpc.request(TenantCreateRpc, {
      version: 1,
      actor: { type: 'owner', id: null },
      displayName: 'Process Ltd',
      slug: `proc-${randomUUID().slice(0, 8)}`,
      kind: 'shop',
      timezone: 'UTC',
      domain: 'https://process.example',
    });
    expect(created.tenant.config.allowedOrigins).toEqual(['https://process.example']);
    // The outbox relay publishes tenant.created to the run's EVENTS stream (Nats-Msg-Id = outbox id).
    const subject = nats.namer.subject(TenantCreatedEvent.subjectFor(created.tenant.id));
    const stored = await lastMessageOn(nats, subject);
    expect(JSON.parse(new TextDecoder().decode(stored.data))).toMatchObject({ tenantId: created.tenant.id, slug: created.tenant.slug });

    // EMBEDDING_* configured: uploads are embedded by the mock's /v1/embeddings, queries too.
    const upload = await rpc.request(KnowledgeUploadRpc, {
      version: 1,
      actor: { type: 'owner', id: null },
      tenantId: created.tenant.id,
      title: 'Hours',
      format: 'text',
      content: 'We open at 9am.',
    });
    expect(upload.document).toMatchObject({ embedded: true, chunkCount: 1 });
    const hits = await rpc.request(KnowledgeSearchRpc, { version: 1, tenantId: created.tenant.id, query: 'We open at 9am.', limit: 1 });
    expect(hits.items[0].matchedBy).toEqual(['fulltext', 'vector']);
    expect(mock.requests.filter((r) => r.path.endsWith('/embeddings'))).toHaveLength(2);

    proc.signal('SIGTERM');
    await expect(proc.exited).resolves.toEqual({ code: 0 });
    const err = await rpc.request(UserLookupRpc, { version: 1, email: ownerEmail }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).code).toBe('UNAVAILABLE');
  });
});
