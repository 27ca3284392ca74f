import {
  E164_PATTERN,
  MODEL_ACTION_LIMITS,
  isModelActionType,
  modelActionParamsSchemas,
  modelToolArgsSchemas,
  type Action,
  type ModelActionParamsByType,
  type ModelActionType,
} from '@parley/contracts';
import type { ModelToolCall } from '@parley/llm';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

// Checks the model's tool calls against the tenant before anything is executed (ADR 0011,
// OWASP LLM06). The model is untrusted: whatever the visitor wrote can steer it, so a call is
// accepted only when its tool is one of ours, its arguments parse with the contracts' bounded
// schemas, a notify_staff recipient is an active staff user (or role) of THIS tenant, and a
// phone number is a possible number. Everything else is refused with a reason and never runs.

/** An active staff user of the turn's tenant, as loaded under the tenant's RLS scope. */
export interface StaffMember {
  id: string;
  tenantId: string;
  email: string;
  /** Shown to colleagues; a staff assistant request may name a colleague by it (or its first word). */
  displayName: string;
  role: 'tenant_admin' | 'tenant_agent';
  status: 'active' | 'disabled';
}

export type RefusalReason =
  'unknown_tool' | 'malformed_arguments' | 'invalid_arguments' | 'unknown_recipient' | 'invalid_phone' | 'too_many_actions';

export interface RefusedCall {
  /** The tool, or `unknown` for a name that is not one of ours (never echoed: it is model text). */
  tool: ModelActionType | 'unknown';
  reason: RefusalReason;
  callId: string | null;
  /** Argument names that failed validation (names only, never values). */
  fields: string[];
}

/** A call that may run: the action shown to the client and the params written on the event. */
export interface AcceptedAction {
  type: ModelActionType;
  /** For the action frame and the turn response: what the visitor may see. */
  action: Action;
  /** For ActionRequested.params: the resolved, validated params. */
  params: Record<string, unknown>;
}

export interface ValidatedActions {
  accepted: AcceptedAction[];
  refused: RefusedCall[];
}

export interface ValidationContext {
  tenantId: string;
  /** The tenant's staff; anyone else in the list (another tenant, disabled) is never a recipient. */
  staff: readonly StaffMember[];
  /** Region for phone numbers written without a country code. */
  defaultRegion?: CountryCode;
  /** Accepted actions per turn; further calls are refused. */
  maxActions?: number;
  /**
   * Set for a staff assistant turn (ADR 0012): the staff user talking to the bot. Colleagues may
   * then be named (display name, or a first name that only one colleague has), the sender is
   * never a recipient, and the message says who sent it. Visitor turns never resolve names.
   */
  sender?: { userId: string };
}

export const MAX_MODEL_ACTIONS = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROLE_TARGETS: Record<string, StaffMember['role']> = {
  manager: 'tenant_admin',
  managers: 'tenant_admin',
  'the manager': 'tenant_admin',
  tenant_admin: 'tenant_admin',
  tenant_agent: 'tenant_agent',
};
// Digits and the usual separators only: anything else is not a phone number we will dial.
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

/**
 * The staff user ids a recipient names: a role, a user id or an email, within the tenant only;
 * for a staff assistant turn (`sender` set) also a colleague's name, and never the sender.
 */
export function resolveRecipient(recipient: string, context: Pick<ValidationContext, 'tenantId' | 'staff' | 'sender'>): string[] {
  const key = recipient.trim().toLowerCase();
  const senderId = context.sender?.userId;
  const staff = context.staff.filter((s) => s.tenantId === context.tenantId && s.status === 'active' && s.id !== senderId);
  const role = ROLE_TARGETS[key];
  if (role) return staff.filter((s) => s.role === role).map((s) => s.id);
  if (UUID.test(key)) return staff.filter((s) => s.id === key).map((s) => s.id);
  if (key.includes('@')) return staff.filter((s) => s.email.toLowerCase() === key).map((s) => s.id);
  return senderId ? resolveByName(key, staff) : [];
}

/** A colleague by full display name, else by first name when exactly one colleague has it. */
function resolveByName(key: string, staff: readonly StaffMember[]): string[] {
  const name = key.replace(/\s+/g, ' ');
  if (name.length === 0) return [];
  const full = staff.filter((s) => s.displayName.trim().toLowerCase().replace(/\s+/g, ' ') === name);
  if (full.length > 0) return full.map((s) => s.id);
  const first = staff.filter((s) => s.displayName.trim().toLowerCase().split(/\s+/)[0] === name);
  return first.length === 1 ? [first[0].id] : [];
}

/** The message a colleague reads: who sent it first (staff assistant turns), within the message bound. */
function fromSender(message: string, context: ValidationContext): string {
  const senderId = context.sender?.userId;
  if (!senderId) return message;
  const sender = context.staff.find((s) => s.id === senderId && s.tenantId === context.tenantId);
  const who = sender ? sender.displayName.trim() || sender.email : 'A colleague';
  return `From ${who} (via the staff assistant): ${message}`.slice(0, MODEL_ACTION_LIMITS.message);
}

