import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import {
  integrationKindSchema,
  openingHoursSchema,
  toolCategorySchema,
  toolFailureSchema,
  toolKeySchema,
} from '../tools/tool-catalogue.schema';
import { actorSchema } from './tenant.schema';

// The tools catalogue (owner) and each tenant's tools (tenant admins), served by provisioning;
// the log of tool calls, served by chat (issue 17).

const paramName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'lower snake case');

/** One argument of a custom tool: a scalar the model fills in. */
export const toolParameterSchema = z
  .object({
    type: z.enum(['string', 'number', 'integer', 'boolean']),
    description: z.string().max(500).optional(),
    enum: z
      .array(z.union([z.string().max(200), z.number()]))
      .min(1)
      .max(50)
      .optional(),
    maxLength: z.int().min(1).max(2000).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
  })
  .strict();

/**
 * The arguments of a custom tool, as a restricted JSON Schema: an object of at most 20 scalar
 * properties. Chat validates the model's arguments against it before anything is called.
 */
export const toolParametersSchema = z
  .object({
    type: z.literal('object'),
    properties: z.record(paramName, toolParameterSchema).refine((p) => Object.keys(p).length <= 20, 'at most 20 parameters'),
    required: z.array(paramName).max(20).default([]),
    additionalProperties: z.literal(false).default(false),
  })
  .strict()
  .refine((s) => s.required.every((name) => name in s.properties), {
    message: 'every required parameter must be one of the properties',
    path: ['required'],
  });
export type ToolParameters = z.infer<typeof toolParametersSchema>;

export const toolViewSchema = z.object({
  key: toolKeySchema,
  name: z.string(),
  description: z.string(),
  /** builtin: defined by Parley (libs/contracts); custom: defined by the owner, served by a REST or SQL endpoint. */
  kind: z.enum(['builtin', 'custom']),
  category: toolCategorySchema,
  integrationKinds: z.array(integrationKindSchema),
  /** JSON Schema of the arguments, as the model is told. */
  parameters: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ToolView = z.infer<typeof toolViewSchema>;

/** The catalogue. Tenant roles see only enabled tools; the owner may ask for all. */
export const ToolCatalogListRpc = defineRpc(
  RPC_SUBJECTS.toolCatalogList,
  z.object({ version: version1, includeDisabled: z.boolean().default(false) }),
  z.object({ version: version1, items: z.array(toolViewSchema) }),
);

/**
 * Create or update a catalogue entry (owner only). A built-in tool keeps its key, kind and
 * parameters: only its name, description and enabled flag change. A custom tool needs its
 * parameters and the kinds that can serve it (rest, postgres, mysql).
 */
export const ToolCatalogPutRpc = defineRpc(
  RPC_SUBJECTS.toolCatalogPut,
  z.object({
    version: version1,
    actor: actorSchema,
    key: toolKeySchema,
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().min(1).max(1000),
    category: toolCategorySchema.optional(),
    integrationKinds: z.array(integrationKindSchema).min(1).max(5).optional(),
    parameters: toolParametersSchema.optional(),
    enabled: z.boolean().default(true),
  }),
  z.object({ version: version1, tool: toolViewSchema, created: z.boolean() }),
);

const endpointRef = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/);

/** A tenant's settings of one tool. */
export const tenantToolSettingsSchema = z
  .object({
    /** The integration endpoint that serves it (REST/SQL integrations; default: the endpoint whose `serves` is this tool). */
    endpoint: endpointRef.optional(),
    /** store_hours without an integration: the week's opening hours in the tenant's time zone. */
    timezone: z.string().min(1).max(64).optional(),
    hours: z.array(openingHoursSchema).max(21).optional(),
    closedDates: z.array(z.iso.date()).max(366).optional(),
  })
  .strict();
export type TenantToolSettings = z.infer<typeof tenantToolSettingsSchema>;

export const tenantToolViewSchema = z.object({
  tool: toolViewSchema,
  enabled: z.boolean(),
  integrationId: uuidSchema.nullable(),
  settings: tenantToolSettingsSchema,
  /** ready: the bot can use it; needs_integration: enabled but nothing serves it; disabled. */
  status: z.enum(['ready', 'needs_integration', 'disabled']),
  updatedAt: isoDateTimeSchema.nullable(),
});
export type TenantToolView = z.infer<typeof tenantToolViewSchema>;

/** Every enabled catalogue tool with the tenant's choice for it (tools never configured show as disabled). */
export const TenantToolListRpc = defineRpc(
  RPC_SUBJECTS.tenantToolList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, items: z.array(tenantToolViewSchema) }),
);

/**
 * Enable, disable or configure one tool for the tenant. VALIDATION when the integration is not
 * the tenant's, is of a kind that cannot serve the tool, or the endpoint does not exist on it.
 */
export const TenantToolPutRpc = defineRpc(
  RPC_SUBJECTS.tenantToolPut,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    toolKey: toolKeySchema,
    enabled: z.boolean(),
    integrationId: uuidSchema.nullable().default(null),
    settings: tenantToolSettingsSchema.default({}),
  }),
  z.object({ version: version1, tool: tenantToolViewSchema }),
);

export const toolExecutionViewSchema = z.object({
  id: uuidSchema,
  sessionId: uuidSchema.nullable(),
  messageId: uuidSchema.nullable(),
  toolKey: z.string(),
  integrationId: uuidSchema.nullable(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  failure: toolFailureSchema.nullable(),
  /** Plain words on a failure (never a secret). */
  error: z.string().nullable(),
  cacheHit: z.boolean(),
  latencyMs: z.int().nullable(),
  input: z.record(z.string(), z.unknown()),
  createdAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
});
export type ToolExecutionView = z.infer<typeof toolExecutionViewSchema>;

/** The tenant's tool calls, newest first, by pages; kept 90 days. */
export const ToolExecutionListRpc = defineRpc(
  RPC_SUBJECTS.chatToolExecutionList,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
    sessionId: uuidSchema.optional(),
    toolKey: toolKeySchema.optional(),
  }),
  z.object({ version: version1, items: z.array(toolExecutionViewSchema), nextCursor: z.string().nullable() }),
);
