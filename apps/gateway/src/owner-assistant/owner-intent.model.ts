// The owner assistant's model path (docs/adr/0026-owner-assistant.md): with OWNER_ASSISTANT_LLM
// set, the owner's model picks the one operation a message asks for, as JSON validated by zod
// (libs/llm completeStructured); the service then resolves, proposes and performs it exactly as
// for the deterministic parser. The model sees only the owner's own recent messages, never
// tenant-controlled text (names, personas, topics), and it performs nothing itself.
import { PLATFORM_TENANT_ID, toneSchema } from '@parley/contracts';
import { completeStructured, LlmError, type LlmRouter } from '@parley/llm';
import { z } from 'zod';
import type { OwnerIntent } from './owner-intent.types';

const tenantRef = z.string().trim().min(1).max(200);
const optionalRef = tenantRef.nullable().optional();

/** One operation, as the model answers it. */
export const modelChoiceSchema = z.discriminatedUnion('operation', [
  z.object({
    operation: z.literal('create_tenant'),
    name: z.string().trim().min(1).max(200),
    domain: z.string().max(300).nullable().optional(),
  }),
  z.object({ operation: z.literal('set_tone'), tenant: tenantRef, tone: toneSchema }),
  z.object({ operation: z.literal('set_persona'), tenant: tenantRef, persona: z.string().trim().min(1).max(8000) }),
  z.object({ operation: z.literal('set_topics'), tenant: tenantRef, topics: z.array(z.string().trim().min(1).max(100)).min(1).max(50) }),
  z.object({ operation: z.literal('set_origins'), tenant: tenantRef, origins: z.array(z.string().trim().min(1).max(300)).min(1).max(50) }),
  z.object({ operation: z.enum(['pause', 'resume', 'rotate_key', 'delete', 'tenant_details']), tenant: tenantRef }),
  z.object({
    operation: z.literal('add_staff'),
    tenant: tenantRef,
    email: z.email().max(320),
    role: z.enum(['tenant_admin', 'tenant_agent']),
  }),
  z.object({ operation: z.literal('list_tenants'), search: z.string().trim().min(1).max(200).nullable().optional() }),
  z.object({ operation: z.enum(['explain_tenant', 'advice', 'usage']), tenant: optionalRef }),
  z.object({ operation: z.enum(['portfolio', 'alerts', 'help']) }),
]);
export type ModelChoice = z.infer<typeof modelChoiceSchema>;

export const OWNER_ASSISTANT_SYSTEM_PROMPT = [
  'You route the requests of the owner of Parley, a platform that runs chatbots for client businesses (tenants).',
  'Pick the ONE operation the latest owner message asks for and answer with one JSON object only, no prose:',
  '{"operation":"create_tenant","name":"<business name>","domain":"<domain or null>"}',
  '{"operation":"set_tone","tenant":"<name>","tone":"friendly|professional|formal|casual|concise"}',
  '{"operation":"set_persona","tenant":"<name>","persona":"<the new persona text>"}',
  '{"operation":"set_topics","tenant":"<name>","topics":["..."]}',
  '{"operation":"set_origins","tenant":"<name>","origins":["https://..."]}',
  '{"operation":"pause|resume|rotate_key|delete|tenant_details","tenant":"<name>"}  (rotate_key = a new API key)',
  '{"operation":"add_staff","tenant":"<name>","email":"<email>","role":"tenant_admin|tenant_agent"}',
  '{"operation":"list_tenants","search":null}',
  '{"operation":"explain_tenant|advice|usage","tenant":"<name or null when the owner names none>"}',
  '{"operation":"portfolio"}  (how are my clients doing, overview)   {"operation":"alerts"}   {"operation":"help"}',
  'Rules: copy the tenant name exactly as the owner wrote it (the platform matches it); never invent names, emails or domains;',
  'one named client only (a request for every client is help); anything else, or a request you are unsure of, is help.',
  'Earlier owner messages are context only: act on the latest one.',
].join('\n');

export function toIntent(choice: ModelChoice): OwnerIntent {
  switch (choice.operation) {
    case 'create_tenant': {
      const domain = choice.domain
        ? choice.domain
            .replace(/^https?:\/\//i, '')
            .replace(/\/.*$/, '')
            .toLowerCase() || null
        : null;
      return { kind: 'create_tenant', name: choice.name, domain, kindHint: /plumb/i.test(choice.name) ? 'plumber' : null };
    }
    case 'set_tone':
      return { kind: 'set_tone', tenant: choice.tenant, tone: choice.tone };
    case 'set_persona':
      return { kind: 'set_persona', tenant: choice.tenant, persona: choice.persona };
    case 'set_topics':
      return { kind: 'set_topics', tenant: choice.tenant, topics: choice.topics };
    case 'set_origins':
      return { kind: 'set_origins', tenant: choice.tenant, origins: choice.origins };
    case 'add_staff':
      return { kind: 'add_staff', tenant: choice.tenant, email: choice.email.toLowerCase(), role: choice.role };
    case 'list_tenants':
      return { kind: 'list_tenants', search: choice.search ?? null };
    case 'explain_tenant':
    case 'advice':
    case 'usage':
      return { kind: choice.operation, tenant: choice.tenant ?? null };
    case 'portfolio':
    case 'alerts':
    case 'help':
      return { kind: choice.operation };
    default:
      return { kind: choice.operation, tenant: choice.tenant };
  }
}

export interface OwnerModelSettings {
  llm: { provider: 'openai' | 'gemini' | 'ollama'; model: string };
  timeoutMs: number;
}

/** Reads a message with the owner's model; null when there is no model or it failed (the caller uses the parser). */
export class OwnerIntentModel {
  constructor(
    private readonly router: LlmRouter,
    private readonly settings: OwnerModelSettings,
  ) {}

  async read(message: string, earlierOwnerMessages: readonly string[]): Promise<OwnerIntent | null> {
    const context = earlierOwnerMessages.slice(-3).map((m) => `Earlier owner message: ${m}`);
    try {
      const { value } = await completeStructured(this.router, {
        tenantId: PLATFORM_TENANT_ID,
        llm: { primary: this.settings.llm, fallbacks: [] },
        system: OWNER_ASSISTANT_SYSTEM_PROMPT,
        text: [...context, `Latest owner message: ${message}`].join('\n'),
        schema: modelChoiceSchema,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        maxOutputTokens: 400,
      });
      return toIntent(value);
    } catch (error) {
      if (error instanceof LlmError || error instanceof z.ZodError) return null;
      throw error;
    }
  }
}
