import type { Embedder } from '@parley/llm';

/** Settings of the provisioning feature modules (from AppConfig, or built by tests). */
export interface ProvisioningOptions {
  /** bcrypt cost for API keys and passwords. */
  bcryptCost: number;
  /** Owner upserted at start; null: no bootstrap. */
  owner: { email: string; password: string } | null;
}

export const PROVISIONING_OPTIONS = Symbol('PROVISIONING_OPTIONS');

/** The knowledge embedder, or null when no embedding provider is configured. */
export const KNOWLEDGE_EMBEDDER = Symbol('KNOWLEDGE_EMBEDDER');
export type KnowledgeEmbedder = Embedder | null;
