// What every answer of the gateway must satisfy, whatever was sent: no 5xx (also not inside a
// stream), errors as problem+json with a stable type (OpenAI's error shape under /v1/, the
// documented exception), a request id, and nothing of a tenant the caller does not act for.

export interface ObservedResponse {
  status: number;
  contentType: string;
  requestId: string | null;
  text: string;
}

export interface InvariantContext {
  path: string;
  /** The tenant the credential acts for; null for anonymous callers; `owner` may see every tenant. */
  actsFor: 'A' | 'B' | null | 'owner';
  markers: Record<'A' | 'B', string>;
}

/** `fuzzer-error`: the suite itself failed to build or send a case (a bug here, reported rather than ending the run). */
export type ViolationKind = '5xx' | 'not-problem-json' | 'unstable-type' | 'cross-tenant' | 'no-request-id' | 'stream-5xx' | 'fuzzer-error';

export interface InvariantViolation {
  kind: ViolationKind;
  detail: string;
}

const PROBLEM_TYPE = /^urn:parley:problem:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OPENAI_PREFIX = '/v1/';

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `data:` payloads of an SSE body that parse as JSON. */
export function sseData(text: string): unknown[] {
  return text
    .split(/\r?\n\r?\n/)
    .map((block) =>
      block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n'),
    )
    .filter((data) => data.length > 0 && data !== '[DONE]')
    .map(parse)
    .filter((value) => value !== undefined);
}

/** The stable type of an error answer, or a violation. */
function errorType(path: string, response: ObservedResponse): { type?: string; violation?: InvariantViolation } {
  const body = parse(response.text) as Record<string, unknown> | undefined;
  if (path.startsWith(OPENAI_PREFIX)) {
    const error = body?.error as { type?: unknown; code?: unknown } | undefined;
    if (!response.contentType.startsWith('application/json') || typeof error?.type !== 'string' || typeof error.code !== 'string') {
      return {
        violation: {
          kind: 'not-problem-json',
          detail: `OpenAI-compatible error expected, got ${response.contentType}: ${response.text.slice(0, 200)}`,
        },
      };
    }
    return /^[a-z0-9_]+$/.test(error.code)
      ? { type: `openai:${error.code}` }
      : { violation: { kind: 'unstable-type', detail: `error.code ${error.code}` } };
  }
  if (!response.contentType.startsWith('application/problem+json') || body === undefined) {
    return {
      violation: { kind: 'not-problem-json', detail: `${response.contentType || '(no content type)'}: ${response.text.slice(0, 200)}` },
    };
  }
  const type = body.type;
  if (typeof type !== 'string' || !PROBLEM_TYPE.test(type) || body.status !== response.status || typeof body.title !== 'string') {
    return {
      violation: { kind: 'unstable-type', detail: `type ${String(type)}, status ${String(body.status)} for HTTP ${response.status}` },
    };
  }
  return { type };
}

/** Error frames of a stream that carry a 5xx (chat `{"type":"error","error":{status}}`, OpenAI `{"error":{"type":"api_error"}}`). */
function streamServerErrors(text: string): string[] {
  return sseData(text).flatMap((frame) => {
    const f = frame as { type?: unknown; error?: { status?: unknown; type?: unknown; code?: unknown } };
    if (f.type === 'error' && typeof f.error?.status === 'number' && f.error.status >= 500)
      return [`${f.error.status} ${String(f.error.code ?? '')}`];
    if (f.type === undefined && f.error?.type === 'api_error') return [`api_error ${String(f.error.code ?? '')}`];
    return [];
  });
}

/** Checks one answer; returns the problem type (or `openai:<code>`) of an error answer and every violation. */
export function checkResponse(context: InvariantContext, response: ObservedResponse): { type?: string; violations: InvariantViolation[] } {
  const violations: InvariantViolation[] = [];
  let type: string | undefined;
  if (response.status >= 500) violations.push({ kind: '5xx', detail: `${response.status}: ${response.text.slice(0, 300)}` });
  if (response.status >= 400) {
    const checked = errorType(context.path, response);
    type = checked.type;
    if (checked.violation) violations.push(checked.violation);
  }
  if (!response.requestId) violations.push({ kind: 'no-request-id', detail: `HTTP ${response.status} without x-request-id` });
  if (response.contentType.startsWith('text/event-stream')) {
    for (const error of streamServerErrors(response.text)) violations.push({ kind: 'stream-5xx', detail: `error frame ${error}` });
  }
  if (context.actsFor !== 'owner') {
    for (const [tenant, marker] of Object.entries(context.markers)) {
      if (tenant !== context.actsFor && response.text.includes(marker)) {
        violations.push({
          kind: 'cross-tenant',
          detail: `answer to ${context.actsFor ?? 'an anonymous caller'} contains tenant ${tenant}'s marker`,
        });
      }
    }
  }
  return { type, violations };
}
