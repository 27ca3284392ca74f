import { z } from 'zod';
import { uuidSchema } from '../common/primitives.schema';

// Structured actions a tenant's model may request through tool calling (ADR 0011). Two layers:
// - tool arguments: what the model sends, bounded, checked by chat before anything happens;
// - action params: what chat writes on ActionRequested (`type` = the tool name) once it has
//   resolved the arguments against the tenant (staff users, phone numbers). The notifier parses
//   them again with the same schemas before it executes an action.
// Added in contracts v1 as new schemas only: ActionRequested itself is unchanged.

export const MODEL_ACTION_TYPES = ['notify_staff', 'log_event', 'request_callback', 'create_follow_up'] as const;
export const modelActionTypeSchema = z.enum(MODEL_ACTION_TYPES);
export type ModelActionType = z.infer<typeof modelActionTypeSchema>;

export function isModelActionType(type: string): type is ModelActionType {
  return (MODEL_ACTION_TYPES as readonly string[]).includes(type);
}

/** Roles the model may name instead of a person; `manager` is an alias of `tenant_admin`. */
export const STAFF_ROLE_TARGETS = ['tenant_admin', 'tenant_agent', 'manager'] as const;
export type StaffRoleTarget = (typeof STAFF_ROLE_TARGETS)[number];

export const modelActionUrgencySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type ModelActionUrgency = z.infer<typeof modelActionUrgencySchema>;

/** E.164: a plus, a country code and at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export const MODEL_ACTION_LIMITS = {
  recipient: 254,
  message: 1000,
  eventKind: 60,
  details: 2000,
  phone: 40,
  when: 100,
  what: 500,
  due: 100,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

// ---- tool arguments (model -> chat) ----

export const notifyStaffArgsSchema = z.object({
  recipient: text(MODEL_ACTION_LIMITS.recipient).describe(
    "Who to tell: a staff member's email address as written in the knowledge, or a role: 'manager', 'tenant_admin' or 'tenant_agent'.",
  ),
  message: text(MODEL_ACTION_LIMITS.message).describe('The message for the staff member, in one or two sentences.'),
  urgency: modelActionUrgencySchema.default('medium').describe('How urgent it is.'),
});
export type NotifyStaffArgs = z.infer<typeof notifyStaffArgsSchema>;

export const logEventArgsSchema = z.object({
  kind: text(MODEL_ACTION_LIMITS.eventKind)
    .regex(/^[A-Za-z0-9 _.-]+$/)
    .describe('A short label for what happened, e.g. complaint, feedback, lost_property.'),
  details: text(MODEL_ACTION_LIMITS.details).describe('What the team should know about it.'),
});
export type LogEventArgs = z.infer<typeof logEventArgsSchema>;

export const requestCallbackArgsSchema = z.object({
  phone: text(MODEL_ACTION_LIMITS.phone).describe('The phone number the visitor gave, exactly as they wrote it.'),
  when: text(MODEL_ACTION_LIMITS.when).optional().describe('When the visitor wants the call, in their words, e.g. "tomorrow after 5pm".'),
});
export type RequestCallbackArgs = z.infer<typeof requestCallbackArgsSchema>;

export const createFollowUpArgsSchema = z.object({
  what: text(MODEL_ACTION_LIMITS.what).describe('What the team has to follow up on.'),
  due: text(MODEL_ACTION_LIMITS.due).describe('When it is due, e.g. a date or "by Friday".'),
});
export type CreateFollowUpArgs = z.infer<typeof createFollowUpArgsSchema>;

export const modelToolArgsSchemas = {
  notify_staff: notifyStaffArgsSchema,
  log_event: logEventArgsSchema,
  request_callback: requestCallbackArgsSchema,
  create_follow_up: createFollowUpArgsSchema,
} as const satisfies Record<ModelActionType, z.ZodType>;

// ---- action params (chat -> ActionRequested.params -> notifier) ----

export const notifyStaffParamsSchema = z.object({
  /** The recipient as the model named it (a staff email, id or role). */
  recipient: z.string().min(1).max(MODEL_ACTION_LIMITS.recipient),
  /** Active staff users of the event's tenant the recipient resolved to. */
  recipientUserIds: z.array(uuidSchema).min(1).max(50),
  message: z.string().min(1).max(MODEL_ACTION_LIMITS.message),
  urgency: modelActionUrgencySchema,
});
export type NotifyStaffParams = z.infer<typeof notifyStaffParamsSchema>;

export const logEventParamsSchema = z.object({
  kind: z.string().min(1).max(MODEL_ACTION_LIMITS.eventKind),
  details: z.string().min(1).max(MODEL_ACTION_LIMITS.details),
});
export type LogEventParams = z.infer<typeof logEventParamsSchema>;

export const requestCallbackParamsSchema = z.object({
  /** Normalised to E.164. */
  phone: z.string().regex(E164_PATTERN),
  when: z.string().min(1).max(MODEL_ACTION_LIMITS.when).nullable(),
});
export type RequestCallbackParams = z.infer<typeof requestCallbackParamsSchema>;

export const createFollowUpParamsSchema = z.object({
  what: z.string().min(1).max(MODEL_ACTION_LIMITS.what),
  due: z.string().min(1).max(MODEL_ACTION_LIMITS.due),
});
export type CreateFollowUpParams = z.infer<typeof createFollowUpParamsSchema>;

export const modelActionParamsSchemas = {
  notify_staff: notifyStaffParamsSchema,
  log_event: logEventParamsSchema,
  request_callback: requestCallbackParamsSchema,
  create_follow_up: createFollowUpParamsSchema,
} as const satisfies Record<ModelActionType, z.ZodType>;

export interface ModelActionParamsByType {
  notify_staff: NotifyStaffParams;
  log_event: LogEventParams;
  request_callback: RequestCallbackParams;
  create_follow_up: CreateFollowUpParams;
}
