import type { FrameworkProblemRenderer } from '@parley/observability';
import { toOpenAiError } from './openai-error.mapper';

/** Everything under this prefix is the OpenAI-compatible surface. */
export const OPENAI_PATH_PREFIX = '/v1/';

/**
 * Errors Fastify answers before any hook runs (a malformed URL, a path segment too long,
 * headers too large, broken HTTP) in OpenAI's error shape under /v1/, like every other error
 * there (see OpenAiProblemRewriter); problem+json elsewhere. Pure, so main.ts can pass it to
 * startService before telemetry starts.
 */
export const openAiFrameworkProblem: FrameworkProblemRenderer = (url, { type, title, status, code, detail, requestId }) =>
  url.startsWith(OPENAI_PATH_PREFIX)
    ? {
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(toOpenAiError({ type, title, status, code, detail, requestId })),
      }
    : undefined;
