import { toolParametersSchema } from '@parley/contracts';
import { z } from 'zod';

/**
 * The zod schema of a custom tool's arguments, from its restricted JSON Schema (contracts
 * `toolParametersSchema`: an object of scalar properties). Strict: unknown arguments are refused.
 * null when the stored parameters are not such a schema (the tool is then not offered).
 */
export function customToolArgsSchema(parameters: unknown): z.ZodType<Record<string, unknown>> | null {
  const parsed = toolParametersSchema.safeParse(parameters);
  if (!parsed.success) return null;
  const shape: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(parsed.data.properties)) {
    let field: z.ZodType;
    if (p.enum) field = z.union(p.enum.map((v) => z.literal(v)) as unknown as [z.ZodLiteral, z.ZodLiteral, ...z.ZodLiteral[]]);
    else if (p.type === 'string') field = z.string().max(p.maxLength ?? 500);
    else if (p.type === 'boolean') field = z.boolean();
    else {
      let n = p.type === 'integer' ? z.int() : z.number();
      if (p.minimum !== undefined) n = n.min(p.minimum);
      if (p.maximum !== undefined) n = n.max(p.maximum);
      field = n;
    }
    shape[name] = parsed.data.required.includes(name) ? field : field.optional();
  }
  return z.object(shape).strict() as unknown as z.ZodType<Record<string, unknown>>;
}
