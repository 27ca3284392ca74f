import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { getRequestContext, PROBLEM_CONTENT_TYPE, ProblemDetailsFilter, type Logger } from '@parley/observability';
import { ProblemException } from './problem.exception';

/** Fastify's own 4xx errors (body parser, media type) that reach Nest as HttpException causes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

/**
 * The gateway's error renderer: a ProblemException keeps its own type, code, field list and
 * headers; Fastify's body errors get a stable code; everything else is rendered by the shared
 * ProblemDetailsFilter (opaque, logged 500s). Registered after ObservabilityModule's filter so
 * Nest tries it first (later global filters take precedence).
 */
@Catch()
export class GatewayProblemFilter implements ExceptionFilter {
  private readonly fallback: ProblemDetailsFilter;

  constructor(private readonly logger: Logger) {
    this.fallback = new ProblemDetailsFilter(logger);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const requestId = getRequestContext()?.requestId;
    const problem = this.toProblemException(exception);
    if (!problem) return this.fallback.catch(exception, host);
    if (problem.getStatus() >= 500) this.logger.error({ err: problem.cause ?? exception, request_id: requestId }, 'request failed');
    for (const [name, value] of Object.entries(problem.headers)) void reply.header(name, value);
    void reply.status(problem.getStatus()).header('content-type', PROBLEM_CONTENT_TYPE).send(problem.toProblem(requestId));
  }

  private toProblemException(exception: unknown): ProblemException | undefined {
    if (exception instanceof ProblemException) return exception;
    if (!(exception instanceof HttpException)) return undefined;
    const code = (exception.cause as { code?: unknown } | undefined)?.code;
    const mapped = typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
    if (!mapped) return undefined;
    const status = exception.getStatus();
    const title = status === 413 ? 'Payload too large' : status === 415 ? 'Unsupported media type' : 'Bad request';
    return new ProblemException({ status, code: mapped, title, detail: exception.message });
  }
}
