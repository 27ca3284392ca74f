import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import { getRequestContext } from '../request-context/request-context.storage';
import { REDACTED, redactLogFields, TOP_LEVEL_REDACT_PATHS } from './log-redaction';
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

const ERROR_KEY = 'err';
const serializeError = pino.stdSerializers.err;

/**
 * Redaction of a line's fields (after the mixin merged the correlation fields in). `err` is left
 * to its serializer, which redacts the serialized error: redacting the Error itself would copy it
 * into an object without its message and stack.
 */
function redactLine(fields: Record<string, unknown>): Record<string, unknown> {
  return redactLogFields(fields, 0, ERROR_KEY);
}

/** pino's error serializer, then redaction of what it produced (an error's fields are one level down). */
function serializeRedactedError(error: unknown): unknown {
  const serialized: unknown = serializeError(error as Error);
  return typeof serialized === 'object' && serialized !== null ? redactLogFields(serialized, 1) : serialized;
}

/** A child's bindings are written on every line of the child: a secret in them is refused at once. */
function refuseSecretBindings(child: Logger): void {
  const bindings = child.bindings();
  if (redactLogFields(bindings) !== bindings)
    throw new Error(
      'logger.child(): a binding holds a redacted key (a credential or message content) below its top level; log it as a field instead',
    );
}

/**
 * The JSON logger of a service: one line per entry, with `service` and correlation fields.
 * Secrets and message content (REDACTED_KEYS) are redacted at the top level and three levels
 * below it: by redactLogFields on each line, pino's own top-level paths for child bindings.
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? (options.pretty ? prettyDestination() : pino.destination({ fd: 1, sync: true }));
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: redactLine },
      mixin: correlationFields,
      redact: { paths: [...TOP_LEVEL_REDACT_PATHS], censor: REDACTED },
      serializers: { [ERROR_KEY]: serializeRedactedError },
      onChild: refuseSecretBindings,
    },
    destination,
  );
}
