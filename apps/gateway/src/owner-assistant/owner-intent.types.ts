// What the owner asked for, as the deterministic parser or the model's tool calls read it
// (docs/adr/0026-owner-assistant.md). `tenant` is the owner's words for a tenant, resolved later.

import type { Tone } from '@parley/contracts';

export type OwnerIntent =
  | { kind: 'create_tenant'; name: string; domain: string | null; kindHint: string | null }
  | { kind: 'set_tone'; tenant: string; tone: Tone }
  | { kind: 'set_persona'; tenant: string; persona: string }
  | { kind: 'set_topics'; tenant: string; topics: string[] }
  | { kind: 'set_origins'; tenant: string; origins: string[] }
  | { kind: 'pause'; tenant: string }
  | { kind: 'resume'; tenant: string }
  | { kind: 'rotate_key'; tenant: string }
  | { kind: 'add_staff'; tenant: string; email: string; role: 'tenant_admin' | 'tenant_agent' }
  | { kind: 'delete'; tenant: string }
  | { kind: 'list_tenants'; search: string | null }
  | { kind: 'tenant_details'; tenant: string }
  | { kind: 'portfolio' }
  | { kind: 'explain_tenant'; tenant: string | null }
  | { kind: 'advice'; tenant: string | null }
  | { kind: 'alerts' }
  | { kind: 'usage'; tenant: string | null }
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'help' };

export type OwnerIntentKind = OwnerIntent['kind'];

/** Intents that change something: proposed first, performed only after the owner confirms. */
export const CHANGING_INTENTS: ReadonlySet<OwnerIntentKind> = new Set([
  'create_tenant',
  'set_tone',
  'set_persona',
  'set_topics',
  'set_origins',
  'pause',
  'resume',
  'rotate_key',
  'add_staff',
]);
