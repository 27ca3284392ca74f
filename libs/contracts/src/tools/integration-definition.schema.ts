import { z } from 'zod';
import { builtinToolKeySchema, integrationKindSchema } from './tool-catalogue.schema';

// How a tenant connects one of its systems (issue 17). The non-secret part (base URL, auth type,
// header names, endpoints) is stored as plain JSON and shown back; the secrets (tokens,
// passwords, client secrets) are sealed with AES-256-GCM at rest and are never returned by the
// API nor logged.

const secret = z.string().min(1).max(4096);
const headerName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/, 'an HTTP header name');

/** How Parley authenticates to the tenant's system, secrets included (write side). */
export const integrationAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('api_key'), header: headerName, value: secret }).strict(),
  z.object({ type: z.literal('bearer'), token: secret }).strict(),
  z.object({ type: z.literal('basic'), username: z.string().min(1).max(256), password: secret }).strict(),
  z
    .object({
      type: z.literal('oauth2_client_credentials'),
      tokenUrl: z.url({ protocol: /^https?$/ }).max(2000),
      clientId: z.string().min(1).max(256),
      clientSecret: secret,
      scope: z.string().max(1000).optional(),
    })
    .strict(),
]);
export type IntegrationAuth = z.infer<typeof integrationAuthSchema>;

/** The same without its secrets: what the API shows and what is stored unencrypted. */
export const integrationAuthViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('api_key'), header: headerName }),
  z.object({ type: z.literal('bearer') }),
  z.object({ type: z.literal('basic'), username: z.string() }),
  z.object({ type: z.literal('oauth2_client_credentials'), tokenUrl: z.string(), clientId: z.string(), scope: z.string().optional() }),
]);
export type IntegrationAuthView = z.infer<typeof integrationAuthViewSchema>;

/** A `{name}` placeholder in a template is filled from the tool's arguments (or call_endpoint's params). */
const template = z.string().max(2000);
/** A dot path into a JSON response: `data.items`, `price.amount`, `variants.0.sku`. */
const jsonPath = z
  .string()
  .max(300)
  .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, 'a dot path such as data.items or price.amount');
const endpointName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -');

/**
 * How an answer maps to the tool's normalised result: `root` is where the item (or the list of
 * items) sits, `fields` maps each result field (e.g. `title`, `price`, `quantity`, `status`) to a
 * path inside one item (REST) or to a column name (SQL).
 */
export const responseMappingSchema = z
  .object({
    root: jsonPath.optional(),
    fields: z.record(z.string().min(1).max(64), jsonPath).default({}),
  })
  .strict();
export type ResponseMapping = z.infer<typeof responseMappingSchema>;

const timeoutMs = z.int().min(100).max(5000).default(5000);

/** A generic REST endpoint: method, path template, query and body mapping, response mapping. */
export const restEndpointSchema = z
  .object({
    name: endpointName,
    /** The built-in tool this endpoint answers, or none for one called through call_endpoint. */
    serves: builtinToolKeySchema.nullable().default(null),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH']).default('GET'),
    path: template.regex(/^\//, 'starts with /'),
    query: z.record(z.string().min(1).max(100), template).default({}),
    body: z.record(z.string().min(1).max(100), template).nullable().default(null),
    response: responseMappingSchema.default({ fields: {} }),
    timeoutMs,
  })
  .strict();
export type RestEndpoint = z.infer<typeof restEndpointSchema>;

/**
 * A parameterised read-only SELECT of a SQL source: `:name` placeholders are bound as
 * parameters (never spliced into the text); it runs in a READ ONLY transaction with a statement
 * timeout and at most `maxRows` rows.
 */
export const sqlEndpointSchema = z
  .object({
    name: endpointName,
    serves: builtinToolKeySchema.nullable().default(null),
    sql: z
      .string()
      .trim()
      .min(1)
      .max(10_000)
      .regex(/^(select|with)\b/i, 'a SELECT (or WITH ... SELECT) statement'),
    maxRows: z.int().min(1).max(100).default(20),
    response: responseMappingSchema.default({ fields: {} }),
    timeoutMs,
  })
  .strict();
export type SqlEndpoint = z.infer<typeof sqlEndpointSchema>;

const httpsOrHttpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const sqlUrl = z
  .string()
  .max(2000)
  .regex(/^(postgres|postgresql|mysql|mariadb):\/\/[^\s]+$/, 'a postgres:// or mysql:// URL without credentials');

/** One integration as a tenant admin writes it (create or replace). */
export const integrationInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('shopify'),
      name: z.string().trim().min(1).max(100),
      /** https://<shop>.myshopify.com */
      baseUrl: httpsOrHttpUrl,
      config: z
        .object({
          apiVersion: z
            .string()
            .regex(/^\d{4}-\d{2}$/)
            .default('2025-07'),
        })
        .strict()
        .default({ apiVersion: '2025-07' }),
      auth: integrationAuthSchema.refine((a) => a.type === 'api_key', 'Shopify uses an Admin API access token (api_key auth)'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('woocommerce'),
      name: z.string().trim().min(1).max(100),
      /** The WordPress site URL; the API is under /wp-json/wc/v3. */
      baseUrl: httpsOrHttpUrl,
      config: z.object({}).strict().default({}),
      auth: integrationAuthSchema.refine((a) => a.type === 'basic', 'WooCommerce uses its consumer key and secret (basic auth)'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('rest'),
      name: z.string().trim().min(1).max(100),
      baseUrl: httpsOrHttpUrl,
      config: z
        .object({ headers: z.record(headerName, z.string().max(500)).default({}) })
        .strict()
        .default({ headers: {} }),
      auth: integrationAuthSchema,
      endpoints: z.array(restEndpointSchema).max(50).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.enum(['postgres', 'mysql']),
      name: z.string().trim().min(1).max(100),
      /** Host, port and database; the user and password go in `auth` (basic). */
      baseUrl: sqlUrl,
      config: z
        .object({ ssl: z.boolean().default(false) })
        .strict()
        .default({ ssl: false }),
      auth: integrationAuthSchema.refine((a) => a.type === 'basic', 'a SQL source signs in with a user and password (basic auth)'),
      endpoints: z.array(sqlEndpointSchema).max(50).default([]),
    })
    .strict(),
]);
export type IntegrationInput = z.infer<typeof integrationInputSchema>;

/**
 * Everything a connector needs to call the tenant's system: built by the owning service from the
 * stored row and its opened secrets. Never leaves the process, never logged.
 */
export interface IntegrationDefinition {
  id: string;
  tenantId: string;
  kind: z.infer<typeof integrationKindSchema>;
  name: string;
  baseUrl: string;
  config: Record<string, unknown>;
  auth: IntegrationAuth;
  restEndpoints: readonly RestEndpoint[];
  sqlEndpoints: readonly SqlEndpoint[];
}
