import type { DataToolRun } from '../generation/generation.types';

/** A tool result longer than this (as JSON) is cut, so one lookup cannot flood the model's context. */
export const MAX_TOOL_RESULT_CHARS = 6000;

/** What an action tool call (notify_staff, log_event, ...) gets as its result when the loop goes on: it runs after the reply. */
export const ACTION_TOOL_NOTE = 'Noted: this action is carried out by the team after your reply. Do not call it again.';

/**
 * The text of a ToolMessage: the result (or the failure) as JSON inside a <tool_result> element.
 * The system prompt tells the model that such content is data from the business's systems, never
 * instructions. `<` is written as \u003c (still valid JSON), so nothing in the data can close
 * the element or open another one.
 */
export function toolResultContent(name: string, run: DataToolRun): string {
  const payload = run.ok ? { result: run.result ?? null } : { error: run.code, message: run.message };
  let json = JSON.stringify(payload) ?? 'null';
  if (json.length > MAX_TOOL_RESULT_CHARS) json = `${json.slice(0, MAX_TOOL_RESULT_CHARS)} …[cut: the result was too long]`;
  const safeName = name.replace(/[^a-z0-9_]/gi, '');
  return `<tool_result name="${safeName}">\n${json.replace(/</g, '\\u003c')}\n</tool_result>`;
}

/** The failure a call gets without reaching the runner. */
export function refusedRun(code: 'invalid_arguments' | 'too_many_calls' | 'unknown_tool'): DataToolRun {
  const message =
    code === 'invalid_arguments'
      ? 'The arguments were not one valid JSON object; nothing was looked up.'
      : code === 'too_many_calls'
        ? 'Too many lookups in one step; nothing was looked up for this call.'
        : 'There is no such tool.';
  return { ok: false, code, message };
}
