import type { ToolDefinition } from '@langchain/core/language_models/base';
import { AIMessageChunk, type ToolCallChunk } from '@langchain/core/messages';
import type { ModelToolCall, ModelToolSpec } from '../generation/generation.types';

/** At most this many tool calls are kept from one answer; the caller refuses extras anyway. */
export const MAX_TOOL_CALLS = 20;

/**
 * OpenAI-format tool definitions: every LangChain chat model used here (OpenAI-compatible,
 * Gemini, Ollama) converts them in bindTools. `$schema` is dropped (Gemini rejects it).
 */
export function toToolDefinitions(tools: readonly ModelToolSpec[]): ToolDefinition[] {
  return tools.map((tool) => {
    const { $schema: _ignored, ...parameters } = tool.parameters;
    return { type: 'function', function: { name: tool.name, description: tool.description, parameters } };
  });
}

/**
 * Gathers the tool-call chunks of a streamed answer. Only the chunks that carry tool calls are
 * concatenated (LangChain merges argument fragments by index and parses them once at the end),
 * so a long text answer is not copied chunk after chunk.
 */
export class ToolCallCollector {
  private gathered: AIMessageChunk | undefined;

  /** Returns true when the chunk carried tool-call data. */
  add(chunks: readonly ToolCallChunk[] | undefined): boolean {
    if (chunks === undefined || chunks.length === 0) return false;
    const part = new AIMessageChunk({ content: '', tool_call_chunks: chunks.map((c) => ({ ...c })) });
    this.gathered = this.gathered ? this.gathered.concat(part) : part;
    return true;
  }

  /**
   * The complete calls. Arguments are parsed strictly: LangChain's own `tool_calls` accept
   * partial JSON, so a call cut off at the token limit would look valid with half its text.
   * A call whose arguments are not one whole JSON object has `args: null`.
   */
  calls(): ModelToolCall[] | undefined {
    const message = this.gathered;
    if (message === undefined) return undefined;
    return (message.tool_call_chunks ?? []).slice(0, MAX_TOOL_CALLS).map((chunk) => ({
      id: chunk.id ?? null,
      name: chunk.name ?? '',
      args: parseArgs(chunk.args),
    }));
  }
}

function parseArgs(raw: string | undefined): Record<string, unknown> | null {
  // An empty argument string is what models send for a call without parameters.
  if (raw === undefined || raw.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    return isPlainObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
