import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundHttpClient, USER_AGENT } from '../outbound-http.client';
import { dnsResolver, vetHost, type HostResolver } from '@parley/integrations';
import { startReceiver, type HttpReceiver } from './http-receiver';

describe('OutboundHttpClient against a real receiver', () => {
  let receiver: HttpReceiver;
  const local = new OutboundHttpClient({ allowPrivateTargets: true, production: false, httpTimeoutMs: 2_000 });
  const post = (client: OutboundHttpClient, url: string, signal = new AbortController().signal) =>
    client.postJson(url, '{"hello":"world"}', { 'x-extra': '1' }, signal);

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.respond((_req, res) => res.writeHead(204).end());
  });

  it('POSTs the JSON body with its headers and reports a 2xx as delivered', async () => {
    await expect(post(local, `${receiver.origin}/hook?x=1`)).resolves.toEqual({ ok: true, statusCode: 204 });
    expect(receiver.requests).toHaveLength(1);
    const [req] = receiver.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/hook?x=1', body: '{"hello":"world"}' });
    expect(req.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'x-extra': '1',
      'content-length': '17',
    });
  });

  it('reports a 500 as retryable, with what the receiver said', async () => {
    receiver.respond((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('database\ndown'));
    await expect(post(local, `${receiver.origin}/hook`)).resolves.toEqual({
      ok: false,
      retryable: true,
      statusCode: 500,
      error: 'HTTP 500: database down',
    });
  });

  it('reports a 429 as retryable after the seconds of Retry-After', async () => {
    receiver.respond((_req, res) => res.writeHead(429, { 'retry-after': '30' }).end());
    await expect(post(local, `${receiver.origin}/hook`)).resolves.toEqual({
      ok: false,
      retryable: true,
      statusCode: 429,
      retryAfterMs: 30_000,
      error: 'HTTP 429',
    });
  });

  it('reads a Retry-After date on a 503', async () => {
    const at = new Date(Date.now() + 120_000).toUTCString();
    receiver.respond((_req, res) => res.writeHead(503, { 'retry-after': at }).end());
    const result = await post(local, `${receiver.origin}/hook`);
    expect(result).toMatchObject({ ok: false, retryable: true, statusCode: 503 });
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(0);
    expect(result.ok === false && result.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('reports a 408 as retryable', async () => {
    receiver.respond((_req, res) => res.writeHead(408).end());
    await expect(post(local, `${receiver.origin}/hook`)).resolves.toMatchObject({ ok: false, retryable: true, statusCode: 408 });
  });

  it.each([400, 401, 404, 410])('reports a %i as not retryable', async (status) => {
    receiver.respond((_req, res) => res.writeHead(status).end('invalid_payload'));
    await expect(post(local, `${receiver.origin}/hook`)).resolves.toEqual({
      ok: false,
      retryable: false,
      statusCode: status,
      error: `HTTP ${status}: invalid_payload`,
    });
  });

  it('does not follow a redirect', async () => {
    receiver.respond((req, res) =>
      req.path === '/hook' ? res.writeHead(302, { location: '/elsewhere' }).end() : res.writeHead(204).end(),
    );
    await expect(post(local, `${receiver.origin}/hook`)).resolves.toEqual({
      ok: false,
      retryable: false,
      statusCode: 302,
      error: 'HTTP 302: redirects are not followed',
    });
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);
  });

  it('keeps only the start of a long error body', async () => {
    receiver.respond((_req, res) => res.writeHead(400).end('e'.repeat(100_000)));
    const result = await post(local, `${receiver.origin}/hook`);
    expect(result.ok === false && result.error.length).toBeLessThan(220);
  });

  it('gives up on a receiver that never answers, as a retryable timeout', async () => {
    receiver.respond(() => undefined);
    const impatient = new OutboundHttpClient({ allowPrivateTargets: true, production: false, httpTimeoutMs: 300 });
    await expect(post(impatient, `${receiver.origin}/hook`)).resolves.toEqual({
      ok: false,
      retryable: true,
      error: 'timed out after 300 ms',
    });
  });

  it('stops when the caller aborts', async () => {
    receiver.respond(() => undefined);
    const controller = new AbortController();
    const pending = post(local, `${receiver.origin}/hook`, controller.signal);
    await waitFor(() => receiver.requests.length === 1);
    controller.abort();
    await expect(pending).resolves.toEqual({ ok: false, retryable: true, error: 'aborted before the target answered' });
  });

  it('reports a refused connection as retryable', async () => {
    const port = await closedPort();
    await expect(post(local, `http://127.0.0.1:${port}/hook`)).resolves.toEqual({
      ok: false,
      retryable: true,
      error: 'request failed: ECONNREFUSED',
    });
  });

  it('connects to the address it vetted, whatever the name resolves to later (no DNS rebinding)', async () => {
    let lookups = 0;
    const resolver: HostResolver = async () => {
      lookups += 1;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const client = new OutboundHttpClient({ allowPrivateTargets: true, production: false }, resolver);
    // hooks.rebind.test exists in no DNS: only the pinned lookup can take the socket to 127.0.0.1.
    await expect(post(client, `http://hooks.rebind.test:${receiver.port}/hook`)).resolves.toEqual({ ok: true, statusCode: 204 });
    expect(lookups).toBe(1);
    expect(receiver.requests[0].headers.host).toBe(`hooks.rebind.test:${receiver.port}`);
  });

  describe('SSRF guard (private targets not allowed)', () => {
    const guarded = (resolver?: HostResolver) => new OutboundHttpClient({ allowPrivateTargets: false, production: false }, resolver);

    it.each([
      ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/hook`, 'loopback'],
      ['::1', (port: number) => `http://[::1]:${port}/hook`, 'loopback'],
      ['10.x', () => 'http://10.0.0.1/hook', 'private'],
      ['the metadata service', () => 'http://169.254.169.254/latest/meta-data/', 'linkLocal'],
      ['fd00::', () => 'http://[fd00::1]/hook', 'uniqueLocal'],
    ])('refuses %s for good without connecting', async (_name, url, range) => {
      await expect(post(guarded(), url(receiver.port))).resolves.toEqual({
        ok: false,
        retryable: false,
        error: `refused: the URL must not point at a non-public address (${range})`,
      });
      expect(receiver.requests).toHaveLength(0);
    });

    it('refuses localhost by name', async () => {
      await expect(post(guarded(), `http://localhost:${receiver.port}/hook`)).resolves.toEqual({
        ok: false,
        retryable: false,
        error: 'refused: the URL must not point at a local host name',
      });
      expect(receiver.requests).toHaveLength(0);
    });

    it('refuses a public-looking name that resolves to loopback', async () => {
      const resolver: HostResolver = async () => [{ address: '127.0.0.1', family: 4 }];
      await expect(post(guarded(resolver), `http://hooks.example.test:${receiver.port}/hook`)).resolves.toEqual({
        ok: false,
        retryable: false,
        error: 'refused: the target resolves to a non-public address (loopback)',
      });
      expect(receiver.requests).toHaveLength(0);
    });

    it('refuses what the system resolver says is loopback', async () => {
      // Straight to vetHost, past the by-name refusal of `localhost`: real DNS (/etc/hosts) answers.
      await expect(vetHost('localhost', { allowPrivate: false }, dnsResolver)).resolves.toMatchObject({ ok: false, retryable: false });
    });

    it('refuses plain http in production', async () => {
      const production = new OutboundHttpClient({ allowPrivateTargets: true, production: true });
      await expect(post(production, `${receiver.origin}/hook`)).resolves.toEqual({
        ok: false,
        retryable: false,
        error: 'refused: the URL must use https',
      });
      expect(receiver.requests).toHaveLength(0);
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition not met');
}

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
