import type { BuiltinToolKey, IntegrationDefinition, RestEndpoint, ToolArgs, ToolResult } from '@parley/contracts';
import { IntegrationCallError, type Connector, type ConnectorCallOptions, type HttpResponse, type HttpTransport } from '../connector.types';
import { retryAfterSeconds } from '../http/retry-after.util';
import { chooseEndpoint, endpointsServe } from '../mapping/endpoint-choice.util';
import { EMPTY_SOURCE, itemsAtRoot } from '../mapping/items.util';
import { placeholderValues, type PlaceholderValue } from '../mapping/placeholder-values.util';
import { mapToolResult } from '../mapping/result.mapper';
import { fillBody, fillPath, fillTemplate } from './template.util';

/** The contact an order lookup may be given either of: a query or body field that is only one of them is left out when absent. */
const ALTERNATIVE_CONTACTS = new Set(['email', 'phone']);
const WHOLE_PLACEHOLDER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * A tenant's own REST API, described endpoint by endpoint (method, path template, query and
 * body templates, response mapping). `{name}` placeholders take the tool's arguments; a 404
 * means "nothing found", 401/403 refused credentials, 429 rate limited (with Retry-After),
 * 3xx and 5xx the system's error.
 */
export class RestConnector implements Connector {
  readonly kind = 'rest' as const;

  constructor(private readonly http: HttpTransport) {}

  supports(integration: IntegrationDefinition, toolKey: BuiltinToolKey): boolean {
    return endpointsServe(integration.restEndpoints, toolKey);
  }

  async call<K extends BuiltinToolKey>(
    integration: IntegrationDefinition,
    toolKey: K,
    args: ToolArgs<K>,
    options: ConnectorCallOptions,
  ): Promise<ToolResult<K>> {
    const endpoint = chooseEndpoint(integration.restEndpoints, toolKey, args, options.settings);
    const values = placeholderValues(toolKey, args, options.settings);
    const url = endpointUrl(integration.baseUrl, endpoint, values);
    const body = endpoint.body && endpoint.method !== 'GET' ? withoutAbsentContacts(endpoint.body, values) : undefined;
    const response = await this.http.send(integration, {
      method: endpoint.method,
      url,
      headers: configuredHeaders(integration),
      ...(body ? { json: fillBody(body, values) } : {}),
      signal: options.signal,
      timeoutMs: endpoint.timeoutMs,
    });
    if (response.status === 404 || response.status === 204)
      return mapToolResult(toolKey, EMPTY_SOURCE, endpoint.response, args, options.settings);
    assertSuccess(response);
    if (response.json === null) throw new IntegrationCallError('upstream_error', `the answer of "${endpoint.name}" is not JSON`);
    return mapToolResult(toolKey, itemsAtRoot(response.json, endpoint.response), endpoint.response, args, options.settings);
  }

  /** A GET of the first endpoint without placeholders (else of the base URL): any answer but 401/403, 3xx and 5xx proves the way in. */
  async probe(integration: IntegrationDefinition, signal: AbortSignal): Promise<string> {
    const plain = integration.restEndpoints.find(
      (endpoint) =>
        endpoint.method === 'GET' && !endpoint.path.includes('{') && Object.values(endpoint.query).every((value) => !value.includes('{')),
    );
    const url = plain ? endpointUrl(integration.baseUrl, plain, {}) : new URL(integration.baseUrl);
    const response = await this.http.send(integration, {
      method: 'GET',
      url,
      headers: configuredHeaders(integration),
      signal,
      timeoutMs: 5000,
    });
    if (response.status !== 404) assertSuccess(response);
    return `reached ${url.origin} (HTTP ${response.status})`;
  }
}

function endpointUrl(baseUrl: string, endpoint: RestEndpoint, values: Readonly<Record<string, PlaceholderValue>>): URL {
  const base = new URL(baseUrl);
  const url = new URL(base.origin);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${fillPath(endpoint.path, values)}`;
  for (const [name, template] of Object.entries(withoutAbsentContacts(endpoint.query, values)))
    url.searchParams.set(name, fillTemplate(template, values));
  return url;
}

/** Drops a field that is only `{email}` or `{phone}` when the visitor gave the other one. */
function withoutAbsentContacts(
  templates: Readonly<Record<string, string>>,
  values: Readonly<Record<string, PlaceholderValue>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(templates).filter(([, template]) => {
      const whole = WHOLE_PLACEHOLDER.exec(template);
      return !(whole && ALTERNATIVE_CONTACTS.has(whole[1]) && !(whole[1] in values));
    }),
  );
}

function configuredHeaders(integration: IntegrationDefinition): Record<string, string> {
  const headers = integration.config['headers'];
  if (headers === null || typeof headers !== 'object') return {};
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Throws the classified failure of any answer but a 2xx. */
export function assertSuccess(response: HttpResponse): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403) throw new IntegrationCallError('upstream_error', `the credentials were refused (HTTP ${status})`);
  if (status === 429)
    throw new IntegrationCallError(
      'rate_limited',
      'the system asked us to slow down (HTTP 429)',
      retryAfterSeconds(response.headers['retry-after']),
    );
  if (status >= 300 && status < 400)
    throw new IntegrationCallError('upstream_error', `the system answered with a redirect (HTTP ${status}), which is not followed`);
  if (status >= 500) throw new IntegrationCallError('upstream_error', `the system failed (HTTP ${status})`);
  throw new IntegrationCallError('upstream_error', `the system refused the request (HTTP ${status})`);
}
