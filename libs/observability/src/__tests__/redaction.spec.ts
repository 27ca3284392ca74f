import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createLogger } from '../logging/logger.factory';
import { REDACTED, redactLogFields } from '../logging/log-redaction';
import { runWithRequestContext, setRequestTenant } from '../request-context/request-context.storage';
import { memoryDestination } from './memory-destination';

function logOnce(fields: Record<string, unknown>): Record<string, unknown> {
  const out = memoryDestination();
  createLogger({ service: 'chat', destination: out }).info(fields, 'hello');
  return out.lines[0];
}

describe('logger', () => {
  it('writes one JSON object per line with service, level label and time', () => {
    const line = logOnce({ sessionId: 's1' });
    expect(line).toMatchObject({ service: 'chat', level: 'info', msg: 'hello', sessionId: 's1' });
    expect(typeof line.time).toBe('string');
  });

  it('redacts credentials in headers and payloads', () => {
    const line = logOnce({
      req: { headers: { authorization: 'Bearer abc', 'x-api-key': 'sk_live_1', cookie: 'sid=1', accept: 'text/html' } },
      password: 'hunter2',
      user: { passwordHash: '$2b$...', email: 'a@b.c' },
      integration: { credentials: { clientSecret: 'xyz' }, apiKey: 'k' },
      token: 't',
    });
    expect(line.req).toEqual({ headers: { authorization: REDACTED, 'x-api-key': REDACTED, cookie: REDACTED, accept: 'text/html' } });
    expect(line.password).toBe(REDACTED);
    expect(line.user).toEqual({ passwordHash: REDACTED, email: 'a@b.c' });
    expect(line.integration).toEqual({ credentials: REDACTED, apiKey: REDACTED });
    expect(line.token).toBe(REDACTED);
    expect(JSON.stringify(line)).not.toMatch(/hunter2|sk_live_1|Bearer abc|xyz/);
  });

  it('redacts message content and prompts', () => {
    const line = logOnce({
      content: 'my boiler leaks',
      prompt: 'You are a plumber',
      turn: { message: { role: 'user', content: 'call me at 555' }, tokens: 12 },
    });
    expect(line.content).toBe(REDACTED);
    expect(line.prompt).toBe(REDACTED);
    expect(line.turn).toEqual({ message: { role: 'user', content: REDACTED }, tokens: 12 });
  });

  it('adds request_id and tenant_id from the request context', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'gateway', destination: out });
    runWithRequestContext({ requestId: 'req-1' }, () => {
      logger.info('before auth');
      setRequestTenant('7d7c3a4e-0000-4000-8000-000000000001');
      logger.info('after auth');
    });
    logger.info('outside');
    expect(out.lines.map((l) => [l.request_id, l.tenant_id])).toEqual([
      ['req-1', undefined],
      ['req-1', '7d7c3a4e-0000-4000-8000-000000000001'],
      [undefined, undefined],
    ]);
  });

  it('adds trace_id and span_id of the active span', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'chat', destination: out });
    const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    // The context manager startTelemetry() registers (through NodeSDK) in a real process.
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    try {
      context.with(trace.setSpan(context.active(), trace.wrapSpanContext(spanContext)), () => logger.info('traced'));
    } finally {
      context.disable();
    }
    expect(out.lines[0]).toMatchObject({ trace_id: spanContext.traceId, span_id: spanContext.spanId });
  });

  it('does not add trace fields without an active span', () => {
    const line = logOnce({});
    expect(line).not.toHaveProperty('trace_id');
    expect(line).not.toHaveProperty('span_id');
  });
});

describe('redaction depth, copies and errors', () => {
  it('redacts down to three levels below the line, in arrays too, and not deeper', () => {
    const line = logOnce({
      a: { b: { token: 't2', c: { token: 't3', d: { token: 't4' } } } },
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
      list: [[{ password: 'p' }]],
    });
    expect(line.a).toEqual({ b: { token: REDACTED, c: { token: REDACTED, d: { token: 't4' } } } });
    expect(line.messages).toEqual([
      { role: 'user', content: REDACTED },
      { role: 'assistant', content: REDACTED },
    ]);
    expect(line.list).toEqual([[{ password: REDACTED }]]);
  });

  it('never changes the objects it was given', () => {
    const headers = { authorization: 'Bearer abc', accept: 'text/html' };
    const fields = { req: { headers } };
    const line = logOnce(fields);
    expect(line.req).toEqual({ headers: { authorization: REDACTED, accept: 'text/html' } });
    expect(fields.req.headers).toBe(headers);
    expect(headers.authorization).toBe('Bearer abc');
  });

  it('returns the fields themselves when nothing is redacted', () => {
    const fields = { route: '/api/v1/chat', status: 200, turn: { tokens: { in: 1, out: 2 } } };
    expect(redactLogFields(fields)).toBe(fields);
    expect(redactLogFields({ token: REDACTED })).toEqual({ token: REDACTED });
  });

  it('keeps an error its message, stack and type and redacts its fields', () => {
    const error = Object.assign(new Error('upstream refused'), {
      code: 'E_UPSTREAM',
      token: 't',
      config: { headers: { authorization: 'Bearer secret-1', accept: 'json' } },
    });
    const line = logOnce({ err: error });
    expect(line.err).toMatchObject({
      type: 'Error',
      message: 'upstream refused',
      code: 'E_UPSTREAM',
      token: REDACTED,
      config: { headers: { authorization: REDACTED, accept: 'json' } },
    });
    expect(String((line.err as { stack: string }).stack)).toContain('upstream refused');
    expect(JSON.stringify(line)).not.toContain('secret-1');
    expect(error.config.headers.authorization).toBe('Bearer secret-1');
  });

  it('redacts top-level child bindings and refuses a nested secret in them', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'chat', destination: out });
    logger.child({ component: 'llm', apiKey: 'sk-1' }).info('bound');
    expect(out.lines[0]).toMatchObject({ component: 'llm', apiKey: REDACTED });
    expect(() => logger.child({ upstream: { headers: { authorization: 'Bearer x' } } })).toThrow(/redacted key/);
  });
});
