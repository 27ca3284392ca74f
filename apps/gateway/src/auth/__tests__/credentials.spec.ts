import { parseCredentials } from '../credentials.parser';

const KEY = `sk_live_${'A1b2C3d4E5'.repeat(4)}`;

describe('parseCredentials', () => {
  it('reads X-API-Key', () => {
    expect(parseCredentials({ 'x-api-key': KEY })).toEqual({ type: 'api_key', key: KEY });
  });

  it('reads an API key sent as a bearer token (OpenAI SDK style)', () => {
    expect(parseCredentials({ authorization: `Bearer ${KEY}` })).toEqual({ type: 'api_key', key: KEY });
    expect(parseCredentials({ authorization: `bearer   ${KEY}` })).toEqual({ type: 'api_key', key: KEY });
  });

  it('reads a bearer JWT', () => {
    expect(parseCredentials({ authorization: 'Bearer aaa.bbb.ccc' })).toEqual({ type: 'bearer', token: 'aaa.bbb.ccc' });
  });

  it('accepts the same key in both headers', () => {
    expect(parseCredentials({ 'x-api-key': KEY, authorization: `Bearer ${KEY}` })).toEqual({ type: 'api_key', key: KEY });
  });

  it('refuses two different credentials', () => {
    expect(parseCredentials({ 'x-api-key': KEY, authorization: 'Bearer aaa.bbb.ccc' })).toMatchObject({
      type: 'invalid',
      code: 'AMBIGUOUS_CREDENTIALS',
    });
  });

  it('refuses other schemes and empty bearer values', () => {
    expect(parseCredentials({ authorization: 'Basic dXNlcjpwYXNz' })).toMatchObject({ type: 'invalid', code: 'UNSUPPORTED_AUTH_SCHEME' });
    expect(parseCredentials({ authorization: 'Bearer' })).toMatchObject({ type: 'invalid', code: 'UNSUPPORTED_AUTH_SCHEME' });
    expect(parseCredentials({ authorization: 'Bearer a b' })).toMatchObject({ type: 'invalid', code: 'UNSUPPORTED_AUTH_SCHEME' });
  });

  it('refuses repeated headers', () => {
    expect(parseCredentials({ 'x-api-key': [KEY, KEY] })).toMatchObject({ type: 'invalid', code: 'MALFORMED_CREDENTIALS' });
  });

  it('reports nothing presented', () => {
    expect(parseCredentials({})).toEqual({ type: 'missing' });
    expect(parseCredentials({ 'x-api-key': '  ' })).toEqual({ type: 'missing' });
  });
});
