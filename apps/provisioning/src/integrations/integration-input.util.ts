import {
  integrationInputSchema,
  type FieldIssue,
  type IntegrationAuth,
  type IntegrationInput,
  type IntegrationView,
  type RpcRequestOf,
  type IntegrationUpdateRpc,
} from '@parley/contracts';
import { checkTargetUrl } from '@parley/integrations';
import type { z } from 'zod';
import { ProvisioningError } from '../common/provisioning.error';

function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/** Validates a whole integration (as created, or as an update leaves it); VALIDATION lists the fields. */
export function parseIntegration(candidate: unknown, prefix: string): IntegrationInput {
  const parsed = integrationInputSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new ProvisioningError('VALIDATION', 'the integration is not valid', { issues: issuesOf(parsed.error, prefix) });
  }
  return parsed.data;
}

/**
 * The integration as an update leaves it: the stored one with the patch's fields over it. The
 * kind never changes; an absent `auth` keeps the stored auth (secrets included).
 */
export function mergeIntegration(
  stored: IntegrationView,
  storedAuth: IntegrationAuth,
  patch: RpcRequestOf<typeof IntegrationUpdateRpc>['patch'],
): Record<string, unknown> {
  return {
    kind: stored.kind,
    name: patch.name ?? stored.name,
    baseUrl: patch.baseUrl ?? stored.baseUrl,
    config: patch.config ?? stored.config,
    auth: patch.auth ?? storedAuth,
    ...(stored.kind === 'shopify' || stored.kind === 'woocommerce' ? {} : { endpoints: patch.endpoints ?? stored.endpoints }),
  };
}

/**
 * Refuses a target the platform may never call (private, loopback, link-local addresses, local
 * names) when it is saved, so the admin hears it at once; the transport checks again, after DNS,
 * at every call. SQL URLs are checked by their host.
 */
export function assertAllowedTarget(input: IntegrationInput, allowPrivate: boolean, production: boolean): void {
  const urls: { path: string; url: string }[] = [];
  if (input.kind === 'postgres' || input.kind === 'mysql') {
    const host = input.baseUrl.replace(/^[a-z]+:\/\//, '').split(/[/?]/)[0];
    urls.push({ path: 'baseUrl', url: `http://${host}/` });
  } else urls.push({ path: 'baseUrl', url: input.baseUrl });
  if (input.auth.type === 'oauth2_client_credentials') urls.push({ path: 'auth.tokenUrl', url: input.auth.tokenUrl });
  for (const { path, url } of urls) {
    const check = checkTargetUrl(url, { allowPrivate, production });
    if (!check.ok) {
      const message = `the address ${check.reason}`;
      throw new ProvisioningError('VALIDATION', message, { issues: [{ path, code: 'refused_target', message }] });
    }
  }
}

/** Endpoint rows of an integration (REST and SQL endpoints; Shopify and WooCommerce have none). */
export function endpointRows(input: IntegrationInput) {
  if (input.kind === 'rest') {
    return input.endpoints.map((e) => ({ name: e.name, method: e.method, path: e.path, timeoutMs: e.timeoutMs, definition: e }));
  }
  if (input.kind === 'postgres' || input.kind === 'mysql') {
    return input.endpoints.map((e) => ({ name: e.name, method: 'SQL', path: '', timeoutMs: e.timeoutMs, definition: e }));
  }
  return [];
}

/** Names must be unique within one integration. */
export function assertUniqueEndpointNames(input: IntegrationInput): void {
  if (input.kind !== 'rest' && input.kind !== 'postgres' && input.kind !== 'mysql') return;
  const seen = new Set<string>();
  input.endpoints.forEach((e, i) => {
    if (seen.has(e.name)) {
      throw new ProvisioningError('VALIDATION', `two endpoints are named "${e.name}"`, {
        issues: [{ path: `endpoints.${i}.name`, code: 'duplicate', message: 'endpoint names must be unique' }],
      });
    }
    seen.add(e.name);
  });
}
