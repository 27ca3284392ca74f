import { z } from 'zod';
import { chatMessageViewSchema, chatSessionSchema } from '@parley/contracts';
import { isCleanText, INVALID_TEXT_MESSAGE } from '../chat/dto/text-input.schema';

export const handoffListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();
export const staffReplySchema = z
  .object({ content: z.string().trim().min(1).max(8000).refine(isCleanText, INVALID_TEXT_MESSAGE) })
  .strict()
  .meta({ id: 'StaffReplyRequest' });
export const sessionIdParamSchema = z.uuid();

export const handoffPageSchema = z.object({ items: z.array(chatSessionSchema) }).meta({ id: 'HandoffSessions' });
export const staffReplyResultSchema = z.object({ message: chatMessageViewSchema }).meta({ id: 'StaffReply' });
export const handBackResultSchema = z.object({ session: chatSessionSchema }).meta({ id: 'HandBack' });
