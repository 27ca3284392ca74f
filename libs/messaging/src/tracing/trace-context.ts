import {
  ROOT_CONTEXT,
  context,
  propagation,
  trace,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api';
import { Match, headers as createHeaders, type MsgHdrs } from '@nats-io/nats-core';

// W3C trace context travels in NATS headers (traceparent, tracestate, baggage) through
// whatever propagator the app registered (ObservabilityModule). With none registered these
// are no-ops, so the lib works with or without OpenTelemetry.

const hdrSetter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

const hdrGetter: TextMapGetter<MsgHdrs | undefined> = {
  keys: (carrier) => (carrier ? carrier.keys() : []),
  get: (carrier, key) => {
    if (!carrier || !carrier.has(key, Match.IgnoreCase)) return undefined;
    return carrier.get(key, Match.IgnoreCase);
  },
};

const recordSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

export function tracer(): Tracer {
  return trace.getTracer('@parley/messaging');
}

/** Headers carrying the active (or given) trace context, plus any extra headers. */
export function headersWithTraceContext(extra?: Record<string, string> | null, ctx: Context = context.active()): MsgHdrs {
  const h = createHeaders();
  for (const [k, v] of Object.entries(extra ?? {})) h.set(k, v);
  propagation.inject(ctx, h, hdrSetter);
  return h;
}

/** Trace context as a plain record, for storage (outbox rows). */
export function traceContextRecord(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier, recordSetter);
  return carrier;
}

/** The remote parent carried by a message, on top of the root context. */
export function extractTraceContext(h: MsgHdrs | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, h, hdrGetter);
}

/** Headers as a JSON-friendly record (dead letters). */
export function headersToRecord(h: MsgHdrs | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!h) return out;
  for (const key of h.keys()) out[key] = h.values(key);
  return out;
}
