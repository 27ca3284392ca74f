import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type FakeHandler = (request: RecordedRequest, response: http.ServerResponse) => void;

export interface FakeSystem {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: RecordedRequest[];
  /** Answers METHOD + path (without the query); a later route for the same key replaces the earlier. */
  route(method: string, path: string, handler: FakeHandler): void;
  hits(path: string): number;
  close(): Promise<void>;
}

export function json(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A tenant's system on loopback: routes by method and path, records every request, 404 for the rest. */
export async function startFakeSystem(): Promise<FakeSystem> {
  const routes = new Map<string, FakeHandler>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const path = new URL(recorded.url, 'http://x').pathname;
      const handler = routes.get(`${recorded.method} ${path}`);
      if (handler) handler(recorded, res);
      else json(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (method, path, handler) => routes.set(`${method} ${path}`, handler),
    hits: (path) => requests.filter((r) => new URL(r.url, 'http://x').pathname === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
