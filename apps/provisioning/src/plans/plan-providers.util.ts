import type { LlmProviderKind, Plan, TenantConfig } from '@parley/contracts';
import { ProvisioningError } from '../common/provisioning.error';

/** Every provider a tenant's model configuration names: the primary and each fallback. */
export function providersOf(llm: TenantConfig['llm']): LlmProviderKind[] {
  return [...new Set([llm.primary.provider, ...llm.fallbacks.map((f) => f.provider)])];
}

/** The providers of `llm` that `allowed` (a plan's list; null = any) excludes. */
export function excludedProviders(llm: TenantConfig['llm'], allowed: Plan['allowedProviders']): LlmProviderKind[] {
  if (allowed === null) return [];
  return providersOf(llm).filter((provider) => !allowed.includes(provider));
}

/**
 * VALIDATION naming `config.llm` when a tenant's model configuration names a provider its plan
 * excludes (provisioning refuses such a configuration; ADR 0025).
 */
export function refuseExcludedProviders(llm: TenantConfig['llm'], plan: Pick<Plan, 'key' | 'allowedProviders'> | null): void {
  if (!plan) return;
  const excluded = excludedProviders(llm, plan.allowedProviders);
  if (excluded.length === 0) return;
  const message = `the plan ${plan.key} does not include the provider${excluded.length > 1 ? 's' : ''} ${excluded.join(', ')}`;
  throw new ProvisioningError('VALIDATION', message, { issues: [{ path: 'config.llm', code: 'plan_provider', message }] });
}
