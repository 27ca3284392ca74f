import type { Embedder } from '@parley/llm';
import type { IntegrationSecretsConfig } from '../config/env.schema';

/** Settings of the provisioning feature modules (from AppConfig, or built by tests). */
export interface ProvisioningOptions {
  /** bcrypt cost for API keys and passwords. */
  bcryptCost: number;
  /** Owner upserted at start; null: no bootstrap. */
  owner: { email: string; password: string } | null;
  /** Sealing of integration credentials; absent (tests) or without keys: credentials cannot be saved. */
  integrations?: IntegrationSecretsConfig;
}

export const PROVISIONING_OPTIONS = Symbol('PROVISIONING_OPTIONS');

/** The knowledge embedder, or null when no embedding provider is configured. */
export const KNOWLEDGE_EMBEDDER = Symbol('KNOWLEDGE_EMBEDDER');
export type KnowledgeEmbedder = Embedder | null;
