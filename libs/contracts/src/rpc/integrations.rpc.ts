import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import {
  integrationAuthSchema,
  integrationAuthViewSchema,
  integrationInputSchema,
  restEndpointSchema,
  sqlEndpointSchema,
} from '../tools/integration-definition.schema';
import { integrationKindSchema, toolFailureSchema } from '../tools/tool-catalogue.schema';
import { actorSchema } from './tenant.schema';

// A tenant's integrations (issue 17), served by provisioning. Secrets go in and never come out.

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number().nonnegative(),
  detail: z.string(),
  failure: toolFailureSchema.optional(),
  testedAt: isoDateTimeSchema,
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const integrationViewSchema = z.object({
  id: uuidSchema,
  tenantId: tenantIdSchema,
  kind: integrationKindSchema,
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  baseUrl: z.string(),
  config: z.record(z.string(), z.unknown()),
  /** How Parley signs in, without the secret. */
  auth: integrationAuthViewSchema,
  endpoints: z.array(z.union([restEndpointSchema, sqlEndpointSchema])),
  lastTest: connectionTestSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type IntegrationView = z.infer<typeof integrationViewSchema>;

export const IntegrationListRpc = defineRpc(
  RPC_SUBJECTS.integrationList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, items: z.array(integrationViewSchema) }),
);

/** NOT_FOUND for an unknown integration or one of another tenant. */
export const IntegrationGetRpc = defineRpc(
  RPC_SUBJECTS.integrationGet,
  z.object({ version: version1, tenantId: tenantIdSchema, integrationId: uuidSchema }),
  z.object({ version: version1, integration: integrationViewSchema }),
);

/** CONFLICT when the tenant already has an integration of that name. */
export const IntegrationCreateRpc = defineRpc(
  RPC_SUBJECTS.integrationCreate,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, integration: integrationInputSchema }),
  z.object({ version: version1, integration: integrationViewSchema }),
);

/**
 * Change an integration. Absent fields keep their value; `auth`, when given, replaces the whole
 * auth (secrets included); the kind never changes. The result is validated as a whole.
 */
export const IntegrationUpdateRpc = defineRpc(
  RPC_SUBJECTS.integrationUpdate,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    integrationId: uuidSchema,
    patch: z
      .object({
        name: z.string().trim().min(1).max(100).optional(),
        status: z.enum(['active', 'disabled']).optional(),
        baseUrl: z.string().max(2000).optional(),
        config: z.record(z.string(), z.unknown()).optional(),
        auth: integrationAuthSchema.optional(),
        endpoints: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
      })
      .strict(),
  }),
  z.object({ version: version1, integration: integrationViewSchema }),
);

/** The tools it served are left without an integration (status needs_integration). */
export const IntegrationDeleteRpc = defineRpc(
  RPC_SUBJECTS.integrationDelete,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, integrationId: uuidSchema }),
  z.object({ version: version1, integrationId: uuidSchema }),
);

/** Calls the system once with the stored credentials and says what happened; the result is kept as `lastTest`. */
export const IntegrationTestRpc = defineRpc(
  RPC_SUBJECTS.integrationTest,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, integrationId: uuidSchema }),
  z.object({ version: version1, result: connectionTestSchema }),
);
