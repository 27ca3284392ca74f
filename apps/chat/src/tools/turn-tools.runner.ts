import { randomUUID } from 'node:crypto';
import type { BuiltinToolKey, ToolFailure } from '@parley/contracts';
import type { IntegrationExecutor } from '@parley/integrations';
import type { DataToolCall, DataToolRun, ModelToolSpec } from '@parley/llm';
import { maskContactDetails } from './contact-details-mask.util';
import { storeHoursFromSettings } from './store-hours.util';
import type { BoundTool, TenantToolset } from './tenant-toolset.types';
import type { ToolExecutionWrite } from './tool-executions.repository';

/** What the model (or the offline responder) is told when a call brought nothing back. Plain words, no hosts, no secrets. */
const FAILURE_WORDS: Record<ToolFailure, string> = {
  invalid_arguments: 'The lookup needs different details (check the order number and the email or phone).',
  not_configured: 'This lookup is not set up for the business.',
  unavailable: "The business's system could not be reached.",
  timeout: "The business's system did not answer in time.",
  rate_limited: "The business's system is busy; try again in a minute.",
  circuit_open: "The business's system is failing at the moment; try again later.",
  refused_target: 'This lookup is not set up correctly for the business.',
  upstream_error: "The business's system answered with an error.",
};

/** One turn's tools: what the model is offered, the runner libs/llm calls, and the log of every call. */
export class TurnTools {
  readonly specs: readonly ModelToolSpec[];
  readonly executions: ToolExecutionWrite[] = [];
  private readonly byName: ReadonlyMap<string, BoundTool>;

  constructor(
    toolset: TenantToolset,
    private readonly executor: IntegrationExecutor,
    private readonly turn: { tenantId: string; sessionId: string },
  ) {
    this.byName = new Map(toolset.tools.map((t) => [t.key, t]));
    this.specs = toolset.tools.map((t) => t.spec);
  }

  get any(): boolean {
    return this.specs.length > 0;
  }

  /** The DataToolRunner of the turn: validate, execute through the integration (or the tool's own settings), log. */
  readonly run = async (call: DataToolCall, signal: AbortSignal): Promise<DataToolRun> => {
    const tool = this.byName.get(call.name);
    if (!tool) return { ok: false, code: 'unknown_tool', message: 'There is no such lookup.' };
    const createdAt = new Date();
    const started = performance.now();
    const args = tool.args.safeParse(call.args);
    if (!args.success) {
      this.log(tool, call.args, createdAt, { ok: false, failure: 'invalid_arguments', detail: issuesOf(args.error), latencyMs: 0 });
      return { ok: false, code: 'invalid_arguments', message: FAILURE_WORDS.invalid_arguments };
    }
    const input = args.data as Record<string, unknown>;
    if (!tool.integration) {
      const result = storeHoursFromSettings(tool.settings);
      this.log(tool, input, createdAt, { ok: true, result, cacheHit: false, latencyMs: performance.now() - started });
      return { ok: true, result };
    }
    const outcome =
      tool.kind === 'custom'
        ? await this.executor.execute(
            tool.integration,
            'call_endpoint',
            { endpoint: tool.settings.endpoint, params: input },
            {
              signal,
              settings: tool.settings,
            },
          )
        : await this.executor.execute(tool.integration, tool.key as BuiltinToolKey, input, { signal, settings: tool.settings });
    this.log(tool, input, createdAt, outcome);
    return outcome.ok
      ? { ok: true, result: outcome.result }
      : { ok: false, code: outcome.failure, message: FAILURE_WORDS[outcome.failure] };
  };

  private log(
    tool: BoundTool,
    input: unknown,
    createdAt: Date,
    outcome:
      | { ok: true; result: unknown; cacheHit: boolean; latencyMs: number }
      | { ok: false; failure: ToolFailure; detail: string; latencyMs: number },
  ): void {
    this.executions.push({
      id: randomUUID(),
      tenantId: this.turn.tenantId,
      sessionId: this.turn.sessionId,
      messageId: null,
      tenantToolId: tool.tenantToolId,
      integrationId: tool.integration?.id ?? null,
      toolKey: tool.key,
      status: outcome.ok ? 'succeeded' : 'failed',
      // Contact details masked: the log is kept 90 days and read by staff; the CRM holds them.
      input: input && typeof input === 'object' && !Array.isArray(input) ? maskContactDetails(input as Record<string, unknown>) : {},
      output: outcome.ok ? maskContactDetails(outcome.result) : null,
      failure: outcome.ok ? null : outcome.failure,
      error: outcome.ok ? null : outcome.detail.slice(0, 1000),
      cacheHit: outcome.ok ? outcome.cacheHit : false,
      latencyMs: Math.round(outcome.latencyMs),
      createdAt,
      finishedAt: new Date(),
    });
  }
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(arguments)'}: ${i.message}`)
    .join('; ');
}
