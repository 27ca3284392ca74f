// The HTTP API speaks snake_case; the contracts camelCase. An integration is a nested document
// whose own maps (query and body templates, response fields, extra headers) hold the tenant's
// names, which are never renamed. Only the fields below change case, at any depth.

const TO_SNAKE: Record<string, string> = {
  baseUrl: 'base_url',
  apiVersion: 'api_version',
  tokenUrl: 'token_url',
  clientId: 'client_id',
  clientSecret: 'client_secret',
  maxRows: 'max_rows',
  timeoutMs: 'timeout_ms',
  lastTest: 'last_test',
  latencyMs: 'latency_ms',
  testedAt: 'tested_at',
  tenantId: 'tenant_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
const TO_CAMEL: Record<string, string> = Object.fromEntries(Object.entries(TO_SNAKE).map(([camel, snake]) => [snake, camel]));
/** Maps written by the tenant: their keys are data. */
const OPAQUE = new Set(['query', 'body', 'fields', 'headers']);

function rename(value: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rename(item, names));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      names[key] ?? key,
      OPAQUE.has(key) ? inner : rename(inner, names),
    ]),
  );
}

export const toCamelKeys = (value: unknown): unknown => rename(value, TO_CAMEL);
export const toSnakeKeys = (value: unknown): unknown => rename(value, TO_SNAKE);

/** The contracts' field names as the HTTP body names them (for withHttpPaths). */
export const INTEGRATION_HTTP_NAMES: Readonly<Record<string, string>> = TO_SNAKE;

/** A JSON Schema (for OpenAPI) with the same renames applied to its property names. */
export function snakeJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(snakeJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, inner]) => [TO_SNAKE[name] ?? name, snakeJsonSchema(inner)]),
      );
    } else if (key === 'required' && Array.isArray(value)) {
      out.required = value.map((name) => (typeof name === 'string' ? (TO_SNAKE[name] ?? name) : name));
    } else out[key] = snakeJsonSchema(value);
  }
  return out;
}
