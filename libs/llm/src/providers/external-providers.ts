import type { LlmProviderKind } from '@parley/contracts';

/**
 * Providers that run on someone else's machines. Text bound for them is pseudonymized (emails,
 * phone numbers, known names) and restored in the answer. `ollama` and `llamacpp` run on
 * infrastructure the platform operator controls and `offline` never leaves the process, so
 * they get the raw text. An OpenAI-compatible base URL that points at a local server is still
 * treated as external: the router cannot know where a URL ends up.
 */
export const EXTERNAL_PROVIDERS: ReadonlySet<LlmProviderKind> = new Set<LlmProviderKind>(['openai', 'gemini']);
