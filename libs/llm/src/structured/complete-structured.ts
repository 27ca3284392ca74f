import type { LlmChoice } from '@parley/contracts';
import type { z } from 'zod';
import type { GenerationUsage, LlmRouter } from '../generation/generation.types';
import { LlmError } from '../llm.errors';

export interface StructuredTaskInput<S extends z.ZodType> {
  tenantId: string;
  llm: { primary: LlmChoice; fallbacks: readonly LlmChoice[] };
  /** The instructions, including the JSON shape to return. */
  system: string;
  /** The text to work on (pseudonymized for external providers, restored in the answer). */
  text: string;
  schema: S;
  signal: AbortSignal;
  knownNames?: readonly string[];
  maxOutputTokens?: number;
}

export interface StructuredTaskResult<T> {
  value: T;
  usage: GenerationUsage;
}

const NO_PERSONA = { displayName: '', persona: '', tone: 'concise' as const, allowedTopics: [] };

/** The first balanced top-level JSON object in a model's answer (models wrap JSON in prose or fences). */
export function extractJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  if (start < 0) throw new LlmError('provider_error', 'the model answered without a JSON object');
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) {
        try {
          return JSON.parse(text.slice(start, i + 1));
        } catch {
          throw new LlmError('provider_error', 'the model answered with malformed JSON');
        }
      }
    }
  }
  throw new LlmError('provider_error', 'the model answered with an unterminated JSON object');
}

/**
 * Runs a structured back-office task through the tenant's provider chain (fallbacks, timeouts,
 * PII pseudonymization and metrics as for chat) and validates the JSON answer with `schema`.
 * Throws LlmError when no model is configured (the offline responder does no tasks), every
 * provider failed, or the answer is not valid: callers keep their deterministic result then.
 */
export async function completeStructured<S extends z.ZodType>(
  router: LlmRouter,
  input: StructuredTaskInput<S>,
): Promise<StructuredTaskResult<z.output<S>>> {
  const result = await router.generate(
    {
      tenantId: input.tenantId,
      llm: input.llm,
      persona: NO_PERSONA,
      history: [],
      userMessage: input.text,
      firstTurn: false,
      knowledge: [],
      directives: [],
      knownNames: input.knownNames,
      signal: input.signal,
      maxOutputTokens: input.maxOutputTokens,
      task: { kind: 'structured', system: input.system },
    },
    { onToken: () => undefined },
  );
  if (result.finishReason === 'cancelled')
    throw new LlmError('provider_error', 'the structured task was cancelled', {
      provider: result.usage.provider,
      model: result.usage.model,
    });
  const parsed = input.schema.safeParse(extractJsonObject(result.content));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new LlmError('provider_error', `the model's JSON does not match the schema (${fields})`, {
      provider: result.usage.provider,
      model: result.usage.model,
    });
  }
  return { value: parsed.data, usage: result.usage };
}
