import { SpanKind, SpanStatusCode, context } from '@opentelemetry/api';
import type { Msg, Subscription } from '@nats-io/nats-core';
import { parseContract, type ErrorBody, type RpcContract, type RpcRequestOf } from '@parley/contracts';
import type { z } from 'zod';
import type { MessagingConnection } from '../connection/nats-client';
import { silentLogger, type MessagingLogger } from '../observability/messaging-logger';
import type { MessagingMetrics } from '../observability/messaging-metrics';
import { decodeJson, encodeJson } from '../publishing/json-codec';
import { extractTraceContext, tracer } from '../tracing/trace-context';
import { errorBodyFor } from './rpc-errors';

export interface RpcHandlerContext {
  subject: string;
}

export type RpcHandler<C extends RpcContract> = (
  request: RpcRequestOf<C>,
  ctx: RpcHandlerContext,
) => Promise<z.input<C['response']['schema']>>;

export interface RpcHandleOptions {
  /** Queue group: replicas of a service share the subject's load. */
  queue: string;
}

export interface RpcEndpoint {
  readonly subject: string;
  /** Stops receiving, then waits for requests in progress. */
  stop(): Promise<void>;
}

/**
 * Serves RPC contracts in queue groups. Requests are validated (invalid -> VALIDATION with the
 * offending fields), handlers run in the caller's trace context, responses are validated
 * against the contract (a bug -> INTERNAL rather than a malformed reply), and errors map to
 * the reply envelope by their code.
 */
export class RpcServer {
  private readonly endpoints = new Set<RpcEndpoint>();
  private readonly logger: MessagingLogger;

  constructor(
    private readonly client: MessagingConnection,
    private readonly options: { logger?: MessagingLogger; metrics?: MessagingMetrics; stopTimeoutMs?: number } = {},
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  handle<C extends RpcContract>(contract: C, handler: RpcHandler<C>, options: RpcHandleOptions): RpcEndpoint {
    const inflight = new Set<Promise<void>>();
    const sub: Subscription = this.client.nc.subscribe(this.client.namer.subject(contract.subject), {
      queue: options.queue,
      callback: (err, msg) => {
        if (err) {
          this.logger.error({ err, subject: contract.subject }, 'rpc subscription error');
          return;
        }
        const task = this.dispatch(contract, handler, msg);
        inflight.add(task);
        void task.finally(() => inflight.delete(task));
      },
    });
    const endpoint: RpcEndpoint = {
      subject: contract.subject,
      stop: async () => {
        this.endpoints.delete(endpoint);
        if (!sub.isClosed() && !this.client.nc.isClosed()) await sub.drain().catch(() => undefined);
        await this.settle(inflight);
      },
    };
    this.endpoints.add(endpoint);
    return endpoint;
  }

  /** Stops every endpoint of this server. */
  async stop(): Promise<void> {
    await Promise.all([...this.endpoints].map((e) => e.stop()));
  }

  /** Nest lifecycle: stop serving before the connection drains. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async settle(inflight: Set<Promise<void>>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...inflight]),
      new Promise((resolve) => (timer = setTimeout(resolve, this.options.stopTimeoutMs ?? 10_000))),
    ]);
    clearTimeout(timer);
  }

  private async dispatch<C extends RpcContract>(contract: C, handler: RpcHandler<C>, msg: Msg): Promise<void> {
    if (!msg.reply) {
      this.logger.warn({ subject: contract.subject }, 'rpc request without reply subject ignored');
      return;
    }
    const started = Date.now();
    const reply = await context.with(extractTraceContext(msg.headers), () =>
      tracer().startActiveSpan(
        `${contract.subject} handle`,
        { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'nats', 'rpc.method': contract.subject } },
        async (span) => {
          const result = await this.execute(contract, handler, msg.data);
          if (!result.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: result.error.code });
          span.end();
          return result;
        },
      ),
    );
    this.options.metrics?.rpcHandled?.({ subject: contract.subject, outcome: reply.ok ? 'ok' : reply.error.code }, Date.now() - started);
    try {
      msg.respond(encodeJson(reply));
    } catch (err) {
      this.logger.error({ err, subject: contract.subject }, 'rpc reply not sent');
    }
  }

  private async execute<C extends RpcContract>(
    contract: C,
    handler: RpcHandler<C>,
    data: Uint8Array,
  ): Promise<{ ok: true; data: unknown } | { ok: false; error: ErrorBody }> {
    const decoded = decodeJson(data);
    if (!decoded.ok) return { ok: false, error: { code: 'VALIDATION', message: decoded.reason } };
    const request = parseContract(contract.request, decoded.value);
    if (!request.ok) {
      return { ok: false, error: { code: 'VALIDATION', message: request.error.message, details: { issues: request.error.issues } } };
    }
    try {
      const response = parseContract(contract.response, await handler(request.value as RpcRequestOf<C>, { subject: contract.subject }));
      if (response.ok) return { ok: true, data: response.value };
      this.logger.error({ subject: contract.subject, issues: response.error.issues }, 'rpc handler returned an invalid response');
      return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
    } catch (err) {
      const body = errorBodyFor(err);
      if (body.code === 'INTERNAL') this.logger.error({ err, subject: contract.subject }, 'rpc handler failed');
      return { ok: false, error: body };
    }
  }
}
