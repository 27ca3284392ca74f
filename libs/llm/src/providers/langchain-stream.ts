import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatGenerationChunk } from '@langchain/core/outputs';
import { RunnableBinding } from '@langchain/core/runnables';
import type { ModelToolCall, ModelToolSpec } from '../generation/generation.types';
import type { PromptMessage } from '../prompt/prompt-messages';
import type { ProviderOutput, ProviderRun } from './provider.types';
import { MAX_TOOL_CALLS, ToolCallCollector, toToolDefinitions } from './tool-calls.util';
import { ACTION_TOOL_NOTE, refusedRun, toolResultContent } from './tool-result.util';

function toLangChain(message: PromptMessage): BaseMessage {
  if (message.role === 'system') return new SystemMessage(message.content);
  if (message.role === 'assistant') return new AIMessage(message.content);
  return new HumanMessage(message.content);
}

// Finish reasons meaning "stopped at the token limit", per provider (OpenAI, Gemini, Ollama).
const LENGTH_REASONS = new Set(['length', 'MAX_TOKENS', 'max_tokens']);

/** At most this many rounds run data tools; the model then answers with no data tool bound. */
export const MAX_TOOL_ROUNDS = 3;
/** Data-tool calls beyond this many in one round get a failure instead of running. */
export const MAX_DATA_CALLS_PER_ROUND = 5;

type Usage = ProviderOutput['usage'];

interface RoundOutput {
  text: string;
  usage: Usage;
  finishReason: 'stop' | 'length';
  toolCalls: ModelToolCall[];
}

/**
 * Streams a LangChain chat model: passes the run's AbortSignal (a disconnect or timeout cancels
 * the upstream request), forwards every text chunk, and sums `usage_metadata` the way
 * LangChain's own chunk concatenation does (OpenAI and Ollama send it once, at the end). With
 * `request.tools` the model is bound to them (bindTools; not for a structured task) and its tool
 * calls are gathered from the chunks' `tool_call_chunks`; the text still streams as it comes.
 *
 * With `request.dataTools` (and a runner) this is a tool loop (docs/adr/0019-tool-loop.md):
 * when a round ends with data-tool calls they run in parallel through `run.runTool`, the
 * AIMessage with its tool_calls and one ToolMessage per call are appended, and the next round
 * streams. At most MAX_TOOL_ROUNDS rounds run tools; then the model answers without them. Action
 * calls of every round are collected and returned, never executed here. Text of every round goes
 * to onToken as it comes; usage is summed over the rounds.
 */
export async function streamChatModel(model: BaseChatModel, prompt: readonly PromptMessage[], run: ProviderRun): Promise<ProviderOutput> {
  const actionTools = run.request.task?.kind === 'structured' ? [] : (run.request.tools ?? []);
  const dataTools = run.request.task || run.runTool === undefined ? [] : (run.request.dataTools ?? []);
  const dataNames = new Set(dataTools.map((tool) => tool.name));
  const messages = prompt.map(toLangChain);
  const promptTexts = prompt.map((m) => m.content);
  const actionCalls: ModelToolCall[] = [];
  let content = '';
  let usage: Usage;
  let finishReason: 'stop' | 'length' = 'stop';

  for (let round = 1; ; round++) {
    const bound = round <= MAX_TOOL_ROUNDS ? [...actionTools, ...dataTools] : actionTools;
    const output = await streamRound(model, bound, messages, run, content);
    content += output.text;
    usage = addUsage(usage, output.usage);
    finishReason = output.finishReason;
    const dataCalls = output.toolCalls.filter((call) => dataNames.has(call.name));
    // A data tool named in the last round (when none is bound) is dropped, never passed on as an action.
    actionCalls.push(...output.toolCalls.filter((call) => !dataNames.has(call.name)));
    if (run.signal.aborted || dataCalls.length === 0 || round > MAX_TOOL_ROUNDS) break;

    const calls = output.toolCalls.map((call, index) => ({ ...call, id: call.id ?? `call_r${round}_${index + 1}` }));
    messages.push(
      new AIMessage({
        content: output.text,
        tool_calls: calls.map((call) => ({ id: call.id, name: call.name, args: call.args ?? {}, type: 'tool_call' as const })),
      }),
    );
    let dataIndex = 0;
    const results = await Promise.all(
      calls.map((call): Promise<string> => {
        if (!dataNames.has(call.name)) return Promise.resolve(ACTION_TOOL_NOTE);
        dataIndex += 1;
        return runDataCall(call, dataIndex, run);
      }),
    );
    calls.forEach((call, index) => {
      messages.push(new ToolMessage({ content: results[index], tool_call_id: call.id, name: call.name }));
      promptTexts.push(results[index]);
    });
    if (run.signal.aborted) break;
  }
  return {
    content,
    finishReason: run.signal.aborted ? 'cancelled' : finishReason,
    usage,
    promptTexts,
    toolCalls: actionCalls.length > 0 ? actionCalls.slice(0, MAX_TOOL_CALLS) : undefined,
  };
}

