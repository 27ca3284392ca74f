import {
  integrationKindSchema,
  restEndpointSchema,
  sqlEndpointSchema,
  type IntegrationAuth,
  type IntegrationDefinition,
  type RestEndpoint,
  type SqlEndpoint,
} from '@parley/contracts';

/** An integration as stored: the row's columns, the endpoints' definitions and the opened auth. */
export interface StoredIntegration {
  id: string;
  tenantId: string;
  kind: string;
  name: string;
  baseUrl: string | null;
  /** The non-secret options (e.g. Shopify's apiVersion, a REST API's extra headers). */
  options: Record<string, unknown>;
  auth: IntegrationAuth;
  endpointDefinitions: readonly unknown[];
}

/**
 * What a connector needs, from what is stored. Endpoint definitions that no longer parse (an
 * older shape) are left out rather than failing the whole integration.
 */
export function toIntegrationDefinition(stored: StoredIntegration): IntegrationDefinition {
  const kind = integrationKindSchema.parse(stored.kind);
  const sql = kind === 'postgres' || kind === 'mysql';
  const restEndpoints: RestEndpoint[] = [];
  const sqlEndpoints: SqlEndpoint[] = [];
  for (const definition of stored.endpointDefinitions) {
    if (sql) {
      const parsed = sqlEndpointSchema.safeParse(definition);
      if (parsed.success) sqlEndpoints.push(parsed.data);
    } else {
      const parsed = restEndpointSchema.safeParse(definition);
      if (parsed.success) restEndpoints.push(parsed.data);
    }
  }
  return {
    id: stored.id,
    tenantId: stored.tenantId,
    kind,
    name: stored.name,
    baseUrl: stored.baseUrl ?? '',
    config: stored.options,
    auth: stored.auth,
    restEndpoints,
    sqlEndpoints,
  };
}
