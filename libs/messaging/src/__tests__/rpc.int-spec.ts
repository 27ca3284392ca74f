import { randomUUID } from 'node:crypto';
import { RequestError, TimeoutError } from '@nats-io/nats-core';
import { ChatTurnRpc, TenantGetRpc, type RpcRequestOf, type TenantWithConfig, DEFAULT_TENANT_CONFIG } from '@parley/contracts';
import { RpcError } from '../errors/rpc.error';
import { decodeJson, encodeJson } from '../publishing/json-codec';
import { MAX_PAYLOAD_JSON_DEPTH } from '../publishing/json-structure';
import { RpcClient } from '../rpc/rpc-client';
import { RpcServer, type RpcHandler } from '../rpc/rpc-server';
import { natsTestContext, sleep, type NatsTestContext } from './nats-test-context';
import { activeTraceId, registerTracePropagation, withActiveSpan } from './trace-test-setup';

const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
jest.setTimeout(30_000);

const tenant = (id: string): TenantWithConfig => ({
  id,
  slug: 'acme',
  displayName: 'Acme',
  kind: 'plumber',
  status: 'active',
  timezone: 'Europe/London',
  config: DEFAULT_TENANT_CONFIG,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  deactivatedAt: null,
});

class TenantNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}

describe('request-reply', () => {
  let ctx: NatsTestContext;
  let client: RpcClient;
  let servers: RpcServer[];
  let unregister: () => void;

  beforeAll(() => (unregister = registerTracePropagation()));
  afterAll(() => unregister());
  beforeEach(async () => {
    ctx = await natsTestContext(url, { streams: false });
    client = new RpcClient(ctx.client, { timeoutMs: 2000 });
    servers = [];
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await ctx.cleanup();
  });

  /** A provisioning replica on its own connection. */
  const replica = async (handler: (req: RpcRequestOf<typeof TenantGetRpc>) => Promise<unknown>) => {
    const connection = await ctx.connect('provisioning-replica');
    const server = new RpcServer(connection);
    servers.push(server);
    // handlers returning invalid responses are part of what is tested, hence the cast
    server.handle(TenantGetRpc, handler as RpcHandler<typeof TenantGetRpc>, { queue: 'provisioning' });
    await connection.nc.flush();
    return server;
  };

  it('spreads requests over the replicas of a queue group', async () => {
    const served = [0, 0];
    for (const i of [0, 1]) {
      await replica(async (req) => {
        served[i] += 1;
        await sleep(5);
        return { version: 1, tenant: tenant(req.tenantId) };
      });
    }
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const replies = await Promise.all(ids.map((tenantId) => client.request(TenantGetRpc, { version: 1, tenantId })));
    expect(replies.map((r) => r.tenant.id)).toEqual(ids);
    expect(served[0] + served[1]).toBe(40);
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);
  });

  it('times out with TIMEOUT', async () => {
    await replica(async (req) => {
      await sleep(500);
      return { version: 1, tenant: tenant(req.tenantId) };
    });
    // NatsClient connects with noAsyncTraces: nats.js still fails with its own error classes, which transportError maps.
    await expect(client.request(TenantGetRpc, { version: 1, tenantId: randomUUID() }, { timeoutMs: 100 })).rejects.toMatchObject({
      name: 'RpcError',
      code: 'TIMEOUT',
      remote: false,
      cause: expect.any(TimeoutError),
    });
  });

  // NATS answers "no responders" at once: UNAVAILABLE from that answer, not TIMEOUT after timeoutMs.
  it('fails with UNAVAILABLE from the no-responders answer, not a timeout, when nobody listens', async () => {
    const request = {
      version: 1 as const,
      tenantId: randomUUID(),
      sessionId: randomUUID(),
      turnId: randomUUID(),
      message: 'hello',
      stream: false,
      channel: 'api' as const,
      requestId: 'r1',
    };
    const error: unknown = await client.request(ChatTurnRpc, request, { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', remote: false, cause: expect.any(RequestError) });
    expect(((error as RpcError).cause as RequestError).isNoResponders()).toBe(true);
  });

  it('answers an invalid request with VALIDATION listing the fields, without calling the handler', async () => {
    const handler = jest.fn();
    await replica(handler);
    const raw = await ctx.client.nc.request(ctx.client.namer.subject(TenantGetRpc.subject), encodeJson({ version: 2, tenantId: 'acme' }), {
      timeout: 2000,
    });
    const reply = decodeJson(raw.data);
    expect(reply).toEqual({
      ok: true,
      value: {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'provisioning.tenant.get#request payload is invalid (version, tenantId)',
          details: { issues: [expect.objectContaining({ path: 'version' }), expect.objectContaining({ path: 'tenantId' })] },
        },
      },
    });
    const notJson = decodeJson((await ctx.client.nc.request(ctx.client.namer.subject(TenantGetRpc.subject), '{', { timeout: 2000 })).data);
    expect(notJson).toMatchObject({ value: { ok: false, error: { code: 'VALIDATION' } } });
    const deep = `{"version":1,"tenantId":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const tooDeep = decodeJson((await ctx.client.nc.request(ctx.client.namer.subject(TenantGetRpc.subject), deep, { timeout: 2000 })).data);
    expect(tooDeep).toEqual({
      ok: true,
      value: { ok: false, error: { code: 'VALIDATION', message: `body is nested deeper than ${MAX_PAYLOAD_JSON_DEPTH} levels` } },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('validates on the client side too: nothing is sent', async () => {
    const handler = jest.fn();
    await replica(handler);
    const err = await client.request(TenantGetRpc, { version: 1, tenantId: 'acme' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect(err).toMatchObject({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: 'tenantId' })] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each<[string, () => Promise<unknown>, object]>([
    [
      'a domain error keeps its code and message',
      async () => Promise.reject(new TenantNotFoundError('tenant not found')),
      { code: 'NOT_FOUND', message: 'tenant not found', remote: true },
    ],
    [
      'an unexpected error becomes an opaque INTERNAL',
      async () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432')),
      { code: 'INTERNAL', message: 'internal error' },
    ],
    [
      'a response breaking the contract becomes INTERNAL',
      async () => ({ version: 1, tenant: { id: 'x' } }),
      { code: 'INTERNAL', message: 'internal error' },
    ],
  ])('%s', async (_label, behaviour, expected) => {
    await replica(behaviour);
    await expect(client.request(TenantGetRpc, { version: 1, tenantId: randomUUID() })).rejects.toMatchObject(expected);
  });

  it('runs the handler in the caller trace', async () => {
    let serverTrace: string | undefined;
    await replica(async (req) => {
      serverTrace = activeTraceId();
      return { version: 1, tenant: tenant(req.tenantId) };
    });
    const { traceId, result } = withActiveSpan(() => client.request(TenantGetRpc, { version: 1, tenantId: randomUUID() }));
    await result;
    expect(serverTrace).toBe(traceId);
  });

  it('stop() lets the request in flight finish, then stops serving', async () => {
    const server = await replica(async (req) => {
      await sleep(200);
      return { version: 1, tenant: tenant(req.tenantId) };
    });
    const inFlight = client.request(TenantGetRpc, { version: 1, tenantId: randomUUID() });
    await sleep(50);
    await server.stop();
    await expect(inFlight).resolves.toMatchObject({ version: 1 });
    await expect(client.request(TenantGetRpc, { version: 1, tenantId: randomUUID() })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
