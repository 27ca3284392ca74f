import { z } from 'zod';

// The part of OpenAI's chat completion request Parley honours. Sampling parameters
// (temperature, top_p, max_tokens, ...) are accepted and ignored: the tenant's configuration
// chooses the model and its settings. `model` is echoed back, never used to pick a model.

const textPartSchema = z.object({ type: z.literal('text'), text: z.string() });

const contentSchema = z
  .union([z.string(), z.array(textPartSchema)])
  .nullable()
  .optional();

export const openAiMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: contentSchema,
  name: z.string().max(200).optional(),
});
export type OpenAiMessage = z.output<typeof openAiMessageSchema>;

export const chatCompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1).max(200),
    messages: z.array(openAiMessageSchema).min(1).max(101),
    stream: z.boolean().nullable().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    user: z.string().trim().min(1).max(200).optional(),
    n: z.literal(1).nullable().optional(),
  })
  .meta({
    id: 'OpenAiChatCompletionRequest',
    description: 'OpenAI chat completion request; sampling parameters are accepted and ignored.',
  });
export type ChatCompletionRequest = z.output<typeof chatCompletionRequestSchema>;

const usage = z.object({ prompt_tokens: z.int(), completion_tokens: z.int(), total_tokens: z.int() });

export const chatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.int(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        finish_reason: z.enum(['stop', 'length']),
        logprobs: z.null(),
      }),
    ),
    usage,
  })
  .meta({ id: 'OpenAiChatCompletion' });
export type ChatCompletion = z.output<typeof chatCompletionSchema>;

export const openAiErrorSchema = z
  .object({ error: z.object({ message: z.string(), type: z.string(), param: z.string().nullable(), code: z.string().nullable() }) })
  .meta({ id: 'OpenAiError' });
export type OpenAiError = z.output<typeof openAiErrorSchema>;
