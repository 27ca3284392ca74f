import type { LlmChoice } from '@parley/contracts';
import type { GenerationRequest } from '../generation/generation.types';
import { OFFLINE_MODEL } from '../offline/offline.provider';

export { EXTERNAL_PROVIDERS } from '../providers/external-providers';

/** The implicit last resort of every chain, so a turn never fails for want of a model. */
export const OFFLINE_CHOICE: LlmChoice = { provider: 'offline', model: OFFLINE_MODEL };

/** Primary, then fallbacks in order, then the offline responder unless the tenant listed it already. */
export function providerChain(llm: GenerationRequest['llm']): LlmChoice[] {
  const chain = [llm.primary, ...llm.fallbacks];
  return chain.some((choice) => choice.provider === 'offline') ? chain : [...chain, OFFLINE_CHOICE];
}
