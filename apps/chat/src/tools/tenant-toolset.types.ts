import type { IntegrationDefinition, TenantToolSettings } from '@parley/contracts';
import type { ModelToolSpec } from '@parley/llm';
import type { z } from 'zod';

/** One tool the tenant's bot can use in a turn, with what serves it. */
export interface BoundTool {
  tenantToolId: string;
  key: string;
  /** builtin tools run as themselves; custom tools run their endpoint through call_endpoint. */
  kind: 'builtin' | 'custom';
  spec: ModelToolSpec;
  /** The arguments' schema (contracts for built-in tools, built from the JSON Schema for custom ones). */
  args: z.ZodType;
  settings: TenantToolSettings;
  /** null: served by its own settings (store_hours with opening hours). */
  integration: IntegrationDefinition | null;
}

/** A tenant's usable tools (empty when it enabled none). */
export interface TenantToolset {
  tools: readonly BoundTool[];
}

export const EMPTY_TOOLSET: TenantToolset = { tools: [] };
