import type { MockChatRequest, MockChatMessage, MockChatResponse } from './mock-llm.types';

/**
 * Splits text into the tokens the mock streams: each word with the whitespace before it, so
 * joining the tokens gives the text back exactly. Trailing whitespace joins the last token.
 */
export function tokenize(text: string): string[] {
  if (text.length === 0) return [];
  const tokens: string[] = text.match(/\s*\S+/g) ?? [];
  const consumed = tokens.join('').length;
  if (consumed < text.length) {
    const rest = text.slice(consumed);
    if (tokens.length === 0) tokens.push(rest);
    else tokens[tokens.length - 1] += rest;
  }
  return tokens;
}

/** Text of a message whose content is a string or an array of `{ type: 'text', text }` parts. */
export function messageText(message: MockChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => (isTextPart(part) ? part.text : ''))
    .filter((text) => text.length > 0)
    .join(' ');
}

function isTextPart(part: unknown): part is { type: 'text'; text: string } {
  return (
    typeof part === 'object' &&
    part !== null &&
    (part as { type?: unknown }).type === 'text' &&
    typeof (part as { text?: unknown }).text === 'string'
  );
}

/** Prompt tokens as the mock counts them: the tokens of every message's text. */
export function countPromptTokens(messages: MockChatMessage[]): number {
  return messages.reduce((sum, message) => sum + tokenize(messageText(message)).length, 0);
}

export function lastUserText(messages: MockChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i].role === 'user') return messageText(messages[i]);
  }
  return undefined;
}

/** The default answer: deterministic, derived from the last user message. */
export function defaultAnswer(request: MockChatRequest): string {
  const question = lastUserText(request.messages)?.trim();
  return question ? `Mock answer to: ${question}` : 'Mock answer with no user message.';
}

export function defaultResponder(request: MockChatRequest): MockChatResponse {
  return { type: 'text', text: defaultAnswer(request) };
}
