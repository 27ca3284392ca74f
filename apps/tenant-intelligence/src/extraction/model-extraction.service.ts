import { Inject, Injectable } from '@nestjs/common';
import type { ChatTurnCompleted } from '@parley/contracts';
import { completeStructured, type LlmRouter } from '@parley/llm';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { INTEL_LLM_ROUTER, INTEL_OPTIONS, type IntelOptions } from '../common/tenant-intelligence.options';
import { TenantSettingsCache } from '../tenants/tenant-settings.cache';
import { AutomaticDegradeListener } from './automatic-degrade.listener';
import { LLM_EXTRACTION_SYSTEM_PROMPT, llmExtractionSchema, type LlmExtraction } from './llm-extraction.mapper';

/**
 * The model-assisted part of L1b: the structured extraction of the tenant's configured model,
 * used for tenants whose primary provider is a model (not `offline`) unless skip_model_extraction
 * is on: the owner's, for the platform or the tenant, or chat's automatic one (ADR 0022). A
 * failed call is logged and L1b goes on with the deterministic extraction alone.
 *
 * The tenant's settings and the owner's switches come from the TenantSettingsCache (dropped by
 * evt.tenant.*, at most INTEL_TENANT_CACHE_TTL_MS old); chat's automatic switch from its NATS
 * announcements (AutomaticDegradeListener).
 */
@Injectable()
export class ModelExtractionService {
  private readonly logger: Logger;

  constructor(
    @Inject(INTEL_LLM_ROUTER) private readonly router: LlmRouter,
    @Inject(TenantSettingsCache) private readonly tenants: Pick<TenantSettingsCache, 'runtime' | 'modelExtractionSkipped'>,
    @Inject(INTEL_OPTIONS) private readonly options: Pick<IntelOptions, 'llmTimeoutMs'>,
    @Inject(SERVICE_LOGGER) logger: Logger,
    @Inject(AutomaticDegradeListener) private readonly automatic: Pick<AutomaticDegradeListener, 'skipModelExtraction'>,
  ) {
    this.logger = logger.child({ component: 'l1b' });
  }

  /** The tenant's model's structured extraction, or null (no model configured, switched off by the owner, or it failed: logged). */
  async extract(turn: ChatTurnCompleted, signal?: AbortSignal): Promise<LlmExtraction | null> {
    const runtime = await this.tenants.runtime(turn.tenantId);
    if (!runtime || runtime.config.llm.primary.provider === 'offline') return null;
    if (this.automatic.skipModelExtraction()) {
      this.logger.debug({ tenantId: turn.tenantId, turnId: turn.turnId }, 'model extraction skipped (automatic degrade)');
      return null;
    }
    if (await this.tenants.modelExtractionSkipped(turn.tenantId)) {
      this.logger.debug({ tenantId: turn.tenantId, turnId: turn.turnId }, 'model extraction skipped (degrade switch)');
      return null;
    }
    const deadline = callDeadline(this.options.llmTimeoutMs, signal);
    try {
      const { value } = await completeStructured(this.router, {
        tenantId: turn.tenantId,
        llm: { primary: runtime.config.llm.primary, fallbacks: runtime.config.llm.fallbacks.filter((c) => c.provider !== 'offline') },
        system: LLM_EXTRACTION_SYSTEM_PROMPT,
        text: turn.userText,
        schema: llmExtractionSchema,
        signal: deadline.signal,
        maxOutputTokens: 400,
      });
      return value;
    } catch (err) {
      this.logger.warn(
        { err, tenantId: turn.tenantId, turnId: turn.turnId },
        'model extraction failed; using the deterministic extraction alone',
      );
      return null;
    } finally {
      deadline.clear();
    }
  }
}

/**
 * The model call's signal: aborted after `ms` (a TimeoutError, as AbortSignal.timeout's) or when
 * `outer` aborts (with its reason). `clear()` when the call is over drops the timer and the listener.
 * Per event this replaces AbortSignal.timeout + AbortSignal.any, which cost about 20-30 µs of CPU a
 * call on Node 20 (a WeakRef-tracked timer and signal each) and left the timer to fire later.
 */
function callDeadline(ms: number, outer: AbortSignal | undefined): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`the model call took longer than ${ms} ms`, 'TimeoutError')), ms);
  timer.unref();
  const onOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}
