import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PROBLEM_CONTENT_TYPE } from '@parley/observability';
import type { FastifyInstance } from 'fastify';
import type { GatewayProblem } from '../http/problem.exception';
import { toOpenAiError } from './openai-error.mapper';
import { OPENAI_PATH_PREFIX } from './openai-framework-problem.renderer';

export { OPENAI_PATH_PREFIX };

/**
 * Errors raised before a route handler runs (body parser: invalid JSON or UTF-8, too large;
 * unknown /v1/ routes) are rendered as problem+json by the gateway's error handling, outside
 * the OpenAI controller's filter. This onSend hook rewrites those under /v1/ into OpenAI's
 * error shape, so OpenAI SDKs always get an error they understand.
 */
@Injectable()
export class OpenAiProblemRewriter implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onSend', (request, reply, payload, done) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (!request.url.startsWith(OPENAI_PATH_PREFIX) || !type.startsWith(PROBLEM_CONTENT_TYPE) || typeof payload !== 'string')
        return done(null, payload);
      try {
        const problem = JSON.parse(payload) as GatewayProblem;
        void reply.header('content-type', 'application/json; charset=utf-8');
        done(null, JSON.stringify(toOpenAiError(problem)));
      } catch {
        done(null, payload);
      }
    });
  }
}
