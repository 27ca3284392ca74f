import { randomUUID } from 'node:crypto';
import {
  restEndpointSchema,
  sqlEndpointSchema,
  type IntegrationAuth,
  type IntegrationDefinition,
  type RestEndpoint,
  type SqlEndpoint,
} from '@parley/contracts';
import type { z } from 'zod';

export function restIntegration(
  baseUrl: string,
  endpoints: z.input<typeof restEndpointSchema>[],
  auth: IntegrationAuth = { type: 'none' },
  config: Record<string, unknown> = { headers: {} },
): IntegrationDefinition {
  return {
    id: randomUUID(),
    tenantId: randomUUID(),
    kind: 'rest',
    name: 'Test shop API',
    baseUrl,
    config,
    auth,
    restEndpoints: endpoints.map((endpoint): RestEndpoint => restEndpointSchema.parse(endpoint)),
    sqlEndpoints: [],
  };
}

export function sqlIntegration(
  kind: 'postgres' | 'mysql',
  baseUrl: string,
  endpoints: z.input<typeof sqlEndpointSchema>[],
  auth: { username: string; password: string },
): IntegrationDefinition {
  return {
    id: randomUUID(),
    tenantId: randomUUID(),
    kind,
    name: `Test ${kind} source`,
    baseUrl,
    config: { ssl: false },
    auth: { type: 'basic', ...auth },
    restEndpoints: [],
    sqlEndpoints: endpoints.map((endpoint): SqlEndpoint => sqlEndpointSchema.parse(endpoint)),
  };
}

export const noSignal = (): AbortSignal => new AbortController().signal;
