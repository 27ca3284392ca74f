import { IntegrationCallError } from '../connector.types';
import type { PlaceholderValue } from '../mapping/placeholder-values.util';

export interface BoundStatement {
  /** The text with `$1..$n` (PostgreSQL) or `?` (MySQL) where the `:name` placeholders were. */
  text: string;
  values: PlaceholderValue[];
}

/**
 * A tenant's SELECT, checked: one statement only (no `;` anywhere) that starts with SELECT or
 * WITH. The transaction is READ ONLY as well; this only keeps obvious mistakes out early.
 */
export function assertReadOnlySelect(sql: string): void {
  if (sql.includes(';')) throw new IntegrationCallError('not_configured', 'refused: a SQL endpoint is one statement, without ";"');
  if (!/^\s*(select|with)\b/i.test(sql))
    throw new IntegrationCallError('not_configured', 'refused: a SQL endpoint is a SELECT (or WITH ... SELECT)');
}

/**
 * Replaces `:name` placeholders with the driver's parameter markers and lists the values to
 * bind: nothing from a visitor is ever spliced into the text. Quoted strings ('...'), quoted
 * identifiers ("..." and `...`), comments and PostgreSQL casts (`::int`) are left alone. A
 * placeholder without a value is the caller's error (invalid_arguments).
 */
export function bindNamedPlaceholders(
  sql: string,
  values: Readonly<Record<string, PlaceholderValue>>,
  style: 'postgres' | 'mysql',
): BoundStatement {
  const bound: PlaceholderValue[] = [];
  const indexOf = new Map<string, number>();
  let text = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const skipped = /^('(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|--[^\n]*|\/\*[\s\S]*?\*\/|::)/.exec(rest);
    if (skipped) {
      text += skipped[0];
      i += skipped[0].length;
      continue;
    }
    const placeholder = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (placeholder) {
      const name = placeholder[1];
      if (!Object.prototype.hasOwnProperty.call(values, name))
        throw new IntegrationCallError('invalid_arguments', `the endpoint needs a value for "${name}"`);
      if (style === 'mysql') {
        bound.push(values[name]);
        text += '?';
      } else {
        let index = indexOf.get(name);
        if (index === undefined) {
          bound.push(values[name]);
          index = bound.length;
          indexOf.set(name, index);
        }
        text += `$${index}`;
      }
      i += placeholder[0].length;
      continue;
    }
    text += sql[i];
    i += 1;
  }
  return { text, values: bound };
}

/**
 * The endpoint's SELECT as a derived table with a row limit: one row more than asked, to tell
 * "exactly maxRows" from "more" (then cut). The newline keeps a trailing `--` comment from
 * swallowing the closing parenthesis.
 */
export function limitedSelect(text: string, rows: number, prefix = 'SELECT'): string {
  return `${prefix} * FROM (\n${text}\n) AS parley_endpoint LIMIT ${Math.trunc(rows)}`;
}
