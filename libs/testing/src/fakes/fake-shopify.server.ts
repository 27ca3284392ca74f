import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  closeServer,
  delayUnlessClosed,
  type FakeFaults,
  type FakeRequestLogEntry,
  listen,
  noFaults,
  queryObject,
  readBody,
  sendJson,
} from './fake-http.util';
import { answerGraphql, type GraphqlRequestBody, operationName } from './fake-shopify.graphql';
import { type FakeShopifyData, seedFakeShopify } from './fake-shopify.seed';

// A fake Shopify shop for tests and the demo: the GraphQL Admin API endpoint
// (POST /admin/api/{version}/graphql.json) with X-Shopify-Access-Token auth, a seeded
// catalogue and orders, Shopify's throttling answer (HTTP 200, THROTTLED, extensions.cost), a
// 500 and a slow mode on demand, and a log of every request.

export const FAKE_SHOPIFY_TOKEN = 'shpat_fake_parley_demo_token';

export interface FakeShopifyOptions {
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
  accessToken?: string;
}

export interface FakeShopifyState {
  data: FakeShopifyData;
  faults: FakeFaults;
  requests: FakeRequestLogEntry[];
}

export interface FakeShopify {
  /** The shop's base URL (what a tenant enters as https://<shop>.myshopify.com). */
  url: string;
  accessToken: string;
  state: FakeShopifyState;
  /** Restores the seeded data, clears the faults and the request log. */
  reset(): void;
  close(): Promise<void>;
}

const GRAPHQL_PATH = /^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/;
const THROTTLE_COST = 252;
const RESTORE_RATE = 100;

function throttledAnswer(retryAfterSeconds: number): unknown {
  return {
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
    extensions: {
      cost: {
        requestedQueryCost: THROTTLE_COST,
        actualQueryCost: null,
        throttleStatus: {
          maximumAvailable: 2000,
          currentlyAvailable: Math.max(0, THROTTLE_COST - retryAfterSeconds * RESTORE_RATE),
          restoreRate: RESTORE_RATE,
        },
      },
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, fake: FakeShopify, token: string): Promise<void> {
  const url = new URL(req.url ?? '/', fake.url);
  const entry: FakeRequestLogEntry = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: queryObject(url),
    operation: null,
    status: 0,
  };
  fake.state.requests.push(entry);
  const reply = (status: number, body: unknown, headers?: Record<string, string>): void => {
    entry.status = status;
    if (!res.destroyed) sendJson(res, status, body, headers);
  };
  const raw = await readBody(req);
  if (!GRAPHQL_PATH.test(url.pathname)) return reply(404, { errors: 'Not Found' });
  if (req.method !== 'POST') return reply(405, { errors: 'Method Not Allowed' });
  if (req.headers['x-shopify-access-token'] !== token) {
    return reply(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  }
  let body: GraphqlRequestBody;
  try {
    body = JSON.parse(raw) as GraphqlRequestBody;
  } catch {
    return reply(400, { errors: { query: 'Required parameter missing or invalid' } });
  }
  entry.operation = operationName(body);
  const { faults } = fake.state;
  if (!(await delayUnlessClosed(faults.delayMs, res))) {
    entry.status = -1;
    return;
  }
  if (faults.serverErrorNext > 0) {
    faults.serverErrorNext -= 1;
    return reply(500, { errors: 'Internal Server Error' });
  }
  if (faults.throttleNext > 0) {
    faults.throttleNext -= 1;
    return reply(200, throttledAnswer(faults.retryAfterSeconds));
  }
  const answer = answerGraphql(body, fake.state.data, fake.url);
  reply(200, {
    ...answer,
    extensions: {
      cost: {
        requestedQueryCost: 12,
        actualQueryCost: 6,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1994, restoreRate: RESTORE_RATE },
      },
    },
  });
}

/** Starts a fake Shopify shop; `close()` it when done. */
export async function startFakeShopify(options: FakeShopifyOptions = {}): Promise<FakeShopify> {
  const token = options.accessToken ?? FAKE_SHOPIFY_TOKEN;
  const server: Server = createServer();
  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const fake: FakeShopify = {
    url,
    accessToken: token,
    state: { data: seedFakeShopify(), faults: noFaults(), requests: [] },
    reset() {
      fake.state.data = seedFakeShopify();
      fake.state.faults = noFaults();
      fake.state.requests.length = 0;
    },
    close: () => closeServer(server),
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, fake, token).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { errors: 'Internal Server Error' });
    });
  });
  return fake;
}
