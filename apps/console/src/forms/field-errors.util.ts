import { ApiProblem } from '../api/problem.util';

/**
 * A problem+json's field errors by path (`config.persona`, `config.allowedOrigins.2`), so a form
 * shows each message next to its control. Several messages for one path are joined.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiProblem)) return {};
  const out: Record<string, string> = {};
  for (const field of error.fields) {
    if (!field.path) continue;
    out[field.path] = out[field.path] ? `${out[field.path]}; ${field.message}` : field.message;
  }
  return out;
}

/**
 * The message for a control: its own path, or any path below it (`config.allowedOrigins.2`
 * belongs to the origins list), with the index named for list items.
 */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const messages: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    if (key === path) messages.push(message);
    else if (key.startsWith(`${path}.`)) {
      const rest = key.slice(path.length + 1);
      messages.push(/^\d+$/.test(rest) ? `item ${Number(rest) + 1}: ${message}` : `${rest}: ${message}`);
    }
  }
  return messages.length > 0 ? messages.join('; ') : undefined;
}
