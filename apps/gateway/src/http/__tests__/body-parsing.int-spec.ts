import { testEnvironment } from '@parley/testing';
import { ProbeController } from './support/probe.controller';
import { ProvisioningResponder, type FakeKey } from './support/provisioning-responder';
import { startGateway, testGatewayConfig, testNamespace, type RunningGateway } from './support/gateway-test-app';

// The gateway's body parsing on the real Fastify instance (in-process AppModule, real NATS and
// Redis): every hostile body is a 4xx problem+json with a stable type, before any route runs.
jest.setTimeout(60_000);

let gateway: RunningGateway;
let responder: ProvisioningResponder;
let key: FakeKey;

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

async function post(path: string, body: string | Buffer, headers: Record<string, string>) {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

beforeAll(async () => {
  const namespace = testNamespace('body');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  const tenant = responder.addTenant('active');
  key = await responder.addKey(tenant.id);
  gateway = await startGateway(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000' }), [ProbeController]);
});

afterAll(async () => {
  await gateway?.close();
  await responder?.close();
});

describe('JSON bodies', () => {
  const json = () => ({ 'x-api-key': key.key, 'content-type': 'application/json' });

  it('answers the 20,000-level nested body (a 500 before) with 400 problem+json json-too-deep, on any route, before auth', async () => {
    const deep = `{"message":${nested(20_000)}}`;
    for (const [path, headers] of [
      ['/probe/body', json()],
      ['/api/v1/chat', { 'content-type': 'application/json' }],
      ['/api/v1/auth/login', { 'content-type': 'application/json' }],
    ] as const) {
      const response = await post(path, deep, headers);
      expect(response.status).toBe(400);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toEqual({
        type: 'urn:parley:problem:json-too-deep',
        title: 'Bad request',
        status: 400,
        code: 'JSON_TOO_DEEP',
        detail: 'The request body is nested deeper than 64 levels.',
        requestId: response.requestId,
      });
    }
  });

  it('parses a body at the bound and lets the route validate it', async () => {
    const atBound = `{"name":"x","count":1,"tags":${nested(63)}}`;
    const response = await post('/probe/body', atBound, json());
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'urn:parley:problem:validation', errors: [expect.objectContaining({ path: 'tags.0' })] });
  });

  it.each([
    ['malformed JSON', 'urn:parley:problem:invalid-json', '{"name":'],
    ['a repeated member name', 'urn:parley:problem:json-duplicate-key', '{"name":"a","count":1,"name":"b"}'],
    ['a repeated member name spelled with an escape', 'urn:parley:problem:json-duplicate-key', '{"name":"a","count":1,"\\u006eame":"b"}'],
    ['__proto__', 'urn:parley:problem:invalid-json', '{"name":"a","count":1,"__proto__":{"admin":true}}'],
    ['constructor.prototype', 'urn:parley:problem:invalid-json', '{"name":"a","count":1,"constructor":{"prototype":{}}}'],
  ])('answers %s with 400 %s', async (_name, type, body) => {
    const response = await post('/probe/body', body, json());
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe(type);
  });

  it('answers invalid UTF-8 with 400 invalid-utf8, never U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('","count":1}')]);
    const response = await post('/probe/body', bytes, json());
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:parley:problem:invalid-utf8');
  });

  it.each([
    ['a charset other than UTF-8', { 'content-type': 'application/json; charset=iso-8859-1' }],
    ['UTF-16', { 'content-type': 'application/json; charset=utf-16' }],
    ['a compressed body', { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    ['XML', { 'content-type': 'application/xml' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['a JSON-looking vendor type', { 'content-type': 'application/vnd.api+json' }],
  ])('answers %s with 415 problem+json', async (_name, headers) => {
    const response = await post('/probe/body', '{"name":"a","count":1}', { 'x-api-key': key.key, ...headers });
    expect(response.status).toBe(415);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'urn:parley:problem:unsupported-media-type', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('still accepts a well-formed UTF-8 body with an explicit charset', async () => {
    const response = await post('/probe/body', '{"name":"é ✓","count":1}', {
      ...json(),
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ received: { name: 'é ✓', count: 1 } });
  });

  it('answers text no service can store (NUL, lone surrogates; a 500 from PostgreSQL before) with 400 VALIDATION naming each field', async () => {
    const response = await post('/probe/body', '{"name":"a\\u0000b","count":1,"tags":["ok","\\ud800"]}', json());
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      type: 'urn:parley:problem:validation',
      errors: [
        { path: 'name', message: 'must not contain NUL (U+0000) characters' },
        { path: 'tags.1', message: 'must be valid Unicode text (no lone surrogates)' },
      ],
    });
    const text = await post('/probe/body', Buffer.from('hello \u0000 there'), { 'x-api-key': key.key, 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(text.body).toMatchObject({ type: 'urn:parley:problem:validation', errors: [{ path: '(body)' }] });
  });

  it('refuses NUL in a query string or a path parameter with 400 VALIDATION, before authentication', async () => {
    for (const path of ['/api/v1/chat/probe?search=%00', '/api/v1/chat/probe?a=1&search=x%00y']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        type: 'urn:parley:problem:validation',
        errors: [{ path: 'search', message: 'must not contain NUL (U+0000) characters' }],
      });
    }
    const param = await post('/api/v1/sessions/a%00b/probe', '{}', { 'content-type': 'application/json' });
    expect(param.status).toBe(400);
    expect(param.body).toMatchObject({ type: 'urn:parley:problem:validation', errors: [{ path: 'id' }] });
  });

  it('answers the OpenAI-compatible route in its own error shape with the same code', async () => {
    const response = await post('/v1/chat/completions', `{"messages":${nested(20_000)}}`, json());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: expect.objectContaining({ code: 'json_too_deep', type: 'invalid_request_error' }) });
  });
});
