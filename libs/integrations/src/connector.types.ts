import type { BuiltinToolKey, IntegrationDefinition, IntegrationKind, ToolArgs, ToolFailure, ToolResult } from '@parley/contracts';

/** What one call may use: the caller's abort signal (the turn) and the tool's per-tenant settings. */
export interface ConnectorCallOptions {
  signal: AbortSignal;
  /** tenant_tools.settings of the tool being served (e.g. which endpoint answers it). */
  settings: Readonly<Record<string, unknown>>;
}

/**
 * One kind of tenant system (Shopify, WooCommerce, REST, PostgreSQL, MySQL). A connector only
 * speaks its system's API and normalises the answer; timeouts, the SSRF guard, rate limits, the
 * circuit breaker and the cache are the executor's, around every connector alike.
 */
export interface Connector {
  readonly kind: IntegrationKind;
  /** Which built-in tools this connector can serve for this integration (REST/SQL: the endpoints' `serves`). */
  supports(integration: IntegrationDefinition, toolKey: BuiltinToolKey): boolean;
  call<K extends BuiltinToolKey>(
    integration: IntegrationDefinition,
    toolKey: K,
    args: ToolArgs<K>,
    options: ConnectorCallOptions,
  ): Promise<ToolResult<K>>;
  /** A cheap authenticated read that proves the base URL and credentials work. */
  probe(integration: IntegrationDefinition, signal: AbortSignal): Promise<string>;
}

/** The outcome of a tool call through an integration, as chat logs it in tool_executions. */
export type ToolOutcome<K extends BuiltinToolKey = BuiltinToolKey> =
  | { ok: true; result: ToolResult<K>; cacheHit: boolean; latencyMs: number }
  | { ok: false; failure: ToolFailure; detail: string; cacheHit: false; latencyMs: number };

export interface ConnectionTestResult {
  ok: boolean;
  latencyMs: number;
  /** Plain words for the tenant admin: what was reached, or what went wrong. Never a secret. */
  detail: string;
  failure?: ToolFailure;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: URL;
  headers?: Readonly<Record<string, string>>;
  /** A JSON body (serialised by the transport). */
  json?: unknown;
  signal: AbortSignal;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or null when the body was empty or not JSON. */
  json: unknown;
}

/**
 * How connectors reach the tenant's system over HTTP: behind the SSRF guard, with the
 * integration's auth applied (API key header, bearer, basic, OAuth2 client credentials), a size
 * limit on the answer and the timeout. It resolves for every HTTP status (the connector decides
 * what a 404 means) and throws an IntegrationCallError for network failures and timeouts.
 */
export interface HttpTransport {
  send(integration: IntegrationDefinition, request: HttpRequest): Promise<HttpResponse>;
}

/** A failed call, classified; connectors throw it, the executor turns it into a ToolOutcome. */
export class IntegrationCallError extends Error {
  constructor(
    readonly failure: ToolFailure,
    message: string,
    /** Seconds the system asked us to wait (429 Retry-After, Shopify THROTTLED), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'IntegrationCallError';
  }
}
