import type { ChatStreamFrame, ErrorBody } from '@parley/contracts';
import { getRequestContext } from '@parley/observability';
import { RpcError } from '@parley/messaging';
import { problemForRpcError } from '../http/rpc-problem.mapper';
import type { SseResponse } from '../chat/sse/sse.response';
import type { TurnSink } from '../chat/stream/turn-relay.util';
import type { TurnStreamFormat } from '../chat/stream/turn-streamer.service';
import { completionChunk, completionId, usageChunk, type ChunkInit } from './chat-completion.mapper';
import { toOpenAiError } from './openai-error.mapper';

/**
 * A turn as OpenAI `chat.completion.chunk` events: a first chunk with the assistant role, one
 * per token, a last one with finish_reason `stop` (plus a usage chunk when asked for), then
 * `data: [DONE]`. A failure is written as `data: {"error":{...}}`, which OpenAI SDKs raise as
 * an APIError, and no `[DONE]` follows it. Signal and action frames have no OpenAI equivalent.
 */
export class OpenAiChunkSink implements TurnSink {
  private opened = false;
  failed = false;

  constructor(
    private readonly sse: SseResponse,
    private readonly init: ChunkInit,
    private readonly includeUsage: boolean,
  ) {}

  frame(frame: Extract<ChatStreamFrame, { type: 'signal' | 'token' | 'action' | 'tool' }>): void {
    if (frame.type !== 'token') return;
    this.open();
    this.sse.data(completionChunk(this.init, { content: frame.content }, null));
  }

  done(frame: Extract<ChatStreamFrame, { type: 'done' }>): void {
    this.open();
    this.sse.data(completionChunk(this.init, {}, 'stop'));
    if (this.includeUsage) this.sse.data(usageChunk(this.init, frame.usage));
  }

  fail(error: ErrorBody): void {
    this.failed = true;
    const problem = problemForRpcError(new RpcError(error.code, error.message, error.details)).toProblem(getRequestContext()?.requestId);
    this.sse.data(toOpenAiError(problem));
  }

  ping(): void {
    this.sse.comment('ping');
  }

  private open(): void {
    if (this.opened) return;
    this.opened = true;
    this.sse.data(completionChunk(this.init, { role: 'assistant', content: '' }, null));
  }
}

/** Chunks of one completion; every chunk carries `chatcmpl-<turnId>`, as the JSON answer does. */
export function openAiStreamFormat(model: string, created: number, includeUsage: boolean): TurnStreamFormat {
  let sink: OpenAiChunkSink | undefined;
  return {
    sink: (sse: SseResponse, turnId: string) =>
      (sink = new OpenAiChunkSink(sse, { id: completionId(turnId), created, model }, includeUsage)),
    finish: (sse: SseResponse) => {
      if (sink && !sink.failed) sse.dataText('[DONE]');
    },
  };
}
