import type { LlmProviderKind } from '@parley/contracts';
import type { LlmLogger } from '../llm-router.deps';
import type { LlmProvider, ProviderOutput, ProviderRun } from '../../providers/provider.types';

/** A hand-written provider for router tests: its behaviour is a function of the run. */
export class ScriptedProvider implements LlmProvider {
  readonly runs: ProviderRun[] = [];

  constructor(
    readonly kind: LlmProviderKind,
    private readonly script: (run: ProviderRun) => Promise<ProviderOutput>,
  ) {}

  generate(run: ProviderRun): Promise<ProviderOutput> {
    this.runs.push(run);
    return this.script(run);
  }
}

/** Emits `tokens` then finishes, optionally with provider-reported usage. */
export function answering(tokens: string[], usage?: ProviderOutput['usage']) {
  return async (run: ProviderRun): Promise<ProviderOutput> => {
    for (const token of tokens) run.onToken(token);
    return { content: tokens.join(''), finishReason: 'stop', usage, promptTexts: [run.request.userMessage] };
  };
}

export function failing(error: unknown) {
  return async (): Promise<ProviderOutput> => {
    throw error;
  };
}

/** Emits `tokens`, then waits for the signal and throws its reason (as SDKs do on abort). */
export function hanging(tokens: string[] = []) {
  return async (run: ProviderRun): Promise<ProviderOutput> => {
    for (const token of tokens) run.onToken(token);
    await new Promise<void>((resolve) => {
      if (run.signal.aborted) resolve();
      else run.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    throw run.signal.reason instanceof Error ? run.signal.reason : new Error('aborted');
  };
}

export class RecordingLogger implements LlmLogger {
  readonly warnings: { fields: Record<string, unknown>; message: string }[] = [];
  warn(fields: Record<string, unknown>, message: string): void {
    this.warnings.push({ fields, message });
  }
}
