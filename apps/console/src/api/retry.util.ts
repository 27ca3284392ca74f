import { ApiProblem } from './problem.util';

/** Queries retry twice on network failures and 5xx/429 answers; a 4xx will not change by retrying. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiProblem) return error.status === 0 || error.status === 429 || error.status >= 500;
  return true;
}
