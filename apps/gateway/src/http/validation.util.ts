import type { z } from 'zod';
import { problems, type ProblemException, type ProblemFieldError } from './problem.exception';

type IssuePath = ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;

/** A Standard Schema (or zod) issue: what the validation pipe and zod report. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: IssuePath;
}

function dotted(path: IssuePath): string {
  if (!path || path.length === 0) return '(body)';
  return path.map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment)).join('.');
}

/** Zod or any Standard Schema issues as the `errors` list of a 400 problem. */
export function fieldErrorsFromIssues(issues: readonly SchemaIssue[]): ProblemFieldError[] {
  return issues.map((issue) => ({ path: dotted(issue.path), message: issue.message }));
}

/** The 400 answer for failed schema validation (the global pipe's exception factory). */
export function validationProblem(issues: readonly SchemaIssue[]): ProblemException {
  return problems.validation(fieldErrorsFromIssues(issues));
}

/**
 * Validates a request part against a zod schema: the parsed value, or a 400 problem+json
 * listing every offending field (`errors: [{ path, message }]`). For handlers that validate
 * by hand; routes can also declare `@Body({ schema })` / `@Query({ schema })` and let the
 * global pipe do it.
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value === undefined ? {} : value);
  if (!result.success) throw problems.validation(fieldErrorsFromIssues(result.error.issues));
  return result.data;
}

/** `parseBody` for query strings (same answer, different wording). */
export function parseQuery<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw problems.validation(fieldErrorsFromIssues(result.error.issues), 'The query string has invalid or missing parameters.');
  return result.data;
}

/**
 * A chat message longer than GATEWAY_MAX_MESSAGE_CHARS: 413 problem naming the field.
 * Characters are counted as Unicode code points, so an emoji counts once.
 */
export function assertMessageWithinLimit(message: string, maxChars: number, path = 'message'): void {
  let length = 0;
  for (const _ of message) {
    length += 1;
    if (length > maxChars) {
      throw problems.payloadTooLarge(`The message is longer than ${maxChars} characters.`, [
        { path, message: `must be at most ${maxChars} characters` },
      ]);
    }
  }
}
