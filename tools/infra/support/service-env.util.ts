import { z } from 'zod';
import { repoPath } from './repo-files.util';

// Each service's own start-up schema (apps/<service>/src/config/env.schema.ts, `envSchema`),
// loaded as the service loads it: what a deployment must provide is read from there, never
// copied by hand.

/** The `envSchema` a service validates its environment with at start-up. */
export function envSchemaOf(service: string): z.ZodType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path comes from the service list
  const module = require(repoPath(`apps/${service}/src/config/env.schema.ts`)) as { envSchema?: unknown };
  if (!(module.envSchema instanceof z.ZodType)) throw new Error(`apps/${service}/src/config/env.schema.ts exports no zod envSchema`);
  return module.envSchema;
}

/** The variables of an env schema: its object shape, under any transform or pipe. */
export function envShapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodPipe) current = current.in as z.ZodType;
  if (!(current instanceof z.ZodObject)) throw new Error('an env schema must be a z.object (possibly refined or transformed)');
  return current.shape as Record<string, z.ZodType>;
}

/** Variables without a default that may not be left out (a missing one stops the service). */
export function requiredEnvVars(service: string): string[] {
  const shape = envShapeOf(envSchemaOf(service));
  return Object.keys(shape)
    .filter((name) => !shape[name].safeParse(undefined).success)
    .sort();
}

/** The problems the service itself would print at start-up for this environment (empty: it starts). */
export function envProblems(service: string, env: Record<string, string>): string[] {
  const result = envSchemaOf(service).safeParse(env);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
}
