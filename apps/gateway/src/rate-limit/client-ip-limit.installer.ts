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

/**
 * Counts every API request against its client IP (RATE_LIMIT_IP_PER_MINUTE) in an onRequest
 * hook, before authentication, body parsing or any other work: 429 problem+json with
 * Retry-After and the RateLimit headers when the IP's bucket is empty. The client IP is
 * Fastify's request.ip, which follows X-Forwarded-For only from GATEWAY_TRUSTED_PROXIES. A 429
 * on a browser route carries CORS headers for a valid Origin, so the widget can read it.
 */
@Injectable()
export class ClientIpLimitInstaller implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onRequest', (request, reply) => this.limit(request, reply));
  }

  private async limit(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!isIpLimited(request.method, request.url)) return undefined;
    try {
      await this.limiter.enforce(reply, 'ip', clientIpBucket(request.ip), this.config.rateLimits.ip);
      return undefined;
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      const origin = request.headers.origin;
      const browser = BROWSER_ROUTE_PREFIXES.some((prefix) => request.url.startsWith(prefix));
      const cors = browser && typeof origin === 'string' && isValidOrigin(origin) ? corsResponseHeaders(origin) : {};
      // An async hook that answered returns the reply, so Fastify stops the request here.
      return reply
        .status(error.getStatus())
        .headers({ ...error.headers, ...cors })
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(error.toProblem(getRequestContext()?.requestId));
    }
  }
}