/** One data-tool call: refused here when its arguments did not parse or the round has too many, else run by the router. */
async function runDataCall(call: ModelToolCall & { id: string }, indexInRound: number, run: ProviderRun): Promise<string> {
  if (call.args === null) return toolResultContent(call.name, refusedRun('invalid_arguments'));
  if (indexInRound > MAX_DATA_CALLS_PER_ROUND) return toolResultContent(call.name, refusedRun('too_many_calls'));
  // Raced with the signal: a runner that ignores it cannot hold a cancelled or timed-out turn open.
  const runTool = run.runTool as NonNullable<ProviderRun['runTool']>;
  const outcome = await raceAbort(runTool({ id: call.id, name: call.name, args: call.args }), run.signal);
  return toolResultContent(call.name, outcome);
}

/** What one streamed chunk carries, whichever way it was streamed (see modelChunks). */
interface StreamedPiece {
  text: string;
  message: AIMessageChunk;
  /** Where LangChain's stream() would have merged it into message.response_metadata. */
  generationInfo?: Record<string, unknown>;
}

/** Streams one model call; text goes to onToken (after a space when it would run into the previous round's text). */
async function streamRound(
  model: BaseChatModel,
  tools: readonly ModelToolSpec[],
  messages: readonly BaseMessage[],
  run: ProviderRun,
  before: string,
): Promise<RoundOutput> {
  const runnable = tools.length > 0 && model.bindTools ? model.bindTools(toToolDefinitions(tools)) : model;
  const stream = modelChunks(model, runnable, messages, run.signal) ?? (await streamed(runnable, messages, run.signal));
  const toolCalls = new ToolCallCollector();
  let text = '';
  let usage: Usage;
  let finishReason: RoundOutput['finishReason'] = 'stop';
  for await (const chunk of untilAborted(stream, run.signal)) {
    let piece = chunk.text;
    if (piece.length > 0) {
      if (text.length === 0 && before.length > 0 && !/\s$/.test(before) && !/^\s/.test(piece)) piece = ` ${piece}`;
      text += piece;
      run.onToken(piece);
    }
    const message = chunk.message;
    if (toolCalls.add(message.tool_call_chunks)) run.onActivity?.();
    if (message.usage_metadata)
      usage = addUsage(usage, { inputTokens: message.usage_metadata.input_tokens, outputTokens: message.usage_metadata.output_tokens });
    const reason = finishReasonOf(chunk.generationInfo) ?? finishReasonOf(message.response_metadata);
    if (typeof reason === 'string' && LENGTH_REASONS.has(reason)) finishReason = 'length';
  }
  return { text, usage, finishReason, toolCalls: toolCalls.calls() ?? [] };
}

/**
 * The model's own chunk stream (`_streamResponseChunks`, the method a LangChain chat model
 * implements to stream), called with the options `stream()` would hand it: the bound tools of
 * `bindTools` and the AbortSignal. `stream()` around it adds what this code does not use and pays
 * for it on every chunk: the callback manager's run (no handlers here, no tracing), a running
 * aggregate of every chunk so far (`concat`: a new AIMessageChunk per chunk, for handleLLMEnd)
 * and an AsyncLocalStorage hop per chunk; in-process against the bench's mock model the direct
 * stream costs about 0.6-1.2 ms less CPU per 36-chunk answer (bench/chat-path/llm-client.mjs).
 * Undefined (the caller uses `stream()`) for a model that does not stream by itself
 * (disableStreaming, or no `_streamResponseChunks` of its own) or a runnable that is not the
 * model or the model bound to options.
 */
