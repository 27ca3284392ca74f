import type { IntegrationDefinition } from '@parley/contracts';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../connector.types';
import { noSignal, restIntegration } from '../../__tests__/integration.fixture';
import { RestConnector } from '../rest.connector';

/** Records each request and answers with the next scripted response. */
class RecordingTransport implements HttpTransport {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly answers: HttpResponse[]) {}
  async send(_integration: IntegrationDefinition, request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    return this.answers.shift() ?? { status: 200, headers: {}, json: {} };
  }
}

const ok = (json: unknown): HttpResponse => ({ status: 200, headers: {}, json });
const options = { signal: noSignal(), settings: {} };

describe('RestConnector', () => {
  it('builds the URL under the base path and leaves out the contact the visitor did not give', async () => {
    const transport = new RecordingTransport([ok({ orderNumber: '7', status: 'paid' })]);
    const integration = restIntegration('https://api.shop.example/v1/', [
      {
        name: 'order',
        serves: 'order_status',
        path: '/orders/{order_number}',
        query: { email: '{email}', phone: '{phone}', src: 'parley' },
      },
    ]);
    await new RestConnector(transport).call(integration, 'order_status', { order_number: '#7', phone: '+43 660 1234567' }, options);
    expect(transport.requests[0].url.toString()).toBe('https://api.shop.example/v1/orders/7?phone=%2B43+660+1234567&src=parley');
  });

  it('sends a typed JSON body for POST, with the configured headers', async () => {
    const transport = new RecordingTransport([ok({ items: [] })]);
    const integration = restIntegration(
      'https://api.shop.example',
      [
        {
          name: 'search',
          serves: 'product_search',
          method: 'POST',
          path: '/search',
          body: { text: '{query}', max: '{limit}', note: 'q={query}' },
        },
      ],
      { type: 'none' },
      { headers: { 'X-Store': '12' } },
    );
    await new RestConnector(transport).call(integration, 'product_search', { query: 'mug', limit: 4 }, options);
    expect(transport.requests[0]).toMatchObject({
      method: 'POST',
      json: { text: 'mug', max: 4, note: 'q=mug' },
      headers: { 'X-Store': '12' },
    });
  });

  it.each([
    [{ status: 200, headers: {}, json: null }, 'upstream_error', 'the answer of "d" is not JSON'],
    [
      { status: 302, headers: { location: 'http://10.0.0.1/' }, json: null },
      'upstream_error',
      'the system answered with a redirect (HTTP 302), which is not followed',
    ],
    [{ status: 429, headers: { 'retry-after': '3' }, json: null }, 'rate_limited', 'the system asked us to slow down (HTTP 429)'],
    [{ status: 422, headers: {}, json: {} }, 'upstream_error', 'the system refused the request (HTTP 422)'],
  ])('classifies %j', async (answer, failure, message) => {
    const integration = restIntegration('https://api.shop.example', [{ name: 'd', serves: 'product_details', path: '/p/{product}' }]);
    await expect(
      new RestConnector(new RecordingTransport([answer])).call(integration, 'product_details', { product: 'x' }, options),
    ).rejects.toMatchObject({
      failure,
      message,
    });
  });

  it('reads Retry-After into the failure', async () => {
    const integration = restIntegration('https://api.shop.example', [{ name: 'd', serves: 'product_details', path: '/p/{product}' }]);
    const answer: HttpResponse = { status: 429, headers: { 'retry-after': '3' }, json: null };
    await expect(
      new RestConnector(new RecordingTransport([answer])).call(integration, 'product_details', { product: 'x' }, options),
    ).rejects.toMatchObject({
      retryAfterSeconds: 3,
    });
  });

  it('supports a tool only through an endpoint that serves it, and call_endpoint only through open endpoints', () => {
    const connector = new RestConnector(new RecordingTransport([]));
    const integration = restIntegration('https://api.shop.example', [{ name: 'order', serves: 'order_status', path: '/o/{order_number}' }]);
    expect(connector.supports(integration, 'order_status')).toBe(true);
    expect(connector.supports(integration, 'product_search')).toBe(false);
    expect(connector.supports(integration, 'call_endpoint')).toBe(false);
  });

  it('probes the first GET endpoint without placeholders, else the base URL', async () => {
    const transport = new RecordingTransport([ok({}), { status: 404, headers: {}, json: null }]);
    const connector = new RestConnector(transport);
    const withPlain = restIntegration('https://api.shop.example/v1', [
      { name: 'd', serves: 'product_details', path: '/p/{product}' },
      { name: 'health', path: '/health' },
    ]);
    expect(await connector.probe(withPlain, noSignal())).toBe('reached https://api.shop.example (HTTP 200)');
    expect(transport.requests[0].url.toString()).toBe('https://api.shop.example/v1/health');
    expect(await connector.probe(restIntegration('https://api.shop.example/v1', []), noSignal())).toBe(
      'reached https://api.shop.example (HTTP 404)',
    );
    expect(transport.requests[1].url.toString()).toBe('https://api.shop.example/v1');
  });
});
