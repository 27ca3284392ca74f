import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getRequestContext, PROBLEM_CONTENT_TYPE } from '@parley/observability';
import { problems } from '../http/problem.exception';
import { BROWSER_ROUTE_PREFIXES, isValidOrigin, preflightHeaders } from './cors.policy';

/**
 * Answers CORS preflight (OPTIONS) on the browser routes. A preflight carries no credentials,
 * so the tenant is unknown here: a syntactically valid Origin is echoed, and the real request
 * is checked against the tenant's allowedOrigins by AuthGuard (403, no side effect, when the
 * origin is not listed). Anything else is a 403 problem without CORS headers.
 */
@Injectable()
export class PreflightInstaller implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    for (const prefix of BROWSER_ROUTE_PREFIXES) {
      for (const url of [prefix, `${prefix}/*`]) fastify.route({ method: 'OPTIONS', url, handler: answerPreflight });
    }
  }
}

async function answerPreflight(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const origin = request.headers.origin;
  const method = request.headers['access-control-request-method'];
  if (typeof origin !== 'string' || !isValidOrigin(origin) || typeof method !== 'string') {
    const problem = problems.forbidden('CORS_PREFLIGHT_REJECTED', 'A preflight needs a valid Origin and Access-Control-Request-Method.');
    await reply.status(403).header('content-type', PROBLEM_CONTENT_TYPE).send(problem.toProblem(getRequestContext()?.requestId));
    return;
  }
  await reply.status(204).headers(preflightHeaders(origin)).send();
}
