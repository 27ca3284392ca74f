import { modelToolArgsSchemas, type ModelActionType } from '@parley/contracts';
import type { ModelToolSpec } from '@parley/llm';
import { z } from 'zod';

// The tools a tenant's model may call in a visitor turn (ADR 0011). Their parameters are the
// contracts' argument schemas as JSON Schema, so what the model is told and what chat accepts
// cannot drift apart. A call is only a request: chat validates it against the tenant first.

const DESCRIPTIONS: Record<ModelActionType, string> = {
  notify_staff:
    "Send a message to the business's staff: a staff member by the email address given in the knowledge, or a role ('manager', 'tenant_admin', 'tenant_agent'). Use it when the visitor asks you to tell someone something.",
  log_event: 'Record something the team should know about this conversation (a complaint, feedback, a lost item...).',
  request_callback: 'Ask the team to phone the visitor back, on the number the visitor gave you.',
  create_follow_up: 'Create a follow-up task for the team, with what has to be done and when it is due.',
};

function parameters(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return rest;
}

export const MODEL_TOOLS: readonly ModelToolSpec[] = (Object.keys(DESCRIPTIONS) as ModelActionType[]).map((name) => ({
  name,
  description: DESCRIPTIONS[name],
  parameters: parameters(modelToolArgsSchemas[name]),
}));
