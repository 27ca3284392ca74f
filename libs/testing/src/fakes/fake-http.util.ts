import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// What the fake shops (fake-shopify.server.ts, fake-woocommerce.server.ts) share: the request
// log tests read (a cache hit shows as no new entry), the faults a test switches on, and the
// small HTTP helpers.

export interface FakeRequestLogEntry {
  method: string;
  /** The path without the query string. */
  path: string;
  query: Record<string, string>;
  /** The GraphQL operation name (Shopify), when there was one. */
  operation: string | null;
  /** The status the fake answered with. */
  status: number;
}

/** Faults a test switches on; each counter is used up one request at a time. */
export interface FakeFaults {
  /** Answer the next N requests with the shop's throttling answer. */
  throttleNext: number;
  /** Seconds the throttling answer asks to wait. */
  retryAfterSeconds: number;
  /** Answer the next N requests with HTTP 500. */
  serverErrorNext: number;
  /** Wait this long before answering every request (a timeout test aborts first). */
  delayMs: number;
}

export function noFaults(): FakeFaults {
  return { throttleNext: 0, retryAfterSeconds: 2, serverErrorNext: 0, delayMs: 0 };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Waits `ms`, or less when the client goes away first (then resolves false). */
export function delayUnlessClosed(ms: number, res: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
