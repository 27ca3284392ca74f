import type { DegradeSwitches, LlmChoice } from '@parley/contracts';
import { OFFLINE_CHOICE } from '@parley/llm';

type LlmChain = { primary: LlmChoice; fallbacks: readonly LlmChoice[] };

/**
 * The model chain a turn runs with under its effective switches (ADR 0022):
 * - `offlineOnly`: the offline responder alone (no model is called);
 * - `cheaperModel`: the tenant's first fallback becomes the primary (the owner lists fallbacks
 *   from the primary down to cheaper tiers); a tenant without a model fallback keeps its chain,
 *   since nothing cheaper than its primary is configured;
 * - otherwise the tenant's chain as configured.
 */
export function degradedChain(llm: LlmChain, switches: DegradeSwitches): LlmChain {
  if (switches.offlineOnly) return { primary: OFFLINE_CHOICE, fallbacks: [] };
  if (switches.cheaperModel) {
    const [next, ...rest] = llm.fallbacks;
    if (next && next.provider !== 'offline') return { primary: next, fallbacks: rest };
  }
  return llm;
}

/** The history token budget and knowledge limit of a turn: the lean ones under `leanContext`, never more than the normal ones. */
export function contextLimits(
  switches: DegradeSwitches,
  normal: { historyTokenBudget: number; knowledgeLimit: number },
  lean: { leanHistoryTokenBudget: number; leanKnowledgeLimit: number },
): { historyTokenBudget: number; knowledgeLimit: number } {
  if (!switches.leanContext) return normal;
  return {
    historyTokenBudget: Math.min(normal.historyTokenBudget, lean.leanHistoryTokenBudget),
    knowledgeLimit: Math.min(normal.knowledgeLimit, lean.leanKnowledgeLimit),
  };
}

/** True when a chain calls a model before (or instead of) the offline responder. */
export function chainHasModel(llm: LlmChain): boolean {
  return [llm.primary, ...llm.fallbacks].some((choice) => choice.provider !== 'offline');
}
