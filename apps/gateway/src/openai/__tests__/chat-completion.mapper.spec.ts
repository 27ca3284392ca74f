import { ProblemException } from '../../http/problem.exception';
import { toChatCompletion, toTurnPrompt } from '../chat-completion.mapper';
import { chatCompletionRequestSchema } from '../dto/chat-completion.schemas';
import { toOpenAiError } from '../openai-error.mapper';

const request = (messages: unknown[]) => chatCompletionRequestSchema.parse({ model: 'm', messages });

function problemOf(fn: () => unknown): ProblemException {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('toTurnPrompt', () => {
  it('takes the last user message as the turn and earlier ones as context (developer as system, text parts joined, empty skipped)', () => {
    const prompt = toTurnPrompt(
      request([
        { role: 'developer', content: 'Be brief.' },
        { role: 'assistant', content: null },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'text', text: 'there' },
          ],
        },
        { role: 'user', content: '  price?  ' },
      ]),
      100,
    );
    expect(prompt).toEqual({
      message: 'price?',
      context: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello there' },
      ],
    });
  });

  it.each([
    [
      "the last message is not the user's",
      [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
      ],
      400,
      'messages.1.role',
    ],
    [
      'a tool message',
      [
        { role: 'tool', content: 'x', tool_call_id: 't' },
        { role: 'user', content: 'a' },
      ],
      400,
      'messages.0.role',
    ],
    ['an empty last message', [{ role: 'user', content: '   ' }], 400, 'messages.0.content'],
    ['a lone surrogate', [{ role: 'user', content: 'a\ud800b' }], 400, 'messages.0.content'],
    ['a message over the limit', [{ role: 'user', content: 'x'.repeat(11) }], 413, 'messages.0.content'],
  ])('refuses %s', (_name, messages, status, path) => {
    const problem = problemOf(() => toTurnPrompt(request(messages), 10));
    expect(problem.getStatus()).toBe(status);
    expect(problem.errors?.[0].path).toBe(path);
  });
});

describe('OpenAI shapes', () => {
  it('maps a turn response to a chat.completion', () => {
    const usage = { inputTokens: 4, outputTokens: 6, model: 'x', provider: 'y', latencyMs: 1 };
    const turnId = '7a1b2c3d-1111-4222-8333-444455556666';
    const completion = toChatCompletion(
      { version: 1, turnId, sessionId: turnId, messageId: turnId, content: 'hi', finishReason: 'length', signals: [], actions: [], usage },
      'gpt-x',
      1700000000,
    );
    expect(completion).toEqual({
      id: `chatcmpl-${turnId}`,
      object: 'chat.completion',
      created: 1700000000,
      model: 'gpt-x',
      choices: [{ index: 0, message: { role: 'assistant', content: 'hi', refusal: null }, finish_reason: 'length', logprobs: null }],
      usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 },
    });
  });

  it('maps problems to OpenAI errors with the type of their status', () => {
    expect(
      toOpenAiError({
        type: 't',
        title: 'Validation failed',
        status: 400,
        code: 'VALIDATION',
        detail: 'Bad.',
        errors: [{ path: 'messages', message: 'too few' }],
      }),
    ).toEqual({
      error: { message: 'Bad. messages: too few', type: 'invalid_request_error', param: 'messages', code: 'validation' },
    });
    expect(toOpenAiError({ type: 't', title: 'Unauthorized', status: 401, code: 'INVALID_API_KEY' }).error).toMatchObject({
      type: 'authentication_error',
      message: 'Unauthorized',
    });
    expect(toOpenAiError({ type: 't', title: 'Too many requests', status: 429, code: 'RATE_LIMITED' }).error.type).toBe('rate_limit_error');
    expect(toOpenAiError({ type: 't', title: 'Upstream timeout', status: 504, code: 'TIMEOUT' }).error.type).toBe('api_error');
  });
});
