import { Inject, Injectable } from '@nestjs/common';
import type { ChatTurnCompleted } from '@parley/contracts';
import { completeStructured, type LlmRouter } from '@parley/llm';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { loadTenantRuntime, PrismaService, TenantDb, type Db } from '@parley/persistence';
import { INTEL_LLM_ROUTER, INTEL_OPTIONS, type IntelOptions } from '../common/tenant-intelligence.options';
import { AutomaticDegradeListener } from './automatic-degrade.listener';
import { modelExtractionSkipped } from './degrade-switches.repository';
import { InFlightReads } from './in-flight-reads.util';
import { LLM_EXTRACTION_SYSTEM_PROMPT, llmExtractionSchema, type LlmExtraction } from './llm-extraction.mapper';

/**
 * The model-assisted part of L1b: the structured extraction of the tenant's configured model,
 * used for tenants whose primary provider is a model (not `offline`) unless skip_model_extraction
 * is on: the owner's, for the platform or the tenant, or chat's automatic one (ADR 0022). A
 * failed call is logged and L1b goes on with the deterministic extraction alone.
 *
 * The tenant's settings and switches are read for every event, but events of one tenant handled
 * at the same moment share one read of each (InFlightReads: no cache, nothing kept afterwards).
 */
@Injectable()
export class ModelExtractionService {
  private readonly logger: Logger;
  private readonly runtimes = new InFlightReads<Awaited<ReturnType<typeof loadTenantRuntime>>>();
  private readonly switches = new InFlightReads<boolean>();

  constructor(
    @Inject(INTEL_LLM_ROUTER) private readonly router: LlmRouter,
    /** Reads the tenant's LLM settings (tenants has no RLS). */
    @Inject(PrismaService) private readonly prisma: Db,
    /** Reads the tenant's degrade switches (RLS). */
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(INTEL_OPTIONS) private readonly options: Pick<IntelOptions, 'llmTimeoutMs'>,
    @Inject(SERVICE_LOGGER) logger: Logger,
    @Inject(AutomaticDegradeListener) private readonly automatic: Pick<AutomaticDegradeListener, 'skipModelExtraction'>,
  ) {
    this.logger = logger.child({ component: 'l1b' });
  }

  /** The tenant's model's structured extraction, or null (no model configured, switched off by the owner, or it failed: logged). */
  async extract(turn: ChatTurnCompleted, signal?: AbortSignal): Promise<LlmExtraction | null> {
    const runtime = await this.runtimes.read(turn.tenantId, () => loadTenantRuntime(this.prisma, turn.tenantId));
    if (!runtime || runtime.config.llm.primary.provider === 'offline') return null;
    if (this.automatic.skipModelExtraction()) {
      this.logger.debug({ tenantId: turn.tenantId, turnId: turn.turnId }, 'model extraction skipped (automatic degrade)');
      return null;
    }
    if (await this.switches.read(turn.tenantId, () => modelExtractionSkipped(this.tenantDb, turn.tenantId))) {
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
