import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { PromptMessage } from '../prompt/prompt-messages';
import type { ProviderOutput, ProviderRun } from './provider.types';
import { ToolCallCollector, toToolDefinitions } from './tool-calls.util';

function toLangChain(message: PromptMessage): BaseMessage {
  if (message.role === 'system') return new SystemMessage(message.content);
  if (message.role === 'assistant') return new AIMessage(message.content);
  return new HumanMessage(message.content);
}

// Finish reasons meaning "stopped at the token limit", per provider (OpenAI, Gemini, Ollama).
const LENGTH_REASONS = new Set(['length', 'MAX_TOKENS', 'max_tokens']);

/**
 * Streams a LangChain chat model: passes the run's AbortSignal (a disconnect or timeout cancels
 * the upstream request), forwards every text chunk, and sums `usage_metadata` the way
 * LangChain's own chunk concatenation does (OpenAI and Ollama send it once, at the end). With
 * `request.tools` the model is bound to them (bindTools) and its tool calls are gathered from
 * the chunks' `tool_call_chunks`; the text still streams as it comes.
 */
export async function streamChatModel(model: BaseChatModel, prompt: readonly PromptMessage[], run: ProviderRun): Promise<ProviderOutput> {
  const tools = run.request.task ? [] : (run.request.tools ?? []);
  const runnable = tools.length > 0 && model.bindTools ? model.bindTools(toToolDefinitions(tools)) : model;
  const stream = await raceAbort(runnable.stream(prompt.map(toLangChain), { signal: run.signal }), run.signal);
  const toolCalls = new ToolCallCollector();
  let content = '';
  let usage: ProviderOutput['usage'];
  let finishReason: ProviderOutput['finishReason'] = 'stop';
  for await (const chunk of untilAborted(stream, run.signal)) {
    const text = chunk.text;
    if (text.length > 0) {
      content += text;
      run.onToken(text);
    }
    if (toolCalls.add(chunk.tool_call_chunks)) run.onActivity?.();
    if (chunk.usage_metadata) {
      usage = {
        inputTokens: (usage?.inputTokens ?? 0) + chunk.usage_metadata.input_tokens,
        outputTokens: (usage?.outputTokens ?? 0) + chunk.usage_metadata.output_tokens,
      };
    }
    const reason = chunk.response_metadata?.finish_reason ?? chunk.response_metadata?.finishReason ?? chunk.response_metadata?.done_reason;
    if (typeof reason === 'string' && LENGTH_REASONS.has(reason)) finishReason = 'length';
  }
  return {
    content,
    finishReason: run.signal.aborted ? 'cancelled' : finishReason,
    usage,
    promptTexts: prompt.map((m) => m.content),
    toolCalls: toolCalls.calls(),
  };
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
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Not awaited: a generator suspended in a pending read settles its return() only after that read.
    if (!finished) iterator.return?.()?.catch(() => undefined);
  }
}
