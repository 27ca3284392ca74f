import { z } from 'zod';
import { passwordProblem } from '@parley/auth';
import {
  StaffUserCreateRpc,
  staffUserListItemSchema,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantListRpc,
  TenantRotateKeyRpc,
  TenantUpdateRpc,
} from '@parley/contracts';

// HTTP bodies of the admin routes: the provisioning requests without what the gateway adds
// itself (version, actor, and the tenant id taken from the path).

export const tenantIdParamSchema = z.uuid();

/** `{ version, tenant }`: a tenant with its configuration, as every single-tenant admin route answers. */
export const tenantAnswerSchema = TenantGetRpc.response.schema.meta({ id: 'TenantWithConfig' });

export const createTenantBodySchema = TenantCreateRpc.request.schema
  .omit({ version: true, actor: true })
  .strict()
  .meta({ id: 'CreateTenantRequest' });
export type CreateTenantBody = z.output<typeof createTenantBodySchema>;

export const listTenantsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(200).optional(),
    status: TenantListRpc.request.schema.shape.status,
    search: TenantListRpc.request.schema.shape.search,
  })
  // No .meta({ id }): a query schema registered as a component is not expanded into parameters.
  .strict();
export type ListTenantsQuery = z.output<typeof listTenantsQuerySchema>;

export const updateTenantBodySchema = TenantUpdateRpc.request.schema.shape.patch.meta({ id: 'UpdateTenantRequest' });
export type UpdateTenantBody = z.output<typeof updateTenantBodySchema>;

export const deactivateTenantBodySchema = TenantDeactivateRpc.request.schema
  .pick({ reason: true })
  .strict()
  .meta({ id: 'DeactivateTenantRequest' });
export type DeactivateTenantBody = z.output<typeof deactivateTenantBodySchema>;

export const rotateKeyBodySchema = TenantRotateKeyRpc.request.schema
  .pick({ graceSeconds: true, revokeKeyIds: true })
  .strict()
  .meta({ id: 'RotateKeyRequest' });
export type RotateKeyBody = z.output<typeof rotateKeyBodySchema>;

/** A staff password: the contract's bounds plus the platform policy (not blank, at most 72 bytes for bcrypt). */
const staffPasswordSchema = StaffUserCreateRpc.request.schema.shape.password.superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const createStaffUserBodySchema = StaffUserCreateRpc.request.schema
  .pick({ email: true, displayName: true, role: true })
  .extend({ password: staffPasswordSchema })
  .strict()
  .meta({ id: 'CreateStaffUserRequest' });
export type CreateStaffUserBody = z.output<typeof createStaffUserBodySchema>;

export const staffUserListSchema = z.object({ items: z.array(staffUserListItemSchema) }).meta({ id: 'StaffUserList' });
