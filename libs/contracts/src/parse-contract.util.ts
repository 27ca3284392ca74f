import type { z } from 'zod';
import type { FieldIssue } from './common/reply-envelope.schema';
import type { PayloadOf, SchemaContract } from './contract.types';

export interface ContractValidationError {
  contract: string;
  message: string;
  issues: FieldIssue[];
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ContractValidationError };

const MAX_ISSUES = 50;

/** Maps zod issues to `{ path: 'a.b.0', code, message }`; the root is reported as `(root)`. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    code: issue.code,
    message: issue.message,
  }));
}

/** Validates `data` against a contract's schema; never throws on bad input. */
export function parseContract<C extends SchemaContract>(contract: C, data: unknown): ParseResult<PayloadOf<C>> {
  const result = contract.schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data as PayloadOf<C> };
  const issues = toFieldIssues(result.error.issues);
  const fields = [...new Set(issues.map((i) => i.path))].join(', ');
  return {
    ok: false,
    error: { contract: contract.id, message: `${contract.id} payload is invalid (${fields})`, issues },
  };
}
