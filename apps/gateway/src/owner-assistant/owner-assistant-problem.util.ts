import { getRequestContext } from '@parley/observability';
import { ProblemException } from '../http/problem.exception';

/** The problem an SSE `error` frame carries once the stream is open: the same shape as an error status; opaque for anything unexpected. */
export function problemBody(error: unknown): object {
  const problem =
    error instanceof ProblemException
      ? error
      : new ProblemException({
          status: 500,
          code: 'INTERNAL',
          title: 'Internal Server Error',
          detail: 'The assistant failed; nothing more was changed.',
          cause: error,
        });
  return problem.toProblem(getRequestContext()?.requestId);
}
