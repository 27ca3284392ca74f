import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { repoPath } from './support/repo-files.util';

// scripts/container-check/chat-turn.mjs, the chat turn of the container check, run for real
// against a local HTTP server that answers as the gateway does (or refuses).

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

let server: Server;
let base: string;
let handler: Handler;
const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (seen.length = 0));

function chatTurn(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [repoPath('scripts/container-check/chat-turn.mjs'), ...args], { timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const json = (res: ServerResponse, status: number, value: unknown, type = 'application/json') => {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(value));
};

describe('scripts/container-check/chat-turn.mjs', () => {
  it('opens a session with the API key, chats with the session token and prints the answer', async () => {
    handler = (req, _body, res) => {
      if (req.url === '/api/v1/sessions') return json(res, 201, { session_id: 's1', token: 'tok-1' });
      return json(res, 200, { message_id: 'm-1', content: 'A plumber can come today between 2 and 4 pm.', usage: {} });
    };
    const result = await chatTurn(base, 'sk_live_test', 'My boiler is leaking');
    expect(result).toEqual({ code: 0, stdout: 'm-1 44 chars: A plumber can come today between 2 and\n', stderr: '' });
    expect(seen.map((r) => [r.method, r.url])).toEqual([
      ['POST', '/api/v1/sessions'],
      ['POST', '/api/v1/chat'],
    ]);
    expect(seen[0].headers['x-api-key']).toBe('sk_live_test');
    expect(seen[1].headers.authorization).toBe('Bearer tok-1');
    expect(JSON.parse(seen[1].body)).toEqual({ message: 'My boiler is leaking' });
  });

  it('fails naming the refused call and its problem', async () => {
    handler = (_req, _body, res) =>
      json(res, 401, { type: 'https://parley.dev/problems/unauthorized', status: 401, title: 'Unauthorized' }, 'application/problem+json');
    const result = await chatTurn(base, 'sk_live_wrong');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^chat turn failed: POST \/api\/v1\/sessions -> 401 .*unauthorized/);
    expect(seen).toHaveLength(1);
  });

  it('fails when the answer has no content', async () => {
    handler = (req, _body, res) =>
      req.url === '/api/v1/sessions' ? json(res, 201, { token: 't' }) : json(res, 200, { message_id: 'm', content: '  ' });
    const result = await chatTurn(base, 'sk_live_test');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('answered without content or message_id');
  });

  it('refuses to run without a gateway and a key (exit 64)', async () => {
    const result = await chatTurn();
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('usage: chat-turn.mjs <gateway-url> <api-key> [message]');
  });
});
