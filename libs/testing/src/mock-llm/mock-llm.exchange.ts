import type { ServerResponse } from 'node:http';
import { errorTypeForStatus, openAiError, sendJson, sleep, untilAborted } from './mock-llm.http';
import type { MockLlmRecorder } from './mock-llm.recorder';
import type { MockErrorResponse, MockLatency, RecordedRequest } from './mock-llm.types';

/** Everything one request handler needs; `signal` aborts when the client goes away or the mock closes. */
export interface ExchangeContext {
  request: RecordedRequest;
  res: ServerResponse;
  signal: AbortSignal;
  recorder: MockLlmRecorder;
}

export async function sendFailureStatus(ctx: ExchangeContext, failure: MockErrorResponse, defaults: MockLatency): Promise<void> {
  if (!(await sleep(failure.latency?.firstTokenDelayMs ?? defaults.firstTokenDelayMs ?? 0, ctx.signal))) return;
  const body = openAiError(
    failure.message ?? `Mock failure with status ${failure.status}`,
    failure.errorType ?? errorTypeForStatus(failure.status),
    failure.code ?? null,
  );
  ctx.recorder.event(ctx.request, 'error');
  sendJson(ctx.res, failure.status, body, failure.headers);
  ctx.recorder.settle(ctx.request, 'failed');
}

/**
 * Closes the connection without finishing the response, as a crashed upstream would. The socket
 * is ended (not reset) so the chunks already written still reach the client before the close.
 */
export function dropConnection(ctx: ExchangeContext): void {
  ctx.recorder.event(ctx.request, 'dropped');
  ctx.recorder.settle(ctx.request, 'dropped');
  ctx.res.socket?.end();
}

/** Sends nothing more; the request settles as aborted when the client (or `close()`) gives up. */
export async function hang(ctx: ExchangeContext): Promise<void> {
  ctx.recorder.event(ctx.request, 'hanging');
  await untilAborted(ctx.signal);
}
