import { z } from 'zod';
import { chatSessionSchema } from '@parley/contracts';
import { isCleanText, INVALID_TEXT_MESSAGE } from '../../chat/dto/text-input.schema';

/** POST /api/v1/sessions (tenant backend, API key). */
export const createSessionSchema = z
  .object({
    externalUserId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine(isCleanText, INVALID_TEXT_MESSAGE)
      .optional()
      .meta({ description: 'Your own id for the visitor (customer or account id); links returning customers.' }),
    metadata: z
      .record(z.string().max(100), z.unknown())
      .refine((value) => JSON.stringify(value).length <= 4096, 'must be at most 4 KB as JSON')
      .optional()
      .meta({ description: 'Free-form metadata (page, locale...), at most 4 KB as JSON.' }),
    customer: z
      .object({ email: z.email().max(320).optional(), phone: z.string().trim().min(5).max(40).optional() })
      .strict()
      .optional()
      .meta({
        description:
          'What your backend already knows about the visitor: a contact with this email or phone is recognised as a returning customer.',
      }),
    channel: z
      .enum(['widget', 'api'])
      .default('widget')
      .meta({ description: '`widget` for a browser chat (default), `api` for server-side use.' }),
  })
  .strict()
  .meta({ id: 'CreateSessionRequest' });
export type CreateSessionRequest = z.output<typeof createSessionSchema>;

export const createdSessionSchema = z
  .object({
    session: chatSessionSchema,
    token: z.string().meta({ description: 'Session token for the browser: `Authorization: Bearer <token>`.' }),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CreatedSession' });

export const sessionViewSchema = z.object({ session: chatSessionSchema }).meta({ id: 'SessionView' });

export const sessionIdParamSchema = z.uuid();
