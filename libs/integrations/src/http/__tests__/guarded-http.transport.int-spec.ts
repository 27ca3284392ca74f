import { IntegrationCallError, type HttpRequest } from '../../connector.types';
import { json, startFakeSystem, type FakeSystem } from '../../__tests__/fake-system.server';
import { noSignal, restIntegration } from '../../__tests__/integration.fixture';
import { GuardedHttpTransport } from '../guarded-http.transport';
import type { HostResolver } from '../target-url.guard';

const SECRET = 'S3CRET-never-shown-0x5f';

describe('GuardedHttpTransport', () => {
  let shop: FakeSystem;
  const open = new GuardedHttpTransport({ allowPrivateTargets: true });

  beforeEach(async () => {
    shop = await startFakeSystem();
  });
  afterEach(async () => {
    await shop.close();
  });

  const get = (path: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
    method: 'GET',
    url: new URL(path, shop.url),
    signal: noSignal(),
    timeoutMs: 5000,
    ...extra,
  });

  async function failureOf(work: Promise<unknown>): Promise<IntegrationCallError> {
    try {
      await work;
    } catch (error) {
      if (error instanceof IntegrationCallError) return error;
      throw error;
    }
    throw new Error('expected the call to fail');
  }

  it('sends JSON with the configured headers and the API key, and parses the answer', async () => {
    shop.route('POST', '/echo', (req, res) => json(res, 201, { got: JSON.parse(req.body) as unknown }));
    const integration = restIntegration(shop.url, [], { type: 'api_key', header: 'X-Api-Key', value: SECRET });
    const response = await open.send(integration, get('/echo', { method: 'POST', json: { a: 1 }, headers: { 'X-Trace': 't1' } }));
    expect(response).toMatchObject({ status: 201, json: { got: { a: 1 } } });
    expect(response.headers['content-type']).toBe('application/json');
    expect(shop.requests[0].headers).toMatchObject({
      'x-api-key': SECRET,
      'x-trace': 't1',
      'content-type': 'application/json',
      'user-agent': 'Parley-Integrations/1',
    });
  });

  it.each([
    [{ type: 'bearer', token: SECRET } as const, `Bearer ${SECRET}`],
    [{ type: 'basic', username: 'shop', password: SECRET } as const, `Basic ${Buffer.from(`shop:${SECRET}`).toString('base64')}`],
  ])('applies %j auth', async (auth, header) => {
    shop.route('GET', '/me', (_req, res) => json(res, 200, {}));
    await open.send(restIntegration(shop.url, [], auth), get('/me'));
    expect(shop.requests[0].headers.authorization).toBe(header);
  });

  it('fetches an OAuth2 token with the client credentials, reuses it, and fetches a new one once on a 401', async () => {
    let issued = 0;
    shop.route('POST', '/oauth/token', (req, res) => {
      issued += 1;
      json(res, 200, { access_token: `tok-${issued}`, token_type: 'Bearer', expires_in: 3600 });
    });
    let revoked = false;
    shop.route('GET', '/data', (req, res) => {
      if (req.headers.authorization === 'Bearer tok-1' && !revoked) return json(res, 200, { n: 1 });
      if (req.headers.authorization === 'Bearer tok-2') return json(res, 200, { n: 2 });
      return json(res, 401, {});
    });
    const integration = restIntegration(shop.url, [], {
      type: 'oauth2_client_credentials',
      tokenUrl: `${shop.url}/oauth/token`,
      clientId: 'parley client',
      clientSecret: SECRET,
      scope: 'read:orders',
    });
    expect((await open.send(integration, get('/data'))).json).toEqual({ n: 1 });
    expect((await open.send(integration, get('/data'))).json).toEqual({ n: 1 });
    expect(issued).toBe(1);
    const tokenRequest = shop.requests.find((r) => r.url === '/oauth/token');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(tokenRequest?.body)).toEqual(
      new URLSearchParams({ grant_type: 'client_credentials', scope: 'read:orders' }),
    );
    expect(Buffer.from(String(tokenRequest?.headers.authorization).replace('Basic ', ''), 'base64').toString()).toBe(
      `parley+client:${SECRET}`,
    );

    // The system revokes tok-1: one new token, one retry.
    revoked = true;
    expect((await open.send(integration, get('/data'))).json).toEqual({ n: 2 });
    expect(issued).toBe(2);
    expect(shop.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization?.slice(0, 6) ?? ''}`).slice(-3)).toEqual([
      'GET /data Bearer',
      'POST /oauth/token Basic ',
      'GET /data Bearer',
    ]);
  });

  it('reports a refused client without its secret', async () => {
    shop.route('POST', '/oauth/token', (_req, res) => json(res, 401, { error: 'invalid_client', secret_echo: SECRET }));
    const integration = restIntegration(shop.url, [], {
      type: 'oauth2_client_credentials',
      tokenUrl: `${shop.url}/oauth/token`,
      clientId: 'c',
      clientSecret: SECRET,
    });
    const error = await failureOf(open.send(integration, get('/data')));
    expect(error).toMatchObject({ failure: 'upstream_error', message: 'the token endpoint refused the client credentials (HTTP 401)' });
    expect(error.message).not.toContain(SECRET);
  });

  it('does not follow a redirect', async () => {
    shop.route('GET', '/moved', (_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    const response = await open.send(restIntegration(shop.url, []), get('/moved'));
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
    expect(shop.requests).toHaveLength(1);
  });

  it('gives up on a slow system at the timeout', async () => {
    shop.route('GET', '/slow', () => undefined);
    const error = await failureOf(open.send(restIntegration(shop.url, []), get('/slow', { timeoutMs: 200 })));
    expect(error).toMatchObject({ failure: 'timeout', message: 'no answer within 200 ms' });
  });

  it('refuses an answer larger than the limit', async () => {
    shop.route('GET', '/huge', (_req, res) => json(res, 200, { blob: 'x'.repeat(64 * 1024) }));
    const small = new GuardedHttpTransport({ allowPrivateTargets: true, maxResponseBytes: 16 * 1024 });
    expect(await failureOf(small.send(restIntegration(shop.url, []), get('/huge')))).toMatchObject({ failure: 'upstream_error' });
  });

  it('sends the integration credentials only to its own address', async () => {
    const integration = restIntegration(shop.url, [], { type: 'bearer', token: SECRET });
    const error = await failureOf(open.send(integration, { ...get('/x'), url: new URL('http://127.0.0.2:9/x') }));
    expect(error.failure).toBe('refused_target');
    expect(shop.requests).toHaveLength(0);
  });

  it('answers a bare GET as a fetch Response (status, headers, body), without following a redirect', async () => {
    shop.route('GET', '/jwks', (_req, res) => json(res, 200, { keys: [] }));
    shop.route('GET', '/moved', (_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/' });
      res.end();
    });
    const response = await open.get(new URL('/jwks', shop.url).href, { headers: new Headers({ accept: 'application/jwk-set+json' }) });
    expect([response.status, response.headers.get('content-type'), await response.json()]).toEqual([200, 'application/json', { keys: [] }]);
    expect(shop.requests[0].headers).toMatchObject({ accept: 'application/jwk-set+json', 'user-agent': 'Parley-Integrations/1' });
    expect((await open.get(new URL('/moved', shop.url).href)).status).toBe(302);
    expect(shop.requests).toHaveLength(2);
  });

  it('reports an unreachable system by its error code only', async () => {
    const closed = await startFakeSystem();
    await closed.close();
    const integration = restIntegration(closed.url, [], { type: 'bearer', token: SECRET });
    const error = await failureOf(open.send(integration, { ...get('/x'), url: new URL('/x', closed.url) }));
    expect(error).toMatchObject({ failure: 'unavailable', message: 'could not reach the system (ECONNREFUSED)' });
  });

  describe('without private targets (production)', () => {
    const resolver: HostResolver = async (hostname) => {
      const table: Record<string, string> = { 'shop.example': '93.184.215.14', 'rebind.example': '10.1.2.3' };
      if (!table[hostname]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return [{ address: table[hostname], family: 4 }];
    };
    const strict = new GuardedHttpTransport({ resolve: resolver });

    it.each([
      'http://127.0.0.1:8080/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/',
      'http://[::1]/',
      'http://localhost/',
      'http://rebind.example/',
    ])('refuses %s', async (target) => {
      const integration = restIntegration(target, [], { type: 'bearer', token: SECRET });
      const error = await failureOf(strict.send(integration, { method: 'GET', url: new URL(target), signal: noSignal(), timeoutMs: 1000 }));
      expect(error.failure).toBe('refused_target');
      expect(error.message).toMatch(/^refused: /);
      expect(error.message).not.toContain(SECRET);
    });

    it.each(['http://127.0.0.1:8080/jwks', 'http://rebind.example/jwks'])(
      'refuses a bare GET (JWKS) of %s before connecting',
      async (target) => {
        const error = await failureOf(strict.get(target));
        expect(error).toMatchObject({ failure: 'refused_target' });
      },
    );

    it('refuses the real loopback server too', async () => {
      const error = await failureOf(strict.send(restIntegration(shop.url, []), get('/')));
      expect(error.failure).toBe('refused_target');
      expect(shop.requests).toHaveLength(0);
    });
  });
});
