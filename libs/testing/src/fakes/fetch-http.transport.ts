import type { IntegrationDefinition } from '@parley/contracts';
import { type HttpRequest, type HttpResponse, type HttpTransport, IntegrationCallError } from '@parley/integrations';

/**
 * A plain HttpTransport for connector tests against the fake shops: applies the integration's
 * auth (API key header, bearer, basic) and the timeout, with fetch. No SSRF guard, no size
 * limit: production uses the guarded transport of libs/integrations.
 */
export class FetchHttpTransport implements HttpTransport {
  async send(integration: IntegrationDefinition, request: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...request.headers };
    const { auth } = integration;
    if (auth.type === 'api_key') headers[auth.header] = auth.value;
    else if (auth.type === 'bearer') headers['authorization'] = `Bearer ${auth.token}`;
    else if (auth.type === 'basic')
      headers['authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    else if (auth.type !== 'none') throw new IntegrationCallError('not_configured', 'the test transport does not do OAuth2');
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(request.timeoutMs);
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        signal: AbortSignal.any([request.signal, timeout]),
      });
    } catch (err) {
      if (timeout.aborted) throw new IntegrationCallError('timeout', `no answer within ${request.timeoutMs} ms`);
      if (request.signal.aborted) throw err;
      throw new IntegrationCallError('unavailable', `could not reach ${request.url.host}`);
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    const lowered: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      lowered[key.toLowerCase()] = value;
    });
    return { status: response.status, headers: lowered, json };
  }
}
