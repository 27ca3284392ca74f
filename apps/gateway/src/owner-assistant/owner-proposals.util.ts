// Changes the owner asked for, as proposals waiting for "yes" (docs/adr/0026-owner-assistant.md).
// Pure: the operation to perform later and the sentence that tells the owner exactly what it does.
import type { OwnerAssistantOperation, TenantWithConfig } from '@parley/contracts';
import type { OwnerIntent } from './owner-intent.types';
import { quoted } from './portfolio-summary.util';
import { ASSISTANT_ROTATION_GRACE_SECONDS } from './owner-operations.executor';

export interface ProposalInput {
  operation: OwnerAssistantOperation;
}

/** The time zone of a client set up through the assistant (the owner changes it later). */
export const ASSISTANT_DEFAULT_TIMEZONE = 'UTC';

export function slugFor(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}

/** The operation of a change, or null when the intent only reads. */
export function proposalFor(intent: OwnerIntent, tenant: { id: string; name: string } | null): ProposalInput | null {
  const tenantId = tenant?.id ?? null;
  switch (intent.kind) {
    case 'create_tenant':
      return {
        operation: {
          kind: 'create_tenant',
          tenantId: null,
          args: {
            displayName: intent.name,
            slug: slugFor(intent.name),
            kind: intent.kindHint ?? 'general',
            timezone: ASSISTANT_DEFAULT_TIMEZONE,
            domain: intent.domain ? `https://${intent.domain.replace(/^https?:\/\//, '').replace(/\/$/, '')}` : null,
          },
        },
      };
    case 'set_tone':
      return { operation: { kind: 'set_tone', tenantId, args: { tone: intent.tone } } };
    case 'set_persona':
      return { operation: { kind: 'set_persona', tenantId, args: { persona: intent.persona } } };
    case 'set_topics':
      return { operation: { kind: 'set_topics', tenantId, args: { topics: intent.topics } } };
    case 'set_origins':
      return { operation: { kind: 'set_origins', tenantId, args: { origins: intent.origins } } };
    case 'pause':
    case 'resume':
    case 'rotate_key':
      return { operation: { kind: intent.kind, tenantId, args: {} } };
    case 'add_staff':
      return { operation: { kind: 'add_staff', tenantId, args: { email: intent.email, role: intent.role } } };
    default:
      return null;
  }
}

/** What the proposal will do, in words; `noop` when it would change nothing (already paused, same tone). */
export function describeProposal(input: ProposalInput, current?: TenantWithConfig): { text: string; noop: boolean } {
  const { operation: op } = input;
  const name = current ? quoted(current.displayName) : '';
  const a = op.args;
  switch (op.kind) {
    case 'create_tenant':
      return {
        text:
          `I will set up a new client ${quoted(a.displayName as string)}: slug ${a.slug as string}, kind ${a.kind as string}, time zone ${a.timezone as string}` +
          `${a.domain ? `, website ${a.domain as string} (its only allowed origin)` : ', no website yet'}. Its first API key will be shown once.`,
        noop: false,
      };
    case 'set_tone':
      if (current?.config.tone === a.tone)
        return { text: `${name} already speaks in the ${a.tone as string} tone: nothing to change.`, noop: true };
      return {
        text: `I will change ${name}'s chatbot tone from ${current?.config.tone ?? '?'} to ${a.tone as string}. Visitors see it from their next message.`,
        noop: false,
      };
    case 'set_persona':
      return { text: `I will replace ${name}'s chatbot persona with: ${quoted(a.persona as string)}.`, noop: false };
    case 'set_topics':
      return {
        text: `I will limit ${name}'s chatbot to these topics: ${(a.topics as string[]).join(', ')} (was: ${current?.config.allowedTopics.join(', ') || 'any'}).`,
        noop: false,
      };
    case 'set_origins':
      return {
        text: `I will set ${name}'s allowed browser origins to ${(a.origins as string[]).join(', ')} (was: ${current?.config.allowedOrigins.join(', ') || 'none'}).`,
        noop: false,
      };
    case 'pause':
      if (current?.status === 'deactivated') return { text: `${name} is already paused.`, noop: true };
      return {
        text: `I will pause ${name}: its API keys, site keys, chat sessions and staff logins stop working until you resume it.`,
        noop: false,
      };
    case 'resume':
      if (current?.status === 'active') return { text: `${name} is active already: nothing to resume.`, noop: true };
      return { text: `I will resume ${name}: its keys, sessions and logins work again.`, noop: false };
    case 'rotate_key':
      return {
        text: `I will issue a new API key for ${name} (shown once); its current keys keep working ${ASSISTANT_ROTATION_GRACE_SECONDS / 3600} hours, then stop.`,
        noop: false,
      };
    case 'add_staff':
      return { text: `I will add ${a.email as string} to ${name} as ${a.role as string}, with a first password shown once.`, noop: false };
    default:
      return { text: `Unknown change ${op.kind}.`, noop: true };
  }
}
