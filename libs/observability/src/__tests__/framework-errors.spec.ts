import { connect } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { fastifyServerOptions, type FrameworkProblemRenderer } from '../bootstrap/framework-errors';

// Errors Fastify answers before any hook or filter (router, HTTP parser) are problem+json
// with a request id, like every other error; found by the fuzz suite (tools/fuzz).

let app: FastifyInstance;
let port: number;

/** An app's own shape under /own/ (the gateway does this for its OpenAI-compatible /v1/). */
const renderer: FrameworkProblemRenderer = (url, problem) =>
  url.startsWith('/own/')
    ? { contentType: 'application/json', body: JSON.stringify({ error: { code: problem.code, status: problem.status } }) }
    : undefined;

beforeAll(async () => {
  app = Fastify(fastifyServerOptions(renderer));
  app.get('/items/:id', async (request) => ({ id: (request.params as { id: string }).id }));
  app.get('/own/:id', async (request) => ({ id: (request.params as { id: string }).id }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await app.close();
});

/** Writes raw bytes on a fresh connection and returns everything the server wrote back. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('router errors', () => {
  it('answers a path parameter over 100 characters with 414 problem+json, echoing a valid x-request-id', async () => {
    const response = await app.inject({ method: 'GET', url: `/items/${'a'.repeat(5000)}`, headers: { 'x-request-id': 'trace-me' } });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-request-id']).toBe('trace-me');
    expect(response.json()).toEqual({
      type: 'urn:parley:problem:uri-too-long',
      title: 'URI Too Long',
      status: 414,
      code: 'URI_TOO_LONG',
      detail: 'A path segment is longer than the server accepts.',
      requestId: 'trace-me',
    });
  });

  it('answers malformed percent-encoding with 400 problem+json and a generated request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/items/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'urn:parley:problem:invalid-url', status: 400, code: 'INVALID_URL' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it("uses the app's own shape where its renderer says so", async () => {
    const response = await app.inject({ method: 'GET', url: `/own/${'a'.repeat(500)}` });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ error: { code: 'URI_TOO_LONG', status: 414 } });
    expect(response.headers['x-request-id']).toBeDefined();
  });

  it('leaves valid paths alone', async () => {
    expect((await app.inject({ method: 'GET', url: '/items/abc' })).json()).toEqual({ id: 'abc' });
  });
});

describe('HTTP parser errors', () => {
  it('answers headers over the limit with 431 problem+json', async () => {
    const answer = await raw(`GET /items/1 HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head).toContain('content-type: application/problem+json');
    expect(head).toMatch(/x-request-id: [0-9a-f-]{36}/);
    expect(JSON.parse(body)).toMatchObject({ type: 'urn:parley:problem:headers-too-large', status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it("reads the request target from the unparsed bytes for the app's own shape", async () => {
    const answer = await raw(`POST /own/x HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toContain('content-type: application/json');
    expect(JSON.parse(body)).toEqual({ error: { code: 'HEADERS_TOO_LARGE', status: 431 } });
  });

  it('answers a malformed request line with 400 problem+json', async () => {
    const answer = await raw('GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ type: 'urn:parley:problem:bad-request', status: 400 });
  });
});
