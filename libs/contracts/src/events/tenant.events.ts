import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';
import { tenantKindSchema, tenantSlugSchema } from '../rpc/tenant.schema';

export const tenantCreatedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  displayName: z.string().min(1).max(200),
  slug: tenantSlugSchema,
  kind: tenantKindSchema,
  occurredAt: isoDateTimeSchema,
});
export type TenantCreated = z.infer<typeof tenantCreatedSchema>;
export const TenantCreatedEvent = defineEvent(EVENT_NAMES.tenantCreated, tenantCreatedSchema);

export const tenantUpdatedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  /** Names of the fields that changed (values are read through provisioning.tenant.get). */
  changedFields: z.array(z.string().min(1).max(100)).min(1).max(50),
  occurredAt: isoDateTimeSchema,
});
export type TenantUpdated = z.infer<typeof tenantUpdatedSchema>;
export const TenantUpdatedEvent = defineEvent(EVENT_NAMES.tenantUpdated, tenantUpdatedSchema);

export const tenantKeyRotatedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  newKeyId: uuidSchema,
  newKeyPrefix: z.string().min(4).max(40),
  revokedKeyIds: z.array(uuidSchema).max(100),
  occurredAt: isoDateTimeSchema,
});
export type TenantKeyRotated = z.infer<typeof tenantKeyRotatedSchema>;
/** Gateways drop cached API key lookups of the revoked keys. */
export const TenantKeyRotatedEvent = defineEvent(EVENT_NAMES.tenantKeyRotated, tenantKeyRotatedSchema);

export const tenantDeactivatedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  reason: z.string().min(1).max(500),
  occurredAt: isoDateTimeSchema,
});
export type TenantDeactivated = z.infer<typeof tenantDeactivatedSchema>;
export const TenantDeactivatedEvent = defineEvent(EVENT_NAMES.tenantDeactivated, tenantDeactivatedSchema);
