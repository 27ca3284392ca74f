import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import {
  toolArgsSchemas,
  toolResultSchemas,
  type BuiltinToolKey,
  type IntegrationDefinition,
  type ToolArgs,
  type ToolFailure,
  type ToolResult,
} from '@parley/contracts';
import {
  IntegrationCallError,
  type ConnectionTestResult,
  type Connector,
  type ConnectorCallOptions,
  type ToolOutcome,
} from './connector.types';
import { CallCancelledError } from './executor/call-cancelled.error';
import type { ConnectorRegistry } from './executor/connector.registry';
import { BreakerOpenError, DEFAULT_BREAKER, IntegrationBreakers, type BreakerSettings } from './executor/integration-breakers';
import type { IntegrationCallObserver } from './executor/integration.metrics';
import { DEFAULT_RATE_LIMIT, IntegrationRateLimiter, type RateLimitSettings } from './executor/integration-rate-limiter';
import { DEFAULT_CACHE_TTL_SECONDS, ToolResultCache } from './executor/tool-result.cache';
import { withDeadline } from './http/deadline.util';
import { MAX_CALL_TIMEOUT_MS } from './http/guarded-http.transport';

export interface IntegrationExecutorOptions {
  connectors: ConnectorRegistry;
  /** Shared by the cache and the rate limiter. */
  redis: Redis;
  /** Prefix of every Redis key (e.g. 'parley:chat:'). */
  keyPrefix: string;
  rateLimit?: RateLimitSettings;
  breaker?: BreakerSettings;
  cacheTtlSeconds?: number;
  /** The longest a call may take, at most 5000 ms (the default). */
  timeoutMs?: number;
  observer?: IntegrationCallObserver;
}

/**
 * Runs a built-in tool through a tenant's integration, the same way for every connector:
 * arguments validated, the connector chosen by kind, the answer served from the cache when an
 * identical call succeeded in the last minutes, else a call within the per-integration rate
 * limit, through its circuit breaker, under a hard time limit, its result validated against the
 * tool's schema before it is cached and returned. Every failure is a ToolOutcome, never a throw.
 */
export class IntegrationExecutor {
  private readonly cache: ToolResultCache;
  private readonly limiter: IntegrationRateLimiter;
  private readonly breakers: IntegrationBreakers;
  private readonly timeoutMs: number;

  constructor(private readonly options: IntegrationExecutorOptions) {
    this.cache = new ToolResultCache(options.redis, options.keyPrefix, options.cacheTtlSeconds ?? DEFAULT_CACHE_TTL_SECONDS);
    this.limiter = new IntegrationRateLimiter(options.redis, options.keyPrefix, options.rateLimit ?? DEFAULT_RATE_LIMIT);
    this.breakers = new IntegrationBreakers(options.breaker ?? DEFAULT_BREAKER, (id, state) => options.observer?.breaker(id, state));
    this.timeoutMs = Math.min(options.timeoutMs ?? MAX_CALL_TIMEOUT_MS, MAX_CALL_TIMEOUT_MS);
  }

  async execute<K extends BuiltinToolKey>(
    integration: IntegrationDefinition,
    toolKey: K,
    args: unknown,
    callOptions: ConnectorCallOptions,
  ): Promise<ToolOutcome<K>> {
    const started = performance.now();
    const finish = (outcome: ToolOutcome<K>): ToolOutcome<K> => {
      const label = outcome.ok ? (outcome.cacheHit ? 'cache_hit' : 'ok') : outcome.failure;
      this.options.observer?.call(integration.kind, toolKey, label, outcome.latencyMs);
      return outcome;
    };
    const fail = (failure: ToolFailure, detail: string): ToolOutcome<K> =>
      finish({ ok: false, failure, detail, cacheHit: false, latencyMs: elapsed(started) });

    const parsedArgs = toolArgsSchemas[toolKey].safeParse(args);
    if (!parsedArgs.success) return fail('invalid_arguments', describeIssues(parsedArgs.error.issues));
    const connector = this.options.connectors.get(integration.kind);
    if (!connector) return fail('not_configured', `no connector for ${integration.kind} integrations on this service`);
    if (!connector.supports(integration, toolKey))
      return fail('not_configured', `the integration "${integration.name}" does not serve ${toolKey}`);

    const cacheKey = this.cache.key({
      integration,
      toolKey,
      endpoint: endpointAsked(toolKey, parsedArgs.data, callOptions.settings),
      args: parsedArgs.data,
      settings: callOptions.settings,
    });
    const cached = await this.cache.get(cacheKey);
    if (cached !== undefined) {
      const valid = toolResultSchemas[toolKey].safeParse(cached);
      if (valid.success) return finish({ ok: true, result: valid.data as ToolResult<K>, cacheHit: true, latencyMs: elapsed(started) });
    }

    const rate = await this.limiter.take(integration.id);
    if (!rate.allowed) return fail('rate_limited', `too many calls to "${integration.name}"; try again in ${rate.retryAfterSeconds} s`);

    let result: unknown;
    try {
      result = await this.breakers.run(integration.id, () =>
        this.callWithin(connector, integration, toolKey, parsedArgs.data as ToolArgs<K>, callOptions),
      );
    } catch (error) {
      if (error instanceof BreakerOpenError)
        return fail('circuit_open', `"${integration.name}" failed repeatedly; calls are paused for a while`);
      if (error instanceof CallCancelledError) return fail('unavailable', error.message);
      if (error instanceof IntegrationCallError) return fail(error.failure, withRetryAfter(error));
      return fail('upstream_error', 'the connector failed');
    }
    const valid = toolResultSchemas[toolKey].safeParse(result);
    if (!valid.success)
      return fail('upstream_error', `the answer does not map to a ${toolKey} result (${describeIssues(valid.error.issues)})`);
    this.cache.set(cacheKey, valid.data);
    return finish({ ok: true, result: valid.data as ToolResult<K>, cacheHit: false, latencyMs: elapsed(started) });
  }

