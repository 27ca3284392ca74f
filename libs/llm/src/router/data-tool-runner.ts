import type { DataToolCall, DataToolRun, GenerationCallbacks, GenerationRequest } from '../generation/generation.types';
import type { Pseudonymizer } from '../pii';
import { pseudonymizeValue, restoreValue } from './pseudonymize-request.util';

/**
 * One turn's executions, shared by every provider attempt of the turn: a fallback provider that
 * makes the same call (same tool, same restored arguments) gets the earlier result instead of a
 * second execution. Runs cut short by the attempt's abort are not kept.
 */
export type TurnToolRuns = Map<string, Promise<DataToolRun>>;

const FAILED_RUN: DataToolRun = { ok: false, code: 'upstream_error', message: 'The lookup failed.' };

/**
 * The `runTool` a provider gets for one attempt, or undefined when the turn has no data tools.
 * Restores the turn's placeholders in the arguments before the caller's runner sees them, and
 * pseudonymizes the result when the provider is external (so an email in an order result reaches
 * the model as the same placeholder as in the visitor's message). Reports started/finished events
 * for real executions only (not for a result reused from the turn's earlier attempt).
 */
export function attemptToolRunner(
  request: GenerationRequest,
  callbacks: GenerationCallbacks,
  pii: Pseudonymizer | undefined,
  signal: AbortSignal,
  runs: TurnToolRuns,
): ((call: DataToolCall) => Promise<DataToolRun>) | undefined {
  const runner = request.runTool;
  if (runner === undefined || (request.dataTools ?? []).length === 0 || request.task) return undefined;
  return async (call) => {
    const args = pii ? (restoreValue(call.args, pii) as Record<string, unknown>) : call.args;
    const key = `${call.name}\u0000${stableJson(args)}`;
    let pending = runs.get(key);
    if (pending === undefined) {
      pending = execute(runner, { id: call.id, name: call.name, args }, signal, callbacks);
      runs.set(key, pending);
      void pending.then(() => {
        if (signal.aborted) runs.delete(key);
      });
    }
    const run = await pending;
    return pii ? pseudonymizeRun(run, pii) : run;
  };
}

async function execute(
  runner: NonNullable<GenerationRequest['runTool']>,
  call: DataToolCall,
  signal: AbortSignal,
  callbacks: GenerationCallbacks,
): Promise<DataToolRun> {
  callbacks.onToolEvent?.({ phase: 'started', callId: call.id, name: call.name });
  let run: DataToolRun;
  try {
    const value = await runner(call, signal);
    run = isRun(value) ? value : FAILED_RUN;
  } catch {
    run = FAILED_RUN;
  }
  callbacks.onToolEvent?.({ phase: 'finished', callId: call.id, name: call.name, outcome: run.ok ? 'ok' : 'failed' });
  return run;
}

function isRun(value: unknown): value is DataToolRun {
  if (typeof value !== 'object' || value === null) return false;
  const run = value as { ok?: unknown; code?: unknown; message?: unknown };
  return run.ok === true || (run.ok === false && typeof run.code === 'string' && typeof run.message === 'string');
}

/** The result as an external model may see it: emails, phones, known names and person-name fields pseudonymized. */
function pseudonymizeRun(run: DataToolRun, pii: Pseudonymizer): DataToolRun {
  if (!run.ok) return { ...run, message: pii.pseudonymize(run.message) };
  return { ok: true, result: pseudonymizeValue(run.result, pii) };
}

/** JSON with sorted keys, so the same arguments in another order are the same call. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
