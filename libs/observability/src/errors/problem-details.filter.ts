import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { getRequestContext } from '../request-context/request-context.storage';
import { PROBLEM_CONTENT_TYPE, problemForStatus, type ProblemDetails } from './problem-details';

/**
 * The last line of defence of every service's HTTP surface: any exception becomes
 * problem+json. HTTP exceptions keep their status and a safe message; anything else is an
 * opaque 500 whose details go to the log (under `err`, with the request id), never to the
 * client. Feature modules map their domain error codes to statuses before this point.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const requestId = getRequestContext()?.requestId;
    const problem = this.toProblem(exception, requestId);
    if (problem.status >= 500) this.logger.error({ err: exception, request_id: requestId }, 'request failed');
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown, requestId?: string): ProblemDetails {
    if (!(exception instanceof HttpException)) return problemForStatus(500, undefined, requestId);
    const status = exception.getStatus();
    if (status >= 500) return problemForStatus(status, undefined, requestId);
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
    return problemForStatus(status, detail, requestId);
  }
}
