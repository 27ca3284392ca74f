import { CATALOGUE_TTL_MS, CatalogueTermsCache } from '../catalogue-terms.cache';

describe('CatalogueTermsCache', () => {
  it('reuses a tenant read within the TTL and reads again after it', async () => {
    let now = 0;
    const cache = new CatalogueTermsCache(() => now);
    let reads = 0;
    const load = async () => [`term-${++reads}`];
    await expect(cache.get('t1', load)).resolves.toEqual(['term-1']);
    now = CATALOGUE_TTL_MS - 1;
    await expect(cache.get('t1', load)).resolves.toEqual(['term-1']);
    now = CATALOGUE_TTL_MS;
    await expect(cache.get('t1', load)).resolves.toEqual(['term-2']);
    expect(reads).toBe(2);
  });

  it('holds at most maxTenants, dropping the tenant read longest ago', async () => {
    let now = 0;
    const cache = new CatalogueTermsCache(() => now, 2);
    const reads: string[] = [];
    const load = (tenant: string) => async () => {
      reads.push(tenant);
      return [tenant];
    };
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    now = CATALOGUE_TTL_MS; // a and b expired; a is read again and becomes the newest
    await cache.get('a', load('a'));
    await cache.get('c', load('c')); // full: b (read longest ago) goes
    expect(cache.size).toBe(2);
    await cache.get('a', load('a'));
    await cache.get('c', load('c'));
    expect(reads).toEqual(['a', 'b', 'a', 'c']);
    await cache.get('b', load('b'));
    expect(reads).toEqual(['a', 'b', 'a', 'c', 'b']);
    expect(cache.size).toBe(2);
  });
});
