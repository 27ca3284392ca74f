import { W3CBaggagePropagator, W3CTraceContextPropagator, CompositePropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  NoopSpanProcessor,
  ParentBasedSampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { DbSpans } from './config/db-spans';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** OTLP/HTTP base endpoint, e.g. http://otel-collector:4318; traces go to <endpoint>/v1/traces. */
  otlpEndpoint?: string;
  /** PostgreSQL spans (see DB_SPAN_MODES); `all` when not given. */
  dbSpans?: DbSpans;
}

export type StopTelemetry = () => Promise<void>;

// Probes and scrapes would drown real traces; they are still logged and measured.
const UNTRACED_PATHS = /^\/(health\/(live|ready)|metrics)(\?|$)/;

/**
 * Starts OpenTelemetry tracing for this process: W3C trace-context (+ baggage) propagation,
 * AsyncLocalStorage context, and the http, pg and ioredis instrumentations.
 *
 * Instrumentations patch a module when it is required, so this must run before Nest, Fastify,
 * pg or ioredis are loaded: call it at the top of main.ts, importing it from
 * `@parley/observability/startup` (which loads none of them), and import the app module
 * afterwards (see docs/adr/0005-observability.md).
 *
 * Spans are exported over OTLP/HTTP only when `otlpEndpoint` is given. Without it spans are
 * still created (so logs carry trace_id/span_id and incoming traceparent headers are honoured)
 * and dropped at the end. Every OTel setting comes from the options, never from OTEL_* env.
 */
export function startTelemetry(options: TelemetryOptions): StopTelemetry {
  const spanProcessor: SpanProcessor = options.otlpEndpoint
    ? new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }))
    : new NoopSpanProcessor();

  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
    }),
    autoDetectResources: false,
    // Explicit empty lists: otherwise the SDK builds OTLP metric and log exporters from env.
    metricReaders: [],
    logRecordProcessors: [],
    spanProcessors: [spanProcessor],
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''),
      }),
      ...pgInstrumentations(options.dbSpans ?? 'all'),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();

  let stopping: Promise<void> | undefined;
  return () => (stopping ??= sdk.shutdown());
}

/** pg's instrumentation for `mode`: none at all for `none`, so pg is not even patched. */
function pgInstrumentations(mode: DbSpans): PgInstrumentation[] {
  if (mode === 'none') return [];
  return [new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: mode === 'statements' })];
}

function tracesUrl(endpoint: string): string {
  return new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
}
