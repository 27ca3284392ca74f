import {
  connectionTestSchema,
  integrationAuthViewSchema,
  integrationKindSchema,
  restEndpointSchema,
  sqlEndpointSchema,
  type IntegrationAuth,
  type IntegrationAuthView,
  type IntegrationView,
} from '@parley/contracts';
import type { IntegrationRow } from './integration.repository';

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The auth without its secrets: what is stored in clear and shown back. */
export function authView(auth: IntegrationAuth): IntegrationAuthView {
  switch (auth.type) {
    case 'none':
    case 'bearer':
      return { type: auth.type };
    case 'api_key':
      return { type: 'api_key', header: auth.header };
    case 'basic':
      return { type: 'basic', username: auth.username };
    case 'oauth2_client_credentials':
      return {
        type: 'oauth2_client_credentials',
        tokenUrl: auth.tokenUrl,
        clientId: auth.clientId,
        ...(auth.scope === undefined ? {} : { scope: auth.scope }),
      };
  }
}

/** The stored non-secret config: `{ options, auth }`. */
export function storedConfig(options: Record<string, unknown>, auth: IntegrationAuth): Record<string, unknown> {
  return { options, auth: authView(auth) };
}

export function storedOptions(row: Pick<IntegrationRow, 'config'>): Record<string, unknown> {
  return asObject(asObject(row.config).options);
}

export function toIntegrationView(row: IntegrationRow): IntegrationView {
  const config = asObject(row.config);
  const auth = integrationAuthViewSchema.safeParse(config.auth);
  const kind = integrationKindSchema.parse(row.kind);
  const endpointSchema = kind === 'postgres' || kind === 'mysql' ? sqlEndpointSchema : restEndpointSchema;
  const lastTest = connectionTestSchema.safeParse(row.lastTest);
  return {
    id: row.id,
    tenantId: row.tenantId,
    kind,
    name: row.name,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    baseUrl: row.baseUrl ?? '',
    config: asObject(config.options),
    auth: auth.success ? auth.data : { type: 'none' },
    endpoints: row.endpoints.flatMap((e) => {
      const parsed = endpointSchema.safeParse(e.definition);
      return parsed.success ? [parsed.data] : [];
    }),
    lastTest: lastTest.success ? lastTest.data : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