  /** The connector's probe, outside cache, rate limit and breaker (an admin asks for a real answer), under the same time limit. */
  async testConnection(
    integration: IntegrationDefinition,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<ConnectionTestResult> {
    const started = performance.now();
    const connector = this.options.connectors.get(integration.kind);
    if (!connector)
      return {
        ok: false,
        latencyMs: 0,
        failure: 'not_configured',
        detail: `no connector for ${integration.kind} integrations on this service`,
      };
    try {
      const reached = await this.within(signal, (inner) => connector.probe(integration, inner));
      const latencyMs = elapsed(started);
      return { ok: true, latencyMs, detail: `${reached} in ${latencyMs} ms` };
    } catch (error) {
      const latencyMs = elapsed(started);
      if (error instanceof IntegrationCallError) return { ok: false, latencyMs, failure: error.failure, detail: error.message };
      if (error instanceof CallCancelledError) return { ok: false, latencyMs, failure: 'unavailable', detail: error.message };
      return { ok: false, latencyMs, failure: 'upstream_error', detail: 'the connection test failed' };
    }
  }

  /** Forgets an integration's breaker (call it when the integration is edited or deleted). */
  forget(integrationId: string): void {
    this.breakers.forget(integrationId);
  }

  shutdown(): void {
    this.breakers.shutdown();
  }

  private callWithin<K extends BuiltinToolKey>(
    connector: Connector,
    integration: IntegrationDefinition,
    toolKey: K,
    args: ToolArgs<K>,
    callOptions: ConnectorCallOptions,
  ): Promise<ToolResult<K>> {
    return this.within(callOptions.signal, (signal) => connector.call(integration, toolKey, args, { ...callOptions, signal }));
  }

  /** Runs work with the caller's signal and the time limit; gives up waiting when either fires, even if the work ignores its signal. */
  private async within<T>(parent: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = withDeadline(parent, this.timeoutMs);
    const gaveUp = (): Error =>
      deadline.timedOut() ? new IntegrationCallError('timeout', `no answer within ${this.timeoutMs} ms`) : new CallCancelledError();
    try {
      if (deadline.signal.aborted) throw gaveUp();
      return await new Promise<T>((resolve, reject) => {
        const onAbort = (): void => reject(gaveUp());
        deadline.signal.addEventListener('abort', onAbort, { once: true });
        work(deadline.signal)
          .then(resolve, (error: unknown) => reject(deadline.signal.aborted ? gaveUp() : error))
          .finally(() => deadline.signal.removeEventListener('abort', onAbort));
      });
    } finally {
      deadline.dispose();
    }
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** The endpoint part of the cache key: the one the call names, '' when the connector picks by tool. */
function endpointAsked(toolKey: BuiltinToolKey, args: unknown, settings: Readonly<Record<string, unknown>>): string {
  if (toolKey === 'call_endpoint') return (args as { endpoint: string }).endpoint;
  return typeof settings['endpoint'] === 'string' ? settings['endpoint'] : '';
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function withRetryAfter(error: IntegrationCallError): string {
  return error.retryAfterSeconds === undefined ? error.message : `${error.message}; retry after ${error.retryAfterSeconds} s`;
}
