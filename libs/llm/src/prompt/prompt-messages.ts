import type { GenerationRequest } from '../generation/generation.types';
import { buildSystemPrompt, type SystemPromptOptions } from './system-prompt.builder';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** System prompt, then the history (oldest first), then the visitor's message. */
export function buildPromptMessages(request: GenerationRequest, options: SystemPromptOptions): PromptMessage[] {
  if (request.task)
    return [
      { role: 'system', content: request.task.system },
      { role: 'user', content: request.userMessage },
    ];
  return [
    { role: 'system', content: buildSystemPrompt(request, options) },
    ...request.history.map((m) => ({ role: m.role, content: m.content })),
    { role: 'user', content: request.userMessage },
  ];
}
