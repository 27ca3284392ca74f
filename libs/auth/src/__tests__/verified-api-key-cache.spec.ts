import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { generateApiKey } from '../api-keys/api-key';
import { VerifiedApiKeyCache, type VerifiedApiKeyCacheOptions } from '../api-keys/verified-api-key-cache';
import { AuthError } from '../errors/auth-error';

function makeCache(options: VerifiedApiKeyCacheOptions = {}) {
  const clock = { ms: 1_000_000 };
  const cache = new VerifiedApiKeyCache({ now: () => clock.ms, ...options });
  return { cache, clock };
}

function verifiedKey(tenantId: string, apiKeyId: string) {
  const { key, prefix } = generateApiKey();
  return { key, value: { tenantId, apiKeyId, prefix } };
}

describe('VerifiedApiKeyCache', () => {
  it('misses until a verification is remembered, then returns it as a copy', () => {
    const { cache } = makeCache();
    const { key, value } = verifiedKey('t-1', 'k-1');
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, value);
    const hit = cache.get(key);
    expect(hit).toEqual(value);
    (hit as { tenantId: string }).tenantId = 'mutated';
    expect(cache.get(key)).toEqual(value);
    expect(cache.get(generateApiKey().key)).toBeUndefined();
  });

  it.each([
    ['default ttl, just before expiry', undefined, 59_999, true],
    ['default ttl, at expiry', undefined, 60_000, false],
    ['5 s ttl, inside', 5_000, 4_999, true],
    ['5 s ttl, after', 5_000, 5_001, false],
  ])('%s', (_label, ttlMs, elapsed, hit) => {
    const { cache, clock } = makeCache({ ttlMs });
    const { key, value } = verifiedKey('t-1', 'k-1');
    cache.set(key, value);
    clock.ms += elapsed;
    expect(cache.get(key) !== undefined).toBe(hit);
    expect(cache.size).toBe(hit ? 1 : 0);
  });

  it('re-setting a key restarts its ttl', () => {
    const { cache, clock } = makeCache({ ttlMs: 1_000 });
    const { key, value } = verifiedKey('t-1', 'k-1');
    cache.set(key, value);
    clock.ms += 900;
    cache.set(key, value);
    clock.ms += 900;
    expect(cache.get(key)).toEqual(value);
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const { cache } = makeCache({ maxEntries: 3 });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => verifiedKey('t-1', id)) as [
      ReturnType<typeof verifiedKey>,
      ReturnType<typeof verifiedKey>,
      ReturnType<typeof verifiedKey>,
      ReturnType<typeof verifiedKey>,
    ];
    cache.set(a.key, a.value);
    cache.set(b.key, b.value);
    cache.set(c.key, c.value);
    expect(cache.get(a.key)).toBeDefined(); // a is now the most recently used
    cache.set(d.key, d.value);
    expect(cache.size).toBe(3);
    expect(cache.get(b.key)).toBeUndefined();
    expect(cache.get(a.key)).toEqual(a.value);
    expect(cache.get(c.key)).toEqual(c.value);
    expect(cache.get(d.key)).toEqual(d.value);
  });

  it.each([
    ['invalidateTenant', (cache: VerifiedApiKeyCache) => cache.invalidateTenant('t-1'), 2, ['t2-k3']],
    ['invalidateKey', (cache: VerifiedApiKeyCache) => cache.invalidateKey('t1-k1'), 1, ['t1-k2', 't2-k3']],
    ['invalidateKey of an unknown key', (cache: VerifiedApiKeyCache) => cache.invalidateKey('nope'), 0, ['t1-k1', 't1-k2', 't2-k3']],
    ['clear', (cache: VerifiedApiKeyCache) => (cache.clear(), 3), 3, []],
  ])('%s drops exactly the matching entries', (_label, invalidate, dropped, survivors) => {
    const { cache } = makeCache();
    const entries = [verifiedKey('t-1', 't1-k1'), verifiedKey('t-1', 't1-k2'), verifiedKey('t-2', 't2-k3')];
    for (const { key, value } of entries) cache.set(key, value);
    expect(invalidate(cache)).toBe(dropped);
    const remaining = entries.filter(({ key }) => cache.get(key) !== undefined).map(({ value }) => value.apiKeyId);
    expect(remaining).toEqual(survivors);
  });

  it('never holds the raw key, only its sha256 digest', () => {
    const { cache } = makeCache();
    const { key, value } = verifiedKey('t-1', 'k-1');
    cache.set(key, value);
    const dump = inspect(cache, { depth: Infinity, showHidden: true, maxArrayLength: Infinity, maxStringLength: Infinity });
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(key.slice(value.prefix.length));
    expect(dump).toContain(createHash('sha256').update(key).digest('hex'));
    expect(dump).toContain(value.prefix);
  });

  it.each([
    ['empty', ''],
    ['wrong scheme', 'sk_test_' + 'a'.repeat(40)],
    ['too short', 'sk_live_abc'],
  ])('treats a malformed key (%s) as a miss and refuses to store it', (_label, key) => {
    const { cache } = makeCache();
    expect(cache.get(key)).toBeUndefined();
    expect(() => cache.set(key, { tenantId: 't', apiKeyId: 'k', prefix: key.slice(0, 18) })).toThrow(AuthError);
    try {
      cache.set(key, { tenantId: 't', apiKeyId: 'k', prefix: key.slice(0, 18) });
    } catch (error) {
      expect((error as AuthError).code).toBe('MALFORMED_API_KEY');
    }
    expect(cache.size).toBe(0);
  });

  it('refuses an entry whose prefix is not the key’s own', () => {
    const { cache } = makeCache();
    const { key, value } = verifiedKey('t-1', 'k-1');
    expect(() => cache.set(key, { ...value, prefix: generateApiKey().prefix })).toThrow('does not match its prefix');
    expect(cache.size).toBe(0);
  });

  it.each([
    ['zero ttl', { ttlMs: 0 }],
    ['infinite ttl', { ttlMs: Infinity }],
    ['zero capacity', { maxEntries: 0 }],
    ['fractional capacity', { maxEntries: 2.5 }],
  ])('rejects %s', (_label, options) => {
    expect(() => new VerifiedApiKeyCache(options)).toThrow(RangeError);
  });
});
