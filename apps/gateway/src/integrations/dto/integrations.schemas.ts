import { integrationInputSchema, integrationViewSchema, connectionTestSchema } from '@parley/contracts';
import { z } from 'zod';
import { snakeJsonSchema } from './integration-keys.util';

// The HTTP bodies of /api/v1/integrations are the contracts' integration documents in snake_case
// (integration-keys.util.ts). They are checked here only for being JSON objects; the contracts'
// schemas check every field (in the gateway before the RPC is sent, then in provisioning), and
// the offending fields come back under their HTTP names.

const openApi = (schema: z.ZodType) =>
  snakeJsonSchema(z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;

export const integrationBodySchema = z.record(z.string(), z.unknown());
export const integrationPatchBodySchema = z
  .object({
    name: z.unknown().optional(),
    status: z.unknown().optional(),
    base_url: z.unknown().optional(),
    config: z.unknown().optional(),
    auth: z.unknown().optional(),
    endpoints: z.unknown().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one of name, status, base_url, config, auth, endpoints' });

export const integrationIdParamSchema = z.uuid();

/** OpenAPI: what POST takes (secrets included: they are write-only). */
export const createIntegrationOpenApi = openApi(integrationInputSchema);
/** OpenAPI: what the routes answer (never a secret). */
export const integrationOpenApi = openApi(z.object({ integration: integrationViewSchema }));
export const integrationListOpenApi = openApi(z.object({ items: z.array(integrationViewSchema) }));
export const connectionTestOpenApi = openApi(z.object({ result: connectionTestSchema }));
