import type { GatewayProblem } from '../http/problem.exception';
import type { OpenAiError } from './dto/chat-completion.schemas';

/** OpenAI's error `type` for an HTTP status. */
export function openAiErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

/** A problem in OpenAI's error shape `{error:{message,type,param,code}}`; `code` is Parley's code in lower case. */
export function toOpenAiError(problem: GatewayProblem): OpenAiError {
  const fields = problem.errors ?? [];
  const detail = problem.detail ?? problem.title;
  const message = fields.length > 0 ? `${detail} ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}` : detail;
  return {
    error: {
      message,
      type: openAiErrorType(problem.status),
      param: fields[0]?.path ?? null,
      code: problem.code.toLowerCase(),
    },
  };
}
