import { TenantGetRpc } from '@parley/contracts';
import { RpcError, type RpcClient } from '@parley/messaging';
import type { AppConfig } from '../../config/env.schema';
import { GatewayRpc } from '../gateway-rpc.client';
import { ProblemException } from '../problem.exception';

function setup(timeoutMs: number, outcome: () => unknown = () => ({ version: 1 })) {
  const request = jest.fn(async () => outcome());
  const rpc = new GatewayRpc({ request } as unknown as RpcClient, { rpc: { timeoutMs } } as AppConfig);
  return { rpc, request };
}

const payload = { version: 1 as const, tenantId: '00000000-0000-4000-8000-000000000001' };

describe('GatewayRpc', () => {
  it('waits RPC_TIMEOUT_MS unless the call names a timeout', async () => {
    const { rpc, request } = setup(2000);
    await rpc.call(TenantGetRpc, payload);
    await rpc.call(TenantGetRpc, payload, { timeoutMs: 700 });
    expect(request).toHaveBeenNthCalledWith(1, TenantGetRpc, payload, { timeoutMs: 2000 });
    expect(request).toHaveBeenNthCalledWith(2, TenantGetRpc, payload, { timeoutMs: 700 });
  });

  it.each([
    [2000, 60_000],
    [90_000, 90_000],
  ])('callLong waits RPC_TIMEOUT_MS (%i) but at least a minute: %i', async (configured, expected) => {
    const { rpc, request } = setup(configured);
    await rpc.callLong(TenantGetRpc, payload);
    expect(request).toHaveBeenCalledWith(TenantGetRpc, payload, { timeoutMs: expected });
  });

  it('turns an RpcError into its problem (404 keeps the message, 503 carries retry-after)', async () => {
    const notFound = setup(2000, () => {
      throw new RpcError('NOT_FOUND', 'no such tenant', undefined, { remote: true });
    });
    const problem = await notFound.rpc.call(TenantGetRpc, payload).catch((error: unknown) => error);
    expect(problem).toBeInstanceOf(ProblemException);
    expect((problem as ProblemException).getStatus()).toBe(404);
    expect((problem as ProblemException).detail).toBe('no such tenant');

    const unavailable = setup(2000, () => {
      throw new RpcError('UNAVAILABLE', 'nobody listening on provisioning.tenant.get');
    });
    const down = (await unavailable.rpc.call(TenantGetRpc, payload).catch((error: unknown) => error)) as ProblemException;
    expect(down.getStatus()).toBe(503);
    expect(down.detail).toBeUndefined();
    expect(down.headers).toEqual({ 'retry-after': '1' });
  });

  it('rethrows anything else as it is', async () => {
    const boom = new Error('boom');
    const { rpc } = setup(2000, () => {
      throw boom;
    });
    await expect(rpc.call(TenantGetRpc, payload)).rejects.toBe(boom);
  });
});
