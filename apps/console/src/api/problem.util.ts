/**
 * Errors of the gateway are application/problem+json (RFC 9457): `title`, `detail`, a stable
 * `type`/`code`, and for validation errors the offending fields. ApiProblem carries them to the
 * page that shows them; anything else (a network failure, a body that is not a problem) is
 * turned into one so a page has one kind of error to render.
 */
export interface ProblemField {
  path: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly requestId: string | undefined;
  readonly fields: ProblemField[];

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    code?: string;
    type?: string;
    requestId?: string;
    fields?: ProblemField[];
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.type = init.type;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function fieldsOf(value: unknown): ProblemField[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { path, message } = entry as Record<string, unknown>;
    const msg = text(message);
    return msg ? [{ path: text(path) ?? '', message: msg }] : [];
  });
}

/** The problem a response body describes; `status` comes from the response when the body lacks it. */
export function toProblem(body: unknown, status: number, statusText = ''): ApiProblem {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const title = text(b.title);
    if (title) {
      return new ApiProblem({
        status: typeof b.status === 'number' ? b.status : status,
        title,
        detail: text(b.detail),
        code: text(b.code),
        type: text(b.type),
        requestId: text(b.requestId),
        fields: fieldsOf(b.errors),
      });
    }
  }
  const detail = typeof body === 'string' ? text(body.slice(0, 300)) : undefined;
  return new ApiProblem({ status, title: text(statusText) ?? `Request failed (HTTP ${status})`, detail });
}

/** A failure before any answer (offline, DNS, refused connection). */
export function networkProblem(error: unknown): ApiProblem {
  const detail = error instanceof Error ? error.message : undefined;
  return new ApiProblem({ status: 0, title: 'The server could not be reached', detail: detail ?? 'Check your connection and try again.' });
}

/** openapi-fetch's result: the data, or the problem thrown for the page to show. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T;
  throw toProblem(result.error, result.response.status, result.response.statusText);
}
