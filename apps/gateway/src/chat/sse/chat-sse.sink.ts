import type { ChatStreamFrame, ErrorBody } from '@parley/contracts';
import { getRequestContext } from '@parley/observability';
import { problemForRpcError } from '../../http/rpc-problem.mapper';
import { RpcError } from '@parley/messaging';
import type { TurnSink } from '../stream/turn-relay.util';
import type { SseResponse } from './sse.response';

/** The RFC 9457 problem an error frame carries (same shape and codes as an error status would have). */
export function problemForErrorBody(error: ErrorBody): object {
  return problemForRpcError(new RpcError(error.code, error.message, error.details)).toProblem(getRequestContext()?.requestId);
}

/**
 * Writes a turn as the SSE frames of ARCHITECTURE.md: `signal`, `token`, `tool` (a live-data
 * lookup starting or ending), `action`, then
 * exactly one `done` (message id and usage) or `error` (a problem). The internal `version`
 * and `seq` of chat's frames stay inside Parley.
 */
export class ChatSseSink implements TurnSink {
  constructor(private readonly sse: SseResponse) {}

  frame(frame: Extract<ChatStreamFrame, { type: 'signal' | 'token' | 'action' | 'tool' }>): void {
    switch (frame.type) {
      case 'signal':
        return this.sse.data({ type: 'signal', signals: frame.signals });
      case 'token':
        return this.sse.data({ type: 'token', content: frame.content });
      case 'action':
        return this.sse.data({ type: 'action', action: frame.action });
      case 'tool':
        return this.sse.data({ type: 'tool', tool: frame.tool });
    }
  }

  done(frame: Extract<ChatStreamFrame, { type: 'done' }>): void {
    this.sse.data({ type: 'done', message_id: frame.message_id, usage: frame.usage });
  }

  fail(error: ErrorBody): void {
    this.sse.data({ type: 'error', error: problemForErrorBody(error) });
  }

  ping(): void {
    this.sse.comment('ping');
  }
}
