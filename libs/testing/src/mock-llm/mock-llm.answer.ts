import { countPromptTokens, defaultAnswer, tokenize } from './mock-llm.tokens';
import type { MockChatRequest, MockChatResponse, MockLatency, MockUsageOverride } from './mock-llm.types';

export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
  /** The argument string cut into the fragments streamed as deltas. */
  fragments: string[];
}

export interface OpenAiUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What the mock will send for one chat request, computed before anything is written. */
export interface PlannedAnswer {
  id: string;
  model: string;
  created: number;
  tokens: string[];
  toolCalls: PlannedToolCall[];
  finishReason: 'stop' | 'tool_calls';
  usage: OpenAiUsage;
  latency: Required<MockLatency>;
  /** For drop and hang: how many tokens are sent before the failure; otherwise all of them. */
  sendTokens: number;
}

const FRAGMENT_LENGTH = 8;

export function fragments(text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += FRAGMENT_LENGTH) pieces.push(text.slice(i, i + FRAGMENT_LENGTH));
  return pieces;
}

export function usageOf(promptTokens: number, completionTokens: number, override?: MockUsageOverride): OpenAiUsage {
  const prompt = override?.promptTokens ?? promptTokens;
  const completion = override?.completionTokens ?? completionTokens;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export interface PlanContext {
  completionId: string;
  defaultModel: string;
  defaultLatency: MockLatency;
  nextToolCallId: () => string;
}

export function planAnswer(body: MockChatRequest, response: Exclude<MockChatResponse, { type: 'error' }>, ctx: PlanContext): PlannedAnswer {
  const text = response.type === 'tool_calls' ? (response.text ?? '') : (response.text ?? defaultAnswer(body));
  const tokens = tokenize(text);
  const toolCalls: PlannedToolCall[] =
    response.type === 'tool_calls'
      ? response.toolCalls.map((call) => {
          const args = typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
          return { id: call.id ?? ctx.nextToolCallId(), name: call.name, arguments: args, fragments: fragments(args) };
        })
      : [];
  const sendTokens =
    response.type === 'drop' || response.type === 'hang' ? Math.min(response.afterTokens ?? 0, tokens.length) : tokens.length;
  const completionTokens = sendTokens + toolCalls.reduce((sum, call) => sum + call.fragments.length, 0);
  const override = response.type === 'text' || response.type === 'tool_calls' ? response.usage : undefined;
  return {
    id: ctx.completionId,
    model: typeof body.model === 'string' && body.model.length > 0 ? body.model : ctx.defaultModel,
    created: Math.floor(Date.now() / 1000),
    tokens,
    toolCalls,
    finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
    usage: usageOf(countPromptTokens(body.messages), completionTokens, override),
    latency: {
      firstTokenDelayMs: response.latency?.firstTokenDelayMs ?? ctx.defaultLatency.firstTokenDelayMs ?? 0,
      interTokenDelayMs: response.latency?.interTokenDelayMs ?? ctx.defaultLatency.interTokenDelayMs ?? 0,
    },
    sendTokens,
  };
}

/** The non-streamed `chat.completion` body. */
export function completionBody(plan: PlannedAnswer): Record<string, unknown> {
  const content = plan.tokens.join('');
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: plan.toolCalls.length > 0 && content === '' ? null : content,
    refusal: null,
  };
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: plan.usage,
  };
}

/** One `chat.completion.chunk`; `usage: null` is present on every chunk when usage was requested. */
export function chunkBody(
  plan: PlannedAnswer,
  delta: Record<string, unknown> | null,
  finishReason: string | null,
  includeUsage: boolean,
): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    choices: delta === null ? [] : [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  if (includeUsage) chunk.usage = delta === null ? plan.usage : null;
  return chunk;
}
