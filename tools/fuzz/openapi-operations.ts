// The gateway's routes as the fuzzer sees them: read from the OpenAPI document it serves at
// /docs/openapi.json, so a route added tomorrow is fuzzed without touching this suite.

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface FuzzParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface FuzzOperation {
  /** `METHOD /path/{param}`, stable across runs (the report's row key). */
  id: string;
  method: string;
  path: string;
  parameters: FuzzParameter[];
  body?: { required: boolean; contentTypes: string[]; schemas: Record<string, JsonSchema> };
  /** The schemes the route declares: `api_key`, `bearer`; empty for public routes. */
  security: string[];
  /** The route may answer text/event-stream. */
  streams: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface RawOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: Array<Record<string, unknown>>;
}

/** `$ref`s resolved against the document's components, recursively (cycles stop at the second visit). */
export function resolveSchema(schema: unknown, doc: OpenApiDocument, seen: ReadonlySet<string> = new Set()): JsonSchema {
  if (schema === null || typeof schema !== 'object') return {};
  if (Array.isArray(schema)) return {};
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return {};
    return resolveSchema(doc.components?.schemas?.[name], doc, new Set([...seen, name]));
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, resolveSchema(sub, doc, seen)]));
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      out[key] = resolveSchema(value, doc, seen);
    } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = value.map((sub) => resolveSchema(sub, doc, seen));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Every operation of the document, sorted by path then method. */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const path of Object.keys(doc.paths).sort()) {
    for (const method of METHODS) {
      const raw = doc.paths[path][method] as RawOperation | undefined;
      if (!raw) continue;
      const parameters: FuzzParameter[] = (raw.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({
          name: p.name,
          in: p.in as FuzzParameter['in'],
          required: p.required === true || p.in === 'path',
          schema: resolveSchema(p.schema, doc),
        }));
      const content = raw.requestBody?.content ?? {};
      const contentTypes = Object.keys(content);
      const body =
        contentTypes.length > 0
          ? {
              required: raw.requestBody?.required === true,
              contentTypes,
              schemas: Object.fromEntries(contentTypes.map((type) => [type, resolveSchema(content[type].schema, doc)])),
            }
          : undefined;
      const security = [...new Set((raw.security ?? []).flatMap((requirement) => Object.keys(requirement)))].sort();
      const streams = Object.values(raw.responses ?? {}).some((response) =>
        Object.keys(response.content ?? {}).includes('text/event-stream'),
      );
      operations.push({ id: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, parameters, body, security, streams });
    }
  }
  return operations;
}

/**
 * The resource a path addresses, for id pools: the last literal segment before the first
 * parameter (`/api/v1/sessions/{id}/summary` -> `sessions`), or the last segment of a path
 * without parameters (`/api/v1/notification-channels` -> `notification-channels`).
 */
export function resourceOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const firstParam = segments.findIndex((segment) => segment.startsWith('{'));
  const literal = firstParam === -1 ? segments : segments.slice(0, firstParam);
  return literal[literal.length - 1] ?? '';
}

/**
 * The resource a path parameter addresses: the literal segment right before it
 * (`/api/v1/admin/tenants/{id}/site-keys/{keyId}/revoke`: `id` -> `tenants`, `keyId` ->
 * `site-keys`), else the path's resource.
 */
export function resourceOfParam(path: string, name: string): string {
  const segments = path.split('/').filter(Boolean);
  const at = segments.indexOf(`{${name}}`);
  const before = at > 0 ? segments[at - 1] : undefined;
  return before && !before.startsWith('{') ? before : resourceOf(path);
}
