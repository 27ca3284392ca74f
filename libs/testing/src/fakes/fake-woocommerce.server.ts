import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  closeServer,
  delayUnlessClosed,
  type FakeFaults,
  type FakeRequestLogEntry,
  listen,
  noFaults,
  queryObject,
  sendJson,
} from './fake-http.util';
import { answerWooRoute, wpError } from './fake-woocommerce.routes';
import { type FakeWooData, seedFakeWooCommerce } from './fake-woocommerce.seed';

// A fake WooCommerce store for tests and the demo: the REST API v3 read routes Parley uses
// (products, variations, current currency, orders) and the Shipment Tracking extension's
// order trackings, behind basic auth with a consumer key and secret (WooCommerce's 401 bodies
// when they are wrong), a seeded store, 429 with Retry-After, 500 and a slow mode on demand,
// and a log of every request.

export const FAKE_WOO_CONSUMER_KEY = 'ck_fake_parley_demo_key';
export const FAKE_WOO_CONSUMER_SECRET = 'cs_fake_parley_demo_secret';

export interface FakeWooCommerceOptions {
  port?: number;
  host?: string;
  consumerKey?: string;
  consumerSecret?: string;
}

export interface FakeWooCommerceState {
  data: FakeWooData;
  faults: FakeFaults;
  requests: FakeRequestLogEntry[];
  /** false: the Shipment Tracking extension is not installed (its routes are 404 rest_no_route). */
  shipmentTrackingInstalled: boolean;
}

export interface FakeWooCommerce {
  /** The WordPress site URL. */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  state: FakeWooCommerceState;
  reset(): void;
  close(): Promise<void>;
}

function credentials(req: IncomingMessage): [string, string] | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

async function handle(req: IncomingMessage, res: ServerResponse, fake: FakeWooCommerce): Promise<void> {
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
  const answerError = (a: { status: number; body: unknown }): void => reply(a.status, a.body);
  if (!url.pathname.startsWith('/wp-json/')) return reply(404, { code: 'not_found', message: 'Not Found', data: { status: 404 } });
  if (req.method !== 'GET') return answerError(wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.'));
  const given = credentials(req);
  if (!given) return answerError(wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'));
  if (given[0] !== fake.consumerKey) return answerError(wpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.'));
  if (given[1] !== fake.consumerSecret)
    return answerError(wpError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.'));
  const { faults } = fake.state;
  if (!(await delayUnlessClosed(faults.delayMs, res))) {
    entry.status = -1;
    return;
  }
  if (faults.serverErrorNext > 0) {
    faults.serverErrorNext -= 1;
    return answerError(wpError(500, 'internal_server_error', 'There has been a critical error on this website.'));
  }
  if (faults.throttleNext > 0) {
    faults.throttleNext -= 1;
    const a = wpError(429, 'too_many_requests', 'Too many requests. Please wait and try again.');
    return reply(a.status, a.body, { 'retry-after': String(faults.retryAfterSeconds) });
  }
  const ctx = { data: fake.state.data, siteUrl: fake.url, shipmentTrackingInstalled: fake.state.shipmentTrackingInstalled };
  const answer = answerWooRoute(ctx, url.pathname, url.searchParams);
  reply(answer.status, answer.body, answer.headers);
}

/** Starts a fake WooCommerce store; `close()` it when done. */
export async function startFakeWooCommerce(options: FakeWooCommerceOptions = {}): Promise<FakeWooCommerce> {
  const server: Server = createServer();
  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const fresh = (): FakeWooCommerceState => ({
    data: seedFakeWooCommerce(),
    faults: noFaults(),
    requests: [],
    shipmentTrackingInstalled: true,
  });
  const fake: FakeWooCommerce = {
    url,
    consumerKey: options.consumerKey ?? FAKE_WOO_CONSUMER_KEY,
    consumerSecret: options.consumerSecret ?? FAKE_WOO_CONSUMER_SECRET,
    state: fresh(),
    reset() {
      const next = fresh();
      fake.state.data = next.data;
      fake.state.faults = next.faults;
      fake.state.requests.length = 0;
      fake.state.shipmentTrackingInstalled = true;
    },
    close: () => closeServer(server),
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, fake).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal_server_error', message: 'fake store error', data: { status: 500 } });
    });
  });
  return fake;
}
