import { z } from 'zod';
import { tenantConfigSchema, TenantUpdateRpc, tenantWithConfigSchema } from '@parley/contracts';

// The tenant's own bot settings (GET/PATCH /api/v1/settings). A tenant sets what shapes its
// bot and its site; what costs the platform or feeds its benchmarks (industry, model providers,
// retention, rate limit) stays with the owner (PATCH /api/v1/admin/tenants/:id), and
// provisioning refuses those fields from tenant staff and API keys as well.

/** Fields only the owner changes, as paths of the `tenant` answer (the console shows them read-only). */
export const OWNER_MANAGED_FIELDS = ['slug', 'kind', 'status', 'config.llm', 'config.retentionDays', 'config.rateLimitPerMinute'] as const;

const patchShape = TenantUpdateRpc.request.schema.shape.patch.shape;

export const updateSettingsBodySchema = z
  .object({
    displayName: patchShape.displayName,
    timezone: patchShape.timezone,
    config: tenantConfigSchema
      .pick({
        persona: true,
        tone: true,
        allowedTopics: true,
        emergencyText: true,
        escalation: true,
        allowedOrigins: true,
        country: true,
        derivedDataRetention: true,
      })
      .partial()
      .strict()
      .optional()
      .meta({ description: 'Fields given replace the stored ones (escalation and allowedOrigins as a whole); the others stay.' }),
  })
  .strict()
  .refine(
    (body) =>
      body.displayName !== undefined || body.timezone !== undefined || (body.config !== undefined && Object.keys(body.config).length > 0),
    'change at least one field',
  )
  .meta({ id: 'UpdateTenantSettingsRequest' });
export type UpdateSettingsBody = z.output<typeof updateSettingsBodySchema>;

export const tenantSettingsSchema = z
  .object({
    tenant: tenantWithConfigSchema,
    ownerManaged: z.array(z.enum(OWNER_MANAGED_FIELDS)).meta({ description: 'Fields only the platform owner changes.' }),
  })
  .meta({ id: 'TenantSettings' });
