import { randomBytes } from 'node:crypto';
import { context, propagation, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** Registers what an app's telemetry set-up registers: W3C propagation over AsyncLocalStorage. */
export function registerTracePropagation(): () => void {
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return () => {
    propagation.disable();
    context.disable();
  };
}

/** Runs `fn` inside an active (remote, sampled) span with a fresh trace id. */
export function withActiveSpan<T>(fn: () => Promise<T>): { traceId: string; result: Promise<T> } {
  const span: SpanContext = {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    traceFlags: TraceFlags.SAMPLED,
  };
  const ctx = trace.setSpan(context.active(), trace.wrapSpanContext(span));
  return { traceId: span.traceId, result: context.with(ctx, fn) };
}

export function activeTraceId(): string | undefined {
  return trace.getSpanContext(context.active())?.traceId;
}
