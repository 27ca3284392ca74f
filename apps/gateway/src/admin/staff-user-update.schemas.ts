import { z } from 'zod';
import { passwordProblem } from '@parley/auth';
import { staffRoleSchema, staffUserSchema } from '@parley/contracts';

/** PATCH /api/v1/users/:id. A new password, status or role ends the user's existing tokens at once (ADR 0024). */
export const updateStaffUserBodySchema = z
  .object({
    role: staffRoleSchema.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    password: z
      .string()
      .min(12)
      .max(72)
      .superRefine((password, ctx) => {
        const problem = passwordProblem(password);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    displayName: z.string().max(200).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' })
  .meta({ id: 'UpdateStaffUserRequest' });
export type UpdateStaffUserBody = z.output<typeof updateStaffUserBodySchema>;

export const updatedStaffUserSchema = z.object({ user: staffUserSchema }).meta({ id: 'UpdatedStaffUser' });

export const staffUserIdParamSchema = z.uuid();
