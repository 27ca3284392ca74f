import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getRequestContext, PROBLEM_CONTENT_TYPE } from '@parley/observability';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { BROWSER_ROUTE_PREFIXES, corsResponseHeaders, isValidOrigin } from '../cors/cors.policy';
import { ProblemException } from '../http/problem.exception';
import { clientIpBucket } from './client-ip.util';
import { RateLimiter } from './rate-limiter.service';
import type { LimitCheck } from './rate-limits.policy';

/** The API surface counted per client IP: the REST API and the OpenAI-compatible endpoint. */
const LIMITED_PREFIXES = ['/api/', '/v1/'];
/** Probes of the orchestrator and monitors, not clients. */
const UNLIMITED_PREFIXES = ['/api/v1/health'];

/** Whether a request is counted against its client IP's limit (preflights never are). */
export function isIpLimited(method: string, url: string): boolean {
  if (method === 'OPTIONS') return false;
  const path = url.split('?', 1)[0]!;
  return LIMITED_PREFIXES.some((prefix) => path.startsWith(prefix)) && !UNLIMITED_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** Whether a request carries a credential for AuthGuard (X-API-Key or Authorization), which then counts its IP. */
function carriesCredential(request: FastifyRequest): boolean {
  return request.headers['x-api-key'] !== undefined || request.headers.authorization !== undefined;
}

/**
 * Counts every API request against its client IP (RATE_LIMIT_IP_PER_MINUTE): 429 problem+json
 * with Retry-After and the RateLimit headers when the IP's bucket is empty, before any 401 or 403.
 * The client IP is Fastify's request.ip, which follows X-Forwarded-For only from
 * GATEWAY_TRUSTED_PROXIES. A 429 on a browser route carries CORS headers for a valid Origin, so
 * the widget can read it.
 *
 * Where it is counted: a request without a credential in an onRequest hook, before body parsing
 * or any other work. A request with one (to a known route) is left to AuthGuard, which counts
 * the IP in the same Redis round trip as the credential's, tenant's and plan's buckets once the
 * credential is known, and counts it alone first when it is not (401/403, or a credential that
 * needs a lookup to check, so a full IP bucket never costs provisioning a lookup). Routes without
 * @Auth count it in ClientIpFallbackGuard; whatever is still uncounted when the answer is sent
 * (a body the parser refused) is counted then.
 */
@Injectable()
export class ClientIpLimit implements OnModuleInit {
  /** Requests whose IP bucket AuthGuard is to count. */
  private readonly pending = new WeakMap<FastifyRequest, LimitCheck>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onRequest', (request, reply) => this.limit(request, reply));
    fastify.addHook('onResponse', async (request) => this.settle(request));
  }

  /** The client-IP bucket a request still has to be counted in, now the caller's to count (once). */
  claim(request: FastifyRequest): LimitCheck | undefined {
    const check = this.pending.get(request);
    if (check) this.pending.delete(request);
    return check;
  }

  /** Counts a claimed client-IP bucket alone: 429 when it is full (with CORS headers on a browser route). */
  async enforce(request: FastifyRequest, reply: FastifyReply, check: LimitCheck): Promise<void> {
    try {
      await this.limiter.enforceAll(reply, [], [check]);
    } catch (error) {
      if (error instanceof ProblemException) Object.assign(error.headers, this.corsFor(request));
      throw error;
    }
  }

  private async limit(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!isIpLimited(request.method, request.url)) return undefined;
    const check: LimitCheck = { kind: 'ip', id: clientIpBucket(request.ip), limit: this.config.rateLimits.ip };
    if (carriesCredential(request) && !request.is404) {
      this.pending.set(request, check);
      return undefined;
    }
    try {
      await this.enforce(request, reply, check);
      return undefined;
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      // An async hook that answered returns the reply, so Fastify stops the request here.
      return reply
        .status(error.getStatus())
        .headers(error.headers)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(error.toProblem(getRequestContext()?.requestId));
    }
  }

  /** A request answered before anything counted its IP (its body was refused, say) is counted now. */
  private async settle(request: FastifyRequest): Promise<void> {
    const check = this.claim(request);
    if (check) await this.limiter.check([], [check]);
  }

  private corsFor(request: FastifyRequest): Record<string, string> {
    const origin = request.headers.origin;
    const browser = BROWSER_ROUTE_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    return browser && typeof origin === 'string' && isValidOrigin(origin) ? corsResponseHeaders(origin) : {};
  }
}
