import {
  integrationKindSchema,
  openingHoursSchema,
  tenantToolSettingsSchema,
  toolCategorySchema,
  toolKeySchema,
  toolParametersSchema,
  type TenantToolView,
  type ToolExecutionView,
  type ToolView,
} from '@parley/contracts';
import { z } from 'zod';

// HTTP shapes of /api/v1/tools (the tenant's tools) and /api/v1/admin/tools (the catalogue):
// the provisioning contracts in snake_case.

export const toolKeyParamSchema = toolKeySchema;

export const toolHttpSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    kind: z.enum(['builtin', 'custom']),
    category: toolCategorySchema,
    integration_kinds: z.array(integrationKindSchema),
    parameters: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema of the arguments, as the model is told.' }),
    enabled: z.boolean(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Tool' });

const settingsHttpSchema = z
  .object({
    endpoint: tenantToolSettingsSchema.shape.endpoint.meta({
      description: 'The integration endpoint that serves the tool (REST/SQL); default: the endpoint whose `serves` is the tool.',
    }),
    timezone: tenantToolSettingsSchema.shape.timezone.meta({ description: 'store_hours without an integration: an IANA time zone.' }),
    hours: z.array(openingHoursSchema).max(21).optional().meta({ description: 'store_hours without an integration: weekday 0 = Sunday.' }),
    closed_dates: tenantToolSettingsSchema.shape.closedDates,
  })
  .strict()
  .meta({ id: 'TenantToolSettings' });

export const tenantToolHttpSchema = z
  .object({
    tool: toolHttpSchema,
    enabled: z.boolean(),
    integration_id: z.uuid().nullable(),
    settings: settingsHttpSchema,
    status: z.enum(['ready', 'needs_integration', 'disabled']).meta({
      description: 'ready: the bot uses it; needs_integration: enabled but nothing serves it; disabled.',
    }),
    updated_at: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'TenantTool' });

export const tenantToolListSchema = z.object({ items: z.array(tenantToolHttpSchema) }).meta({ id: 'TenantToolList' });
export const tenantToolResultSchema = z.object({ tool: tenantToolHttpSchema }).meta({ id: 'TenantToolResult' });

export const putTenantToolBodySchema = z
  .object({
    enabled: z.boolean(),
    integration_id: z.uuid().nullable().default(null).meta({ description: 'The integration that serves it.' }),
    settings: settingsHttpSchema.default({}),
  })
  .strict()
  .meta({ id: 'PutTenantToolRequest' });
export type PutTenantToolBody = z.output<typeof putTenantToolBodySchema>;

export const catalogListQuerySchema = z
  .object({
    include_disabled: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  })
  .strict();

export const catalogListSchema = z.object({ items: z.array(toolHttpSchema) }).meta({ id: 'ToolCatalog' });
export const catalogResultSchema = z.object({ tool: toolHttpSchema, created: z.boolean() }).meta({ id: 'ToolCatalogResult' });

export const putCatalogToolBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().min(1).max(1000),
    category: toolCategorySchema.optional(),
    integration_kinds: z.array(integrationKindSchema).min(1).max(5).optional(),
    parameters: toolParametersSchema.optional().meta({
      description: 'Custom tools: a JSON Schema object of at most 20 scalar properties. Built-in tools keep theirs.',
    }),
    enabled: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'PutCatalogToolRequest' });
export type PutCatalogToolBody = z.output<typeof putCatalogToolBodySchema>;

export function toToolHttp(tool: ToolView): z.output<typeof toolHttpSchema> {
  return {
    key: tool.key,
    name: tool.name,
    description: tool.description,
    kind: tool.kind,
    category: tool.category,
    integration_kinds: tool.integrationKinds,
    parameters: tool.parameters,
    enabled: tool.enabled,
    created_at: tool.createdAt,
    updated_at: tool.updatedAt,
  };
}

export function toTenantToolHttp(view: TenantToolView): z.output<typeof tenantToolHttpSchema> {
  const { closedDates, ...settings } = view.settings;
  return {
    tool: toToolHttp(view.tool),
    enabled: view.enabled,
    integration_id: view.integrationId,
    settings: { ...settings, ...(closedDates ? { closed_dates: closedDates } : {}) },
    status: view.status,
    updated_at: view.updatedAt,
  };
}

export const toolExecutionsQuerySchema = z
  .object({
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    session_id: z.uuid().optional(),
    tool: toolKeySchema.optional(),
  })
  .strict();

export const toolExecutionHttpSchema = z
  .object({
    id: z.uuid(),
    session_id: z.uuid().nullable(),
    message_id: z.uuid().nullable(),
    tool: z.string(),
    integration_id: z.uuid().nullable(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    failure: z.string().nullable().meta({ description: 'Why it brought no data (timeout, rate_limited, upstream_error...).' }),
    error: z.string().nullable(),
    cache_hit: z.boolean(),
    latency_ms: z.int().nullable(),
    input: z.record(z.string(), z.unknown()),
    created_at: z.iso.datetime({ offset: true }),
    finished_at: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ToolExecution' });
export const toolExecutionPageSchema = z
  .object({ items: z.array(toolExecutionHttpSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'ToolExecutionPage' });

export function toToolExecutionHttp(e: ToolExecutionView): z.output<typeof toolExecutionHttpSchema> {
  return {
    id: e.id,
    session_id: e.sessionId,
    message_id: e.messageId,
    tool: e.toolKey,
    integration_id: e.integrationId,
    status: e.status,
    failure: e.failure,
    error: e.error,
    cache_hit: e.cacheHit,
    latency_ms: e.latencyMs,
    input: e.input,
    created_at: e.createdAt,
    finished_at: e.finishedAt,
  };
}
