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
    const timeout = AbortSignal.timeout(this.options.llmTimeoutMs);
    try {
      const { value } = await completeStructured(this.router, {
        tenantId: turn.tenantId,
        llm: { primary: runtime.config.llm.primary, fallbacks: runtime.config.llm.fallbacks.filter((c) => c.provider !== 'offline') },
        system: LLM_EXTRACTION_SYSTEM_PROMPT,
        text: turn.userText,
        schema: llmExtractionSchema,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        maxOutputTokens: 400,
      });
      return value;
    } catch (err) {
      this.logger.warn(
        { err, tenantId: turn.tenantId, turnId: turn.turnId },
        'model extraction failed; using the deterministic extraction alone',
      );
      return null;
    }
  }
}
