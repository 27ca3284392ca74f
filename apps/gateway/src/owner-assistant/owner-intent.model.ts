// The owner assistant's model path (docs/adr/0026-owner-assistant.md): with OWNER_ASSISTANT_LLM
// set, the owner's model is offered every operation as a tool (function calling through libs/llm,
// a `tool_choice` task) and picks the one a message asks for by calling it; the call's arguments
// are validated by zod and become the same intent the deterministic parser gives, which the
// service then resolves, proposes and performs as for the parser. The model sees only the
// owner's own recent messages, never tenant-controlled text (names, personas, topics), and it
// performs nothing itself: a tool call only chooses.
import { PLATFORM_TENANT_ID, toneSchema } from '@parley/contracts';
import { createLlmRouter, LlmError, type LlmRouter, type LlmRouterDeps, type ModelToolCall, type ModelToolSpec } from '@parley/llm';
import { z } from 'zod';
import type { OwnerIntent } from './owner-intent.types';

const tenantRef = z.string().trim().min(1).max(200);
const optionalRef = tenantRef.nullable().optional();

/** One operation, as the model chooses it: a tool call's name is `operation`, its arguments the rest. */
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

type Operation = ModelChoice['operation'];

/** What each tool does, for the model. Typed by the schema: a new operation needs its description. */
const DESCRIPTIONS: Record<Operation, string> = {
  create_tenant: 'Set up a new client (tenant): its business name, and its website domain when the owner gives one.',
  set_tone: "Change the tone of a client's chatbot.",
  set_persona: "Replace a client's chatbot persona (personality, instructions) with the given text.",
  set_topics: "Set the topics a client's chatbot may talk about.",
  set_origins: "Set the website origins (https://...) allowed to embed a client's chat widget.",
  pause: "Pause (deactivate) a client's account.",
  resume: "Resume (reactivate) a paused client's account.",
  rotate_key: 'Generate a new API key for a client (the old one stops working).',
  delete: 'Delete a client.',
  tenant_details: "Show one client's details (status, configuration).",
  add_staff: "Add a staff user to a client's console, as tenant_admin or tenant_agent.",
  list_tenants: 'List the clients, optionally only those whose name matches a search text.',
  explain_tenant:
    'Explain how one client is doing and why (its health, reasons, alerts); tenant null when the owner names none (the client being discussed).',
  advice: "Say what to change for a client (its alerts' suggestions); tenant null when the owner names none.",
  usage: 'Show usage (messages, tokens, cost) of one client, or of all clients with tenant null.',
  portfolio: 'Overview of all clients: how are my clients doing, who is red or amber, the numbers.',
  alerts: 'List the open alerts across clients.',
  help: 'Anything else, or a request you are unsure of: the assistant says what it can do.',
};

function operationsOf(option: (typeof modelChoiceSchema.options)[number]): Operation[] {
  const operation = option.shape.operation;
  return (operation instanceof z.ZodEnum ? operation.options : [...operation.values]) as Operation[];
}

function parameters(option: (typeof modelChoiceSchema.options)[number]): Record<string, unknown> {
  const schema = (option as z.ZodObject<z.ZodRawShape>).omit({ operation: true });
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return rest;
}

/** One tool per operation; its parameters are the operation's zod schema (less `operation`) as JSON Schema. */
export const OWNER_TOOLS: readonly ModelToolSpec[] = modelChoiceSchema.options.flatMap((option) =>
  operationsOf(option).map((name) => ({ name, description: DESCRIPTIONS[name], parameters: parameters(option) })),
);

export const OWNER_ASSISTANT_SYSTEM_PROMPT = [
  'You route the requests of the owner of Parley, a platform that runs chatbots for client businesses (tenants).',
  'Call exactly ONE of the tools: the operation the latest owner message asks for. Do not answer in text.',
  'The platform then checks the request and asks the owner to confirm any change; you perform nothing yourself.',
  'Rules: copy the tenant name exactly as the owner wrote it (the platform matches it); never invent names, emails or domains;',
  'one named client only (a request for every client is help); anything else, or a request you are unsure of, is help.',
  'Earlier owner messages are context only: act on the latest one.',
].join('\n');

/**
 * The intent the model's tool calls choose, or null (the parser answers instead) when there is
 * no call, a call to an unknown tool, arguments that do not validate, or several calls that do
 * not all choose the same intent.
 */
export function intentFromToolCalls(calls: readonly ModelToolCall[] | undefined): OwnerIntent | null {
  if (!calls || calls.length === 0) return null;
  let chosen: OwnerIntent | null = null;
  for (const call of calls) {
    if (call.args === null || !Object.hasOwn(DESCRIPTIONS, call.name)) return null;
    const parsed = modelChoiceSchema.safeParse({ ...call.args, operation: call.name });
    if (!parsed.success) return null;
    const intent = toIntent(parsed.data);
    if (chosen && JSON.stringify(chosen) !== JSON.stringify(intent)) return null;
    chosen = intent;
  }
  return chosen;
}

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

/** The owner's model with its own router (no tenant chain; the offline responder does no tasks, so nothing answers in its place). */
export function createOwnerIntentModel(
  settings: OwnerModelSettings & { baseUrl?: string; apiKey?: string },
  deps: LlmRouterDeps,
): OwnerIntentModel {
  const { provider } = settings.llm;
  const router = createLlmRouter(
    {
      openai: provider === 'openai' ? { apiKey: settings.apiKey ?? 'not-needed', baseUrl: settings.baseUrl } : {},
      gemini: provider === 'gemini' ? { apiKey: settings.apiKey, baseUrl: settings.baseUrl } : {},
      ollama: provider === 'ollama' ? { baseUrl: settings.baseUrl } : {},
      llamacpp: {},
      timeouts: { overallMs: settings.timeoutMs, firstTokenMs: settings.timeoutMs },
      embedding: { provider: 'none' },
    },
    deps,
  );
  return new OwnerIntentModel(router, { llm: settings.llm, timeoutMs: settings.timeoutMs });
}

const NO_PERSONA = { displayName: '', persona: '', tone: 'concise' as const, allowedTopics: [] };

/** Reads a message with the owner's model; null when it failed or chose nothing usable (the caller uses the parser). */
export class OwnerIntentModel {
  constructor(
    private readonly router: LlmRouter,
    private readonly settings: OwnerModelSettings,
  ) {}

  async read(message: string, earlierOwnerMessages: readonly string[]): Promise<OwnerIntent | null> {
    const context = earlierOwnerMessages.slice(-3).map((m) => `Earlier owner message: ${m}`);
    try {
      const result = await this.router.generate(
        {
          tenantId: PLATFORM_TENANT_ID,
          llm: { primary: this.settings.llm, fallbacks: [] },
          persona: NO_PERSONA,
          history: [],
          userMessage: [...context, `Latest owner message: ${message}`].join('\n'),
          firstTurn: false,
          knowledge: [],
          directives: [],
          signal: AbortSignal.timeout(this.settings.timeoutMs),
          maxOutputTokens: 400,
          tools: OWNER_TOOLS,
          task: { kind: 'tool_choice', system: OWNER_ASSISTANT_SYSTEM_PROMPT },
        },
        { onToken: () => undefined },
      );
      return result.finishReason === 'stop' ? intentFromToolCalls(result.toolCalls) : null;
    } catch (error) {
      if (error instanceof LlmError) return null;
      throw error;
    }
  }
}