function modelChunks(
  model: BaseChatModel,
  runnable: unknown,
  messages: readonly BaseMessage[],
  signal: AbortSignal,
): AsyncIterable<StreamedPiece> | undefined {
  if (model.disableStreaming || model._streamResponseChunks === BaseChatModel.prototype._streamResponseChunks) return undefined;
  let bound: Record<string, unknown> = {};
  if (runnable instanceof RunnableBinding) {
    if (runnable.bound !== model) return undefined;
    bound = { ...(runnable.config as Record<string, unknown>), ...(runnable.kwargs as Record<string, unknown>) };
  } else if (runnable !== model) return undefined;
  const options = { ...bound, signal } as BaseChatModel['ParsedCallOptions'];
  return model._streamResponseChunks([...messages], options) as AsyncIterable<ChatGenerationChunk & StreamedPiece>;
}

/** LangChain's stream(): its chunks are the messages, with generationInfo merged into response_metadata. */
async function streamed(
  runnable: { stream(input: BaseMessage[], options: { signal: AbortSignal }): Promise<AsyncIterable<AIMessageChunk>> },
  messages: readonly BaseMessage[],
  signal: AbortSignal,
): Promise<AsyncIterable<StreamedPiece>> {
  const stream = await raceAbort(runnable.stream([...messages], { signal }), signal);
  return (async function* () {
    for await (const message of stream) yield { text: message.text, message };
  })();
}

/** The finish reason as OpenAI (finish_reason), Gemini (finishReason) or Ollama (done_reason) report it. */
function finishReasonOf(info: Record<string, unknown> | undefined): unknown {
  return info?.finish_reason ?? info?.finishReason ?? info?.done_reason;
}

function addUsage(sum: Usage, more: Usage): Usage {
  if (more === undefined) return sum;
  return { inputTokens: (sum?.inputTokens ?? 0) + more.inputTokens, outputTokens: (sum?.outputTokens ?? 0) + more.outputTokens };
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Iterates `source` but stops waiting the moment `signal` aborts, throwing its reason. Some
 * LangChain integrations look at the signal only when the next chunk arrives, so a stalled
 * server would otherwise hold a cancelled or timed-out turn open indefinitely.
 */
export function untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  return new UntilAborted(source[Symbol.asyncIterator](), signal);
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

/**
 * untilAborted's iterator. One abort listener for the whole stream and one promise per chunk
 * (an async generator racing every read against a shared abort promise made about five, each
 * through the services' async hooks, and left a reaction on that promise per chunk). When it
 * stops early (abort, a failed read, the consumer's break) it calls the source's return(), not
 * awaited: a generator suspended in a pending read settles its return() only after that read.
 */
class UntilAborted<T> implements AsyncIterableIterator<T> {
  private closed = false;
  private reject: ((error: unknown) => void) | undefined;
  private readonly onAbort = () => {
    const reject = this.reject;
    this.reject = undefined;
    this.close(true);
    reject?.(abortReason(this.signal));
  };

  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.signal.aborted) {
      this.close(true);
      return Promise.reject(abortReason(this.signal));
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      this.reject = reject;
      this.source.next().then(
        (result) => {
          this.reject = undefined;
          if (result.done) this.close(false);
          resolve(result);
        },
        (error: unknown) => {
          this.reject = undefined;
          this.close(true);
          reject(error);
        },
      );
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.close(true);
    return Promise.resolve({ value: undefined, done: true });
  }

  private close(early: boolean): void {
    if (this.closed) return;
    this.closed = true;
    this.signal.removeEventListener('abort', this.onAbort);
    if (early) this.source.return?.()?.catch(() => undefined);
  }
}
