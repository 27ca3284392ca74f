import { randomUUID } from 'node:crypto';
import { MAX_CACHED_TENANTS, TenantKeyedCache } from '../tenant-events/tenant-keyed.cache';

interface Row {
  tenantId: string;
  status: string;
  displayName: string;
}

function setup(ttlMs = 30_000) {
  let displayName = 'First';
  const release: Array<() => void> = [];
  let hold = false;
  // Stands for the service's database read (unknown tenants answer null).
  const findUnique = jest.fn(async (tenantId: string): Promise<Row | null> => {
    const row = { tenantId, status: 'active', displayName };
    if (hold) await new Promise<void>((resolve) => release.push(resolve));
    return tenantId.startsWith('00000000') ? null : row;
  });
  const cache = new TenantKeyedCache(findUnique, ttlMs);
  return {
    cache,
    findUnique,
    rename: (name: string) => (displayName = name),
    holdReads: () => (hold = true),
    releaseReads: () => release.splice(0).forEach((r) => r()),
  };
}

afterEach(() => jest.useRealTimers());

describe('TenantKeyedCache', () => {
  it('reads a tenant once for concurrent and later turns', async () => {
    const { cache, findUnique } = setup();
    const tenantId = randomUUID();
    const [a, b] = await Promise.all([cache.get(tenantId), cache.get(tenantId)]);
    const c = await cache.get(tenantId);
    expect(a).toMatchObject({ tenantId, status: 'active', displayName: 'First' });
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(findUnique).toHaveBeenCalledTimes(1);
  });

  it('reads again after invalidate and after the TTL', async () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { cache, findUnique, rename } = setup(1000);
    const tenantId = randomUUID();
    await cache.get(tenantId);
    rename('Second');
    expect((await cache.get(tenantId))?.displayName).toBe('First');
    cache.invalidate(tenantId);
    expect((await cache.get(tenantId))?.displayName).toBe('Second');
    rename('Third');
    jest.setSystemTime(999);
    expect((await cache.get(tenantId))?.displayName).toBe('Second');
    jest.setSystemTime(1001);
    expect((await cache.get(tenantId))?.displayName).toBe('Third');
    expect(findUnique).toHaveBeenCalledTimes(3);
  });

  it('does not keep a read that was in flight when the tenant was invalidated', async () => {
    const { cache, findUnique, rename, holdReads, releaseReads } = setup();
    const tenantId = randomUUID();
    holdReads();
    const before = cache.get(tenantId);
    await new Promise(setImmediate);
    cache.invalidate(tenantId);
    rename('After the event');
    const after = cache.get(tenantId);
    await new Promise(setImmediate);
    releaseReads();
    expect((await before)?.displayName).toBe('First');
    expect((await after)?.displayName).toBe('After the event');
    expect((await cache.get(tenantId))?.displayName).toBe('After the event');
    expect(findUnique).toHaveBeenCalledTimes(2);
  });

  it('clear() drops every tenant; unknown tenants are not cached; TTL 0 reads every time', async () => {
    const { cache, findUnique } = setup();
    const [a, b] = [randomUUID(), randomUUID()];
    await cache.get(a);
    await cache.get(b);
    cache.clear();
    expect(cache.size).toBe(0);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await cache.get(unknown)).toBeNull();
    expect(await cache.get(unknown)).toBeNull();
    expect(findUnique).toHaveBeenCalledTimes(4);

    const off = setup(0);
    await off.cache.get(a);
    await off.cache.get(a);
    expect(off.findUnique).toHaveBeenCalledTimes(2);
  });

  it('holds at most MAX_CACHED_TENANTS entries, the oldest going first', async () => {
    const { cache } = setup();
    const first = randomUUID();
    await cache.get(first);
    for (let i = 0; i < MAX_CACHED_TENANTS; i++) await cache.get(randomUUID());
    expect(cache.size).toBe(MAX_CACHED_TENANTS);
  });

  it('a failed read is not cached and is shared by concurrent callers', async () => {
    const findUnique = jest.fn<Promise<Row | null>, [string]>().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(null);
    const cache = new TenantKeyedCache(findUnique, 1000);
    const tenantId = randomUUID();
    await expect(Promise.all([cache.get(tenantId), cache.get(tenantId)])).rejects.toThrow('db down');
    expect(await cache.get(tenantId)).toBeNull();
    expect(findUnique).toHaveBeenCalledTimes(2);
  });
});
