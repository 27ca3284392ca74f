import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { RpcError } from '@parley/messaging';
import { getRequestContext, problemForStatus, SERVICE_LOGGER, type Logger } from '@parley/observability';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../http/problem.exception';
import { problemForRpcError } from '../http/rpc-problem.mapper';
import { toOpenAiError } from './openai-error.mapper';

function asProblem(exception: unknown): ProblemException {
  if (exception instanceof ProblemException) return exception;
  if (exception instanceof RpcError) return problemForRpcError(exception);
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const { code, title } = problemForStatus(exception.getStatus());
    return new ProblemException({ status: exception.getStatus(), code, title, detail: exception.message });
  }
  return new ProblemException({ status: 500, code: 'INTERNAL', title: 'Internal server error', cause: exception });
}

/**
 * Errors of the OpenAI-compatible routes in OpenAI's JSON shape, with the same statuses and
 * headers (Retry-After, RateLimit-*) as the rest of the API, so OpenAI SDKs raise their usual
 * error classes. Server errors are logged and stay opaque.
 */
@Catch()
export class OpenAiErrorFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = asProblem(exception);
    const requestId = getRequestContext()?.requestId;
    if (problem.getStatus() >= 500) this.logger.error({ err: problem.cause ?? exception, request_id: requestId }, 'request failed');
    if (reply.sent) return;
    for (const [name, value] of Object.entries(problem.headers)) void reply.header(name, value);
    void reply
      .status(problem.getStatus())
      .header('content-type', 'application/json; charset=utf-8')
      .send(toOpenAiError(problem.toProblem(requestId)));
  }
}
