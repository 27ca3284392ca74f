import type { ChatTurnRequest, ChatTurnResponse, Usage } from '@parley/contracts';
import { problems } from '../http/problem.exception';
import { assertMessageWithinLimit } from '../http/validation.util';
import { INVALID_TEXT_MESSAGE, isCleanText } from '../chat/dto/text-input.schema';
import type { ChatCompletion, ChatCompletionRequest, OpenAiMessage } from './dto/chat-completion.schemas';

/** chat.turn caps each context message at this many characters. */
const MAX_CONTEXT_MESSAGE_CHARS = 32_000;

export interface TurnPrompt {
  message: string;
  context: NonNullable<ChatTurnRequest['context']>;
}

function textOf(message: OpenAiMessage): string {
  const content = message.content;
  if (content === null || content === undefined) return '';
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

/**
 * OpenAI messages -> one chat turn: the last message (which must be the user's) is the turn's
 * message, the earlier ones its context (developer messages count as system ones). Tool and
 * function messages are refused: Parley runs its own tools.
 */
export function toTurnPrompt(request: ChatCompletionRequest, maxMessageChars: number): TurnPrompt {
  const messages = request.messages;
  messages.forEach((message, index) => {
    if (message.role === 'tool' || message.role === 'function') {
      throw problems.validation([{ path: `messages.${index}.role`, message: 'tool and function messages are not supported' }]);
    }
    if (!isCleanText(textOf(message))) throw problems.validation([{ path: `messages.${index}.content`, message: INVALID_TEXT_MESSAGE }]);
  });
  const lastIndex = messages.length - 1;
  const last = messages[lastIndex];
  const message = textOf(last).trim();
  if (last.role !== 'user')
    throw problems.validation([{ path: `messages.${lastIndex}.role`, message: "the last message must be the user's" }]);
  if (message.length === 0) throw problems.validation([{ path: `messages.${lastIndex}.content`, message: 'must not be empty' }]);
  assertMessageWithinLimit(message, maxMessageChars, `messages.${lastIndex}.content`);

  const context: TurnPrompt['context'] = [];
  messages.slice(0, lastIndex).forEach((earlier, index) => {
    const content = textOf(earlier);
    if (content.trim().length === 0) return;
    assertMessageWithinLimit(content, MAX_CONTEXT_MESSAGE_CHARS, `messages.${index}.content`);
    context.push({ role: earlier.role === 'developer' ? 'system' : (earlier.role as 'system' | 'user' | 'assistant'), content });
  });
  return { message, context };
}

export function completionId(turnId: string): string {
  return `chatcmpl-${turnId}`;
}

export function openAiUsage(usage: Usage): ChatCompletion['usage'] {
  return { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens };
}

export function toChatCompletion(response: ChatTurnResponse, model: string, created: number): ChatCompletion {
  return {
    id: completionId(response.turnId),
    object: 'chat.completion',
    created,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: response.content, refusal: null },
        finish_reason: response.finishReason === 'length' ? 'length' : 'stop',
        logprobs: null,
      },
    ],
    usage: openAiUsage(response.usage),
  };
}

export interface ChunkInit {
  id: string;
  created: number;
  model: string;
}

/** One `chat.completion.chunk` with a single choice. */
export function completionChunk(init: ChunkInit, delta: { role?: 'assistant'; content?: string }, finishReason: 'stop' | null): object {
  return { ...init, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] };
}

/** The usage chunk sent last when `stream_options.include_usage` is set (no choices, as OpenAI does). */
export function usageChunk(init: ChunkInit, usage: Usage): object {
  return { ...init, object: 'chat.completion.chunk', choices: [], usage: openAiUsage(usage) };
}
