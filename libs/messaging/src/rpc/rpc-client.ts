import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { parseContract, type RpcContract, type RpcResponseOf } from '@parley/contracts';
import type { z } from 'zod';
import type { MessagingConnection } from '../connection/nats-client';
import { RpcError } from '../errors/rpc.error';
import { PARLEY_HEADERS } from '../publishing/headers';
import { decodeJson, encodeJson } from '../publishing/json-codec';
import { headersWithTraceContext, tracer } from '../tracing/trace-context';
import { transportError } from './rpc-errors';

export interface RpcRequestOptions {
  timeoutMs?: number;
}

/**
 * Request-reply over NATS core. Validates the request (VALIDATION, nothing sent), propagates
 * the trace context, and parses the reply envelope: `{ ok: true }` -> data,
 * `{ ok: false }` -> RpcError with the remote code, unreadable reply -> INTERNAL, timeout ->
 * TIMEOUT, nobody listening -> UNAVAILABLE.
 */
export class RpcClient {
  constructor(
    private readonly client: MessagingConnection,
    private readonly defaults: { timeoutMs: number } = { timeoutMs: 5000 },
  ) {}

  async request<C extends RpcContract>(
    contract: C,
    payload: z.input<C['request']['schema']>,
    options: RpcRequestOptions = {},
  ): Promise<RpcResponseOf<C>> {
    const parsed = parseContract(contract.request, payload);
    if (!parsed.ok) throw RpcError.validation(parsed.error.message, parsed.error.issues);
    const timeoutMs = options.timeoutMs ?? this.defaults.timeoutMs;
    return tracer().startActiveSpan(
      `${contract.subject} request`,
      { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'nats', 'rpc.method': contract.subject } },
      async (span) => {
        try {
          return await this.send(contract, parsed.value, timeoutMs);
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof RpcError ? err.code : 'error' });
          throw err;
        } finally {
          span.end();
        }
      },
    );
  }

  private async send<C extends RpcContract>(contract: C, request: unknown, timeoutMs: number): Promise<RpcResponseOf<C>> {
    const headers = headersWithTraceContext({ [PARLEY_HEADERS.contract]: contract.id, [PARLEY_HEADERS.version]: String(contract.version) });
    let replyData: Uint8Array;
    try {
      const reply = await this.client.nc.request(this.client.namer.subject(contract.subject), encodeJson(request), {
        timeout: timeoutMs,
        headers,
      });
      replyData = reply.data;
    } catch (err) {
      throw transportError(contract.subject, err, timeoutMs);
    }
    const decoded = decodeJson(replyData);
    if (!decoded.ok) throw new RpcError('INTERNAL', `${contract.subject} replied with an unreadable body (${decoded.reason})`);
    const envelope = parseContract(contract.reply, decoded.value);
    if (!envelope.ok) {
      throw new RpcError('INTERNAL', `${contract.subject} replied with an invalid envelope`, { issues: envelope.error.issues });
    }
    const value = envelope.value as
      | { ok: true; data: RpcResponseOf<C> }
      | { ok: false; error: { code: RpcError['code']; message: string; details?: RpcError['details'] } };
    if (value.ok) return value.data;
    throw new RpcError(value.error.code, value.error.message, value.error.details, { remote: true });
  }
}
