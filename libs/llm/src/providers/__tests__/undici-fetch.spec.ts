import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import OpenAI from 'openai';
import { classifyProviderError } from '../../llm.errors';
import { createUndiciFetch } from '../undici-fetch';

// createUndiciFetch against a local server: what the OpenAI SDK and the router rely on.
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

describe('createUndiciFetch', () => {
  let server: Server;
  let url: string;
  let handler: Handler;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => handler(req, res, body));
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (connections = 0));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const streamed: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req-1' });
    res.write(chunk('Hello'));
    res.write(chunk(' there'));
    res.write('data: [DONE]\n\n');
    // The end of the body comes a moment after [DONE], as from a real server: the SDK stops reading before it.
    setTimeout(() => res.end(), 20);
  };

  it('streams an SDK chat completion and reuses the keep-alive connection after the SDK stops at [DONE]', async () => {
    handler = streamed;
    const sdk = new OpenAI({
      apiKey: 'sk-test',
      baseURL: `${url}/v1`,
      maxRetries: 0,
      fetch: createUndiciFetch() as unknown as typeof fetch,
    });
    for (let i = 0; i < 3; i++) {
      const stream = await sdk.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true });
      let text = '';
      for await (const part of stream) text += part.choices[0]?.delta.content ?? '';
      expect(text).toBe('Hello there');
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    expect(connections).toBe(1);
  });

  it('sends the method, the headers and the body, and answers status, headers and text', async () => {
    let seen: { method?: string; auth?: string; type?: string; length?: string; body?: string } = {};
    handler = (req, res, body) => {
      seen = {
        method: req.method,
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        length: req.headers['content-length'],
        body,
      };
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"no such model"}}');
    };
    const fetch = createUndiciFetch();
    const headers = new Headers({ authorization: 'Bearer sk-test', 'content-type': 'application/json' });
    const response = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers, body: '{"model":"é"}' });
    expect(seen).toEqual({ method: 'POST', auth: 'Bearer sk-test', type: 'application/json', length: '14', body: '{"model":"é"}' });
    expect(response).toMatchObject({ ok: false, status: 404 });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ error: { message: 'no such model' } });
    expect(response.bodyUsed).toBe(true);
  });

  it('rejects with the connection error that the router classifies as connection_error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createUndiciFetch()(`http://127.0.0.1:${port}/v1/chat/completions`, { method: 'POST', body: '{}' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(classifyProviderError(error)).toBe('connection_error');
  });

  it('rejects with an AbortError when aborted before the answer, and the server sees the request go', async () => {
    let gone!: () => void;
    const closedByClient = new Promise<void>((resolve) => (gone = resolve));
    handler = (_req, res) => res.on('close', gone);
    const controller = new AbortController();
    const pending = createUndiciFetch()(`${url}/slow`, { method: 'POST', body: '{}', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await closedByClient;
  });

  it('fails a body being read when aborted mid-stream and closes the connection', async () => {
    let socketClosed!: Promise<void>;
    handler = (req, res) => {
      socketClosed = new Promise((resolve) => req.socket.once('close', () => resolve()));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('partial'));
    };
    const controller = new AbortController();
    const response = await createUndiciFetch()(`${url}/hang`, { method: 'POST', body: '{}', signal: controller.signal });
    const reader = response.body[Symbol.asyncIterator]();
    expect((await reader.next()).done).toBe(false);
    const next = reader.next();
    controller.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    await socketClosed;
  });

  it('fails the read when the server drops the connection mid-body', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('partial'), () => setTimeout(() => req.socket.destroy(), 10));
    };
    const response = await createUndiciFetch()(`${url}/drop`, { method: 'POST', body: '{}' });
    const reader = response.body[Symbol.asyncIterator]();
    expect((await reader.next()).done).toBe(false);
    const error = await reader.next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(classifyProviderError(error)).toBe('connection_error');
  });

  it('closes a body that goes on after the reader stopped, once drainMs has passed', async () => {
    let socket!: Socket;
    handler = (req, res) => {
      socket = req.socket;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('one'));
      const timer = setInterval(() => res.write(chunk('more')), 10);
      res.on('close', () => clearInterval(timer));
    };
    const response = await createUndiciFetch({ drainMs: 60 })(`${url}/endless`, { method: 'POST', body: '{}' });
    const reader = response.body[Symbol.asyncIterator]();
    await reader.next();
    await reader.return?.();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(socket.destroyed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(socket.destroyed).toBe(true);
  });

  it('refuses a body it cannot send as it is', async () => {
    await expect(createUndiciFetch()(`${url}/x`, { method: 'POST', body: new Blob(['x']) })).rejects.toThrow(TypeError);
  });
  it("closes an idle keep-alive socket before the server's Keep-Alive hint runs out, not while a body pauses", async () => {
    // The server (keepAliveTimeout 5 s) announces timeout=3: the client hangs up first (at the hint
    // less 2 s), so it does not send a request on a socket the server is closing (ECONNRESET).
    let serverSocket!: Socket;
    handler = (req, res) => {
      serverSocket = req.socket;
      res.writeHead(200, { 'content-type': 'application/json', 'keep-alive': 'timeout=3' });
      res.write('{"a":');
      setTimeout(() => res.end('1}'), 1_500);
    };
    const clientHungUp = () => new Promise<void>((resolve) => serverSocket.once('end', resolve));
    const response = await createUndiciFetch()(`${url}/idle`, { method: 'POST', body: '{}' });
    const hungUp = clientHungUp();
    // A pause in the body longer than that is not an idle socket.
    expect(await response.json()).toEqual({ a: 1 });
    await hungUp;
    expect(serverSocket.destroyed || serverSocket.readableEnded).toBe(true);
  });

  it('follows redirects as fetch does: 307 keeps the method and body, 301 after a POST turns it into a GET', async () => {
    const seen: string[] = [];
    handler = (req, res, body) => {
      seen.push(`${req.method} ${req.url} ${body}`);
      if (req.url === '/old') res.writeHead(307, { location: '/v1/chat/completions' }).end();
      else if (req.url === '/moved') res.writeHead(301, { location: `${url}/v1/models` }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(`{"at":"${req.url}"}`);
    };
    const fetch = createUndiciFetch();
    expect(await (await fetch(`${url}/old`, { method: 'POST', body: '{"a":1}' })).json()).toEqual({ at: '/v1/chat/completions' });
    expect(await (await fetch(`${url}/moved`, { method: 'POST', body: '{"a":1}' })).json()).toEqual({ at: '/v1/models' });
    expect(seen).toEqual(['POST /old {"a":1}', 'POST /v1/chat/completions {"a":1}', 'POST /moved {"a":1}', 'GET /v1/models ']);
  });

  it('asks for and decodes gzip bodies: a streamed SDK completion and an error answer', async () => {
    const encodings: Array<string | undefined> = [];
    handler = (req, res) => {
      encodings.push(req.headers['accept-encoding']);
      if (req.url === '/v1/models/m') {
        res.writeHead(401, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync('{"error":{"message":"bad key"}}'));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
      res.end(gzipSync(chunk('Hello') + chunk(' there') + 'data: [DONE]\n\n'));
    };
    const sdk = new OpenAI({
      apiKey: 'sk-test',
      baseURL: `${url}/v1`,
      maxRetries: 0,
      fetch: createUndiciFetch() as unknown as typeof fetch,
    });
    const stream = await sdk.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    for await (const part of stream) text += part.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello there');
    await expect(sdk.models.retrieve('m')).rejects.toMatchObject({ status: 401, message: expect.stringContaining('bad key') });
    expect(encodings).toEqual(['gzip, deflate, br', 'gzip, deflate, br']);
  });

  // (That no process warning reaches stderr is checked where it shows: tools/services-boot.int-spec.ts.)
  it('decodes deflate and br bodies read whole (json, text, arrayBuffer)', async () => {
    handler = (req, res) => {
      const json = JSON.stringify({ path: req.url });
      if (req.url === '/deflate') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
        res.end(deflateSync(json));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
      res.end(brotliCompressSync(json));
    };
    const fetch = createUndiciFetch();
    expect(await (await fetch(`${url}/deflate`)).json()).toEqual({ path: '/deflate' });
    expect(await (await fetch(`${url}/br`)).text()).toBe('{"path":"/br"}');
    const bytes = await (await fetch(`${url}/br`)).arrayBuffer();
    expect(Buffer.from(bytes).toString('utf8')).toBe('{"path":"/br"}');
  });
});
