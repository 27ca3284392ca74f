import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import { getRequestContext } from '../request-context/request-context.storage';
import { REDACT_PATHS, REDACTED } from './log-redaction';
import { prettyDestination } from './pretty-destination';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Human-readable lines instead of JSON (local development). */
  pretty?: boolean;
  /** Where lines go; stdout (synchronously, so nothing is lost on exit) by default. */
  destination?: DestinationStream;
}

/** trace_id/span_id of the active span, request_id/tenant_id of the current request. */
export function correlationFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && isSpanContextValid(spanContext)) {
    fields.trace_id = spanContext.traceId;
    fields.span_id = spanContext.spanId;
  }
  const request = getRequestContext();
  if (request) {
    fields.request_id = request.requestId;
    if (request.tenantId) fields.tenant_id = request.tenantId;
  }
  return fields;
}

/** The JSON logger of a service: one line per entry, with `service` and correlation fields. */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? (options.pretty ? prettyDestination() : pino.destination({ fd: 1, sync: true }));
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: correlationFields,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
