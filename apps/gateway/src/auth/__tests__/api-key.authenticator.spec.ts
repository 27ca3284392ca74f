import { randomUUID } from 'node:crypto';
import { generateApiKey, hashSecret, VerifiedApiKeyCache } from '@parley/auth';
import type { RpcContract } from '@parley/contracts';
import { RpcError, type RpcClient } from '@parley/messaging';
import type { AppConfig } from '../../config/env.schema';
import { GatewayRpc } from '../../http/gateway-rpc.client';
import { ProblemException } from '../../http/problem.exception';
import { ApiKeyAuthenticator } from '../api-key.authenticator';

// The authenticator with a scripted lookup in place of NATS; bcrypt is real (cost 4).

interface StoredKey {
  id: string;
  tenantId: string;
  prefix: string;
  hash: string;
  status: 'active' | 'revoked';
  expiresAt: string | null;
}

const config = { rpc: { timeoutMs: 1000 } } as AppConfig;

function setup() {
  const stored = new Map<string, StoredKey>();
  let tenantStatus: 'active' | 'deactivated' = 'active';
  let failure: RpcError | undefined;
  const rpc = {
    request: jest.fn(async (_contract: RpcContract, payload: { prefix: string }) => {
      if (failure) throw failure;
      const apiKey = stored.get(payload.prefix);
      if (!apiKey) throw new RpcError('NOT_FOUND', 'no key', undefined, { remote: true });
      return { version: 1, apiKey, tenantStatus };
    }),
  };
  const authenticator = new ApiKeyAuthenticator(new GatewayRpc(rpc as unknown as RpcClient, config), new VerifiedApiKeyCache(), config);
  const add = async (init: Partial<StoredKey> = {}) => {
    const { key, prefix } = generateApiKey();
    const entry: StoredKey = {
      id: randomUUID(),
      tenantId: randomUUID(),
      prefix,
      hash: await hashSecret(key, 4),
      status: 'active',
      expiresAt: null,
      ...init,
    };
    stored.set(prefix, entry);
    return { key, entry };
  };
  return {
    authenticator,
    rpc,
    add,
    deactivate: () => (tenantStatus = 'deactivated'),
    fail: (error: RpcError) => (failure = error),
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemException) return { status: error.getStatus(), code: error.code };
    throw error;
  }
  throw new Error('was accepted');
}

afterEach(() => jest.useRealTimers());

describe('ApiKeyAuthenticator', () => {
  it('verifies once, then answers from the cache', async () => {
    const { authenticator, rpc, add } = setup();
    const { key, entry } = await add();
    for (let i = 0; i < 3; i++)
      await expect(authenticator.authenticate(key)).resolves.toEqual({ kind: 'api_key', tenantId: entry.tenantId, apiKeyId: entry.id });
    expect(rpc.request).toHaveBeenCalledTimes(1);
  });

  it('shares one lookup between concurrent first requests', async () => {
    const { authenticator, rpc, add } = setup();
    const { key } = await add();
    await Promise.all([authenticator.authenticate(key), authenticator.authenticate(key), authenticator.authenticate(key)]);
    expect(rpc.request).toHaveBeenCalledTimes(1);
  });

  it('refuses malformed keys without a lookup', async () => {
    const { authenticator, rpc } = setup();
    expect(await refusal(authenticator.authenticate('sk_live_nope'))).toEqual({ status: 401, code: 'INVALID_API_KEY' });
    expect(rpc.request).not.toHaveBeenCalled();
  });

  it('answers an unknown prefix and a wrong secret alike', async () => {
    const { authenticator, add } = setup();
    const { key } = await add();
    const wrongSecret = `${key.slice(0, 18)}${key.slice(18).split('').reverse().join('')}`;
    expect(await refusal(authenticator.authenticate(wrongSecret))).toEqual({ status: 401, code: 'INVALID_API_KEY' });
    expect(await refusal(authenticator.authenticate(generateApiKey().key))).toEqual({ status: 401, code: 'INVALID_API_KEY' });
  });

  it('refuses revoked keys, expired keys and deactivated tenants', async () => {
    const { authenticator, add, deactivate } = setup();
    expect(await refusal(authenticator.authenticate((await add({ status: 'revoked' })).key))).toEqual({
      status: 401,
      code: 'API_KEY_REVOKED',
    });
    expect(await refusal(authenticator.authenticate((await add({ expiresAt: new Date(Date.now() - 1).toISOString() })).key))).toEqual({
      status: 401,
      code: 'API_KEY_EXPIRED',
    });
    const { key } = await add();
    deactivate();
    expect(await refusal(authenticator.authenticate(key))).toEqual({ status: 403, code: 'TENANT_DEACTIVATED' });
  });

  it('refuses a cached key once its grace period is over', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const { authenticator, rpc, add } = setup();
    const { key } = await add({ expiresAt: '2026-11-23T12:00:30Z' });
    await authenticator.authenticate(key);
    jest.setSystemTime(new Date('2026-11-23T12:00:20Z'));
    await authenticator.authenticate(key);
    expect(rpc.request).toHaveBeenCalledTimes(1);
    jest.setSystemTime(new Date('2026-11-23T12:00:31Z'));
    expect(await refusal(authenticator.authenticate(key))).toEqual({ status: 401, code: 'API_KEY_EXPIRED' });
  });

  it('looks a key up again after invalidateKey and invalidateTenant', async () => {
    const { authenticator, rpc, add } = setup();
    const { key, entry } = await add();
    await authenticator.authenticate(key);
    authenticator.invalidateKey(entry.id);
    await authenticator.authenticate(key);
    authenticator.invalidateTenant(entry.tenantId);
    await authenticator.authenticate(key);
    expect(rpc.request).toHaveBeenCalledTimes(3);
  });

  it('passes an unavailable provisioning on as 503', async () => {
    const { authenticator, add, fail } = setup();
    const { key } = await add();
    fail(new RpcError('UNAVAILABLE', 'no responders'));
    expect(await refusal(authenticator.authenticate(key))).toEqual({ status: 503, code: 'UNAVAILABLE' });
  });
});
