import { basicCredentials, oauth2ClientCredentials, staticAuthHeaders } from '../auth-headers.util';
import { OAuth2TokenCache } from '../oauth2-token.cache';

describe('auth headers', () => {
  it('builds each static auth', () => {
    expect(staticAuthHeaders({ type: 'none' })).toEqual({});
    expect(staticAuthHeaders({ type: 'api_key', header: 'X-Shop-Key', value: 'k1' })).toEqual({ 'x-shop-key': 'k1' });
    expect(staticAuthHeaders({ type: 'bearer', token: 't1' })).toEqual({ authorization: 'Bearer t1' });
    expect(staticAuthHeaders({ type: 'basic', username: 'u', password: 'p:w' })).toEqual({ authorization: basicCredentials('u', 'p:w') });
    expect(basicCredentials('u', 'p:w')).toBe(`Basic ${Buffer.from('u:p:w').toString('base64')}`);
  });

  it('form-urlencodes OAuth2 client credentials before base64 (RFC 6749 §2.3.1)', () => {
    const header = oauth2ClientCredentials('my client', 's3cr:t/ä');
    expect(Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe('my+client:s3cr%3At%2F%C3%A4');
  });
});

describe('OAuth2TokenCache', () => {
  it('keeps a token until shortly before it expires, shares one fetch, and forgets a refused one', async () => {
    let now = 1_000_000;
    const cache = new OAuth2TokenCache(() => now);
    let fetched = 0;
    const fetch = async () => ({ access_token: `t${++fetched}`, token_type: 'Bearer', expires_in: 600 });
    const [a, b] = await Promise.all([cache.get('k', fetch), cache.get('k', fetch)]);
    expect([a, b, fetched]).toEqual(['t1', 't1', 1]);
    now += 560_000;
    expect(await cache.get('k', fetch)).toBe('t1');
    now += 20_000; // 580 s: within the 30 s margin before expiry
    expect(await cache.get('k', fetch)).toBe('t2');
    cache.invalidate('k');
    expect(await cache.get('k', fetch)).toBe('t3');
  });

  it('refuses a token that is not a bearer token', async () => {
    const cache = new OAuth2TokenCache();
    await expect(cache.get('k', async () => ({ access_token: 'x', token_type: 'mac' }))).rejects.toMatchObject({
      failure: 'upstream_error',
    });
  });
});
