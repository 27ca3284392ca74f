import type { z } from 'zod';
import { ConfigError } from './config.error';

export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * Validates an environment against a zod object schema and returns the typed result.
 * Empty strings count as unset. Throws a ConfigError whose message names each bad variable
 * once, e.g. `Invalid environment: DATABASE_URL is required; PORT must be an integer 1-65535`.
 * Values never appear in the message: they may be secrets.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: EnvSource): z.output<S> {
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') input[name] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)';
    if (problems.has(name)) continue;
    problems.set(name, describe(name, issue.message, name in input));
  }
  throw new ConfigError([...problems.values()]);
}

function describe(name: string, message: string, present: boolean): string {
  if (!present) return `${name} is required`;
  // Our field helpers phrase messages as predicates ("must be ..."); zod's own start upper-case.
  return /^[a-z]/.test(message) ? `${name} ${message}` : `${name}: ${message}`;
}

/** Like parseEnv, but on failure prints the one-line message to stderr and exits with code 1. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, env: EnvSource): z.output<S> {
  try {
    return parseEnv(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
