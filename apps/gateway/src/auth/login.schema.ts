import { z } from 'zod';

export const loginRequestSchema = z
  .object({
    email: z.email().max(320),
    // Not the password policy: any stored password must still be able to log in.
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.output<typeof loginRequestSchema>;

export const loginResponseSchema = z
  .object({
    token: z.string(),
    expiresAt: z.iso.datetime(),
    role: z.enum(['owner', 'tenant_admin', 'tenant_agent']),
    tenantId: z.uuid().nullable(),
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.output<typeof loginResponseSchema>;
