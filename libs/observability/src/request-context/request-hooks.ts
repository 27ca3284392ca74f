import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { runWithRequestContext, type RequestContext } from './request-context.storage';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

export interface RequestHooksOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  /** True once shutdown started: responses then close their connection. */
  isShuttingDown?: () => boolean;
}

/** Route label for requests that matched no route (keeps the label set bounded). */
export const UNMATCHED_ROUTE = 'unmatched';

// Probes and scrapes are logged at debug, whatever their status, so they do not drown the
// request log (a failing readiness probe would otherwise log an error every few seconds).
const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

interface Tracked {
  context: RequestContext;
  trace: Record<string, string>;
}

/**
 * Per-request plumbing for a Fastify instance (Nest's FastifyAdapter instance included):
 * - `x-request-id`: taken from the request when valid (printable, <= 128 chars) or generated,
 *   set on every response, and kept in the request context AsyncLocalStorage for the request's
 *   whole async chain, so every log line carries request_id (and tenant_id once set);
 * - one access log line per request with method, route, status and duration (never the query
 *   string or body);
 * - `http_request_duration_seconds{method,route,status}`.
 */
export function registerRequestHooks(fastify: FastifyInstance, options: RequestHooksOptions): void {
  const tracked = new WeakMap<FastifyRequest, Tracked>();

  fastify.addHook('onRequest', (request, reply, done) => {
    const requestId = resolveRequestId(request.headers[REQUEST_ID_HEADER]);
    // On the raw response, so responses written directly (SSE) carry it too.
    reply.raw.setHeader(REQUEST_ID_HEADER, requestId);
    const context: RequestContext = { requestId };
    const span = trace.getActiveSpan();
    span?.setAttribute('http.request_id', requestId);
    const spanContext = span?.spanContext();
    const traceFields: Record<string, string> =
      spanContext && isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
    tracked.set(request, { context, trace: traceFields });
    runWithRequestContext(context, done);
  });

  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (options.isShuttingDown?.()) reply.header('connection', 'close');
    done(null, payload);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const entry = tracked.get(request);
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const status = reply.statusCode;
    options.metrics.httpRequestDuration.observe({ method: request.method, route, status_code: String(status) }, reply.elapsedTime / 1000);
    const fields = {
      ...entry?.trace,
      method: request.method,
      route,
      path: request.url.split('?')[0],
      status,
      duration_ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    const log = () => options.logger[levelFor(route, status)](fields, 'request completed');
    if (entry) runWithRequestContext(entry.context, log);
    else log();
    done();
  });
}

function levelFor(route: string, status: number): 'error' | 'info' | 'debug' {
  if (QUIET_ROUTES.has(route)) return 'debug';
  return status >= 500 ? 'error' : 'info';
}