/** Who a staff assistant message went to, for the sender's action frame. */
function recipientNames(ids: readonly string[], context: ValidationContext): string {
  const names = ids.map((id) => context.staff.find((s) => s.id === id)).map((s) => (s ? s.displayName.trim() || s.email : 'a colleague'));
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

/** E.164 for a possible phone number, or null. */
export function normalizePhone(raw: string, defaultRegion: CountryCode = 'GB'): string | null {
  if (!PHONE_CHARS.test(raw)) return null;
  const parsed = parsePhoneNumberFromString(raw, defaultRegion);
  if (parsed === undefined || !parsed.isPossible()) return null;
  return E164_PATTERN.test(parsed.number) ? parsed.number : null;
}

type Checked =
  | { ok: true; params: ModelActionParamsByType[ModelActionType]; action: Pick<Action, 'label' | 'params'> }
  | { ok: false; reason: RefusalReason; fields: string[] };

function invalid(error: z.ZodError): Checked {
  return { ok: false, reason: 'invalid_arguments', fields: [...new Set(error.issues.map((i) => String(i.path[0] ?? '')))] };
}

function check(type: ModelActionType, args: Record<string, unknown>, context: ValidationContext): Checked {
  switch (type) {
    case 'notify_staff': {
      const parsed = modelToolArgsSchemas.notify_staff.safeParse(args);
      if (!parsed.success) return invalid(parsed.error);
      const a = parsed.data;
      const recipientUserIds = resolveRecipient(a.recipient, context);
      if (recipientUserIds.length === 0) return { ok: false, reason: 'unknown_recipient', fields: ['recipient'] };
      const ids = recipientUserIds.slice(0, 50);
      return {
        ok: true,
        params: { recipient: a.recipient, recipientUserIds: ids, message: fromSender(a.message, context), urgency: a.urgency },
        // A visitor never sees who was told; a staff sender does.
        action: context.sender
          ? { label: `Message sent to ${recipientNames(ids, context)}`, params: { urgency: a.urgency } }
          : { label: 'Message passed to the team', params: { urgency: a.urgency } },
      };
    }
    case 'log_event': {
      const parsed = modelToolArgsSchemas.log_event.safeParse(args);
      if (!parsed.success) return invalid(parsed.error);
      const kind = parsed.data.kind.toLowerCase().replace(/[\s.-]+/g, '_');
      return {
        ok: true,
        params: { kind, details: parsed.data.details },
        action: { label: `Noted for the team: ${kind.replace(/_/g, ' ')}`, params: { kind } },
      };
    }
    case 'request_callback': {
      const parsed = modelToolArgsSchemas.request_callback.safeParse(args);
      if (!parsed.success) return invalid(parsed.error);
      const phone = normalizePhone(parsed.data.phone, context.defaultRegion);
      if (phone === null) return { ok: false, reason: 'invalid_phone', fields: ['phone'] };
      const when = parsed.data.when ?? null;
      return { ok: true, params: { phone, when }, action: { label: 'Callback requested', params: { phone, when } } };
    }
    case 'create_follow_up': {
      const parsed = modelToolArgsSchemas.create_follow_up.safeParse(args);
      if (!parsed.success) return invalid(parsed.error);
      const { what, due } = parsed.data;
      return { ok: true, params: { what, due }, action: { label: 'Follow-up created for the team', params: { due } } };
    }
  }
}

/** Splits the model's tool calls into actions that may run and refusals (with reasons). */
export function validateModelActions(calls: readonly ModelToolCall[], context: ValidationContext): ValidatedActions {
  const max = context.maxActions ?? MAX_MODEL_ACTIONS;
  const accepted: AcceptedAction[] = [];
  const refused: RefusedCall[] = [];
  for (const call of calls) {
    const callId = call.id;
    if (!isModelActionType(call.name)) {
      refused.push({ tool: 'unknown', reason: 'unknown_tool', callId, fields: [] });
      continue;
    }
    const type = call.name;
    if (call.args === null) {
      refused.push({ tool: type, reason: 'malformed_arguments', callId, fields: [] });
      continue;
    }
    if (accepted.length >= max) {
      refused.push({ tool: type, reason: 'too_many_actions', callId, fields: [] });
      continue;
    }
    const checked = check(type, call.args, context);
    if (!checked.ok) {
      refused.push({ tool: type, reason: checked.reason, callId, fields: checked.fields });
      continue;
    }
    // Belt and braces: what goes on the event must parse as the notifier will parse it.
    if (!modelActionParamsSchemas[type].safeParse(checked.params).success) {
      refused.push({ tool: type, reason: 'invalid_arguments', callId, fields: [] });
      continue;
    }
    const params = checked.params as Record<string, unknown>;
    accepted.push({ type, params, action: { id: randomUUID(), type, status: 'requested', ...checked.action } });
  }
  return { accepted, refused };
}
