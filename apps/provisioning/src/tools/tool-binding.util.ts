import {
  toolParametersSchema,
  type FieldIssue,
  type IntegrationView,
  type RpcRequestOf,
  type TenantToolSettings,
  type ToolCatalogPutRpc,
  type ToolView,
} from '@parley/contracts';
import { ProvisioningError } from '../common/provisioning.error';
import type { ToolWrite } from './tool-catalog.repository';

const CUSTOM_TOOL_KINDS = new Set(['rest', 'postgres', 'mysql']);

/**
 * What an owner's catalogue write becomes. A built-in tool keeps its parameters, category and
 * serving kinds (Parley's, from libs/contracts); a custom tool needs parameters and may be served
 * only by REST or SQL endpoints.
 */
export function catalogWriteOf(req: RpcRequestOf<typeof ToolCatalogPutRpc>, existing: ToolView | null, builtinKey: boolean): ToolWrite {
  if (builtinKey || existing?.kind === 'builtin') {
    if (!existing) throw new ProvisioningError('INTERNAL', `built-in tool ${req.key} is missing from the catalogue`);
    const changesShape = req.parameters !== undefined || req.category !== undefined || req.integrationKinds !== undefined;
    if (changesShape) {
      const message = 'a built-in tool keeps its parameters, category and integration kinds; only name, description and enabled change';
      throw new ProvisioningError('VALIDATION', message, { issues: [{ path: 'parameters', code: 'builtin', message }] });
    }
    return {
      ...existing,
      name: req.name,
      description: req.description,
      enabled: req.enabled,
      integrationKinds: [...existing.integrationKinds],
    };
  }
  const parameters = req.parameters ?? (existing ? toolParametersSchema.parse(existing.parameters) : undefined);
  if (!parameters) {
    const message = 'a custom tool needs its parameters (a JSON Schema object)';
    throw new ProvisioningError('VALIDATION', message, { issues: [{ path: 'parameters', code: 'required', message }] });
  }
  const kinds = req.integrationKinds ?? existing?.integrationKinds ?? ['rest'];
  const wrongKind = kinds.findIndex((k) => !CUSTOM_TOOL_KINDS.has(k));
  if (wrongKind >= 0) {
    const message = 'a custom tool is served by a REST or SQL endpoint (rest, postgres, mysql)';
    throw new ProvisioningError('VALIDATION', message, { issues: [{ path: `integrationKinds.${wrongKind}`, code: 'kind', message }] });
  }
  return {
    key: req.key,
    name: req.name,
    description: req.description,
    category: req.category ?? existing?.category ?? 'custom',
    integrationKinds: [...new Set(kinds)],
    parameters,
    enabled: req.enabled,
  };
}

/**
 * Why a tenant's binding of a tool cannot work, or null: the integration must be of a kind that
 * serves the tool and active; a REST/SQL integration must have the endpoint (settings.endpoint,
 * else one whose `serves` is the tool; custom tools always name theirs); store_hours may be
 * served by its own opening hours instead.
 */
export function bindingProblem(tool: ToolView, integration: IntegrationView | null, settings: TenantToolSettings): FieldIssue | null {
  const timesGiven = settings.hours !== undefined || settings.timezone !== undefined || settings.closedDates !== undefined;
  if (timesGiven && tool.key !== 'store_hours') {
    return { path: 'settings.hours', code: 'not_applicable', message: 'opening hours are settings of store_hours only' };
  }
  if (settings.hours?.length && !settings.timezone) {
    return { path: 'settings.timezone', code: 'required', message: 'opening hours need their time zone (e.g. Europe/London)' };
  }
  if (settings.timezone && !isTimeZone(settings.timezone)) {
    return { path: 'settings.timezone', code: 'invalid', message: 'not an IANA time zone (e.g. Europe/London)' };
  }
  if (!integration) {
    if (settings.endpoint) return { path: 'settings.endpoint', code: 'not_applicable', message: 'an endpoint needs an integration' };
    return null;
  }
  if (!tool.integrationKinds.includes(integration.kind)) {
    return {
      path: 'integrationId',
      code: 'kind',
      message: `a ${integration.kind} integration cannot serve ${tool.key} (it can be served by: ${tool.integrationKinds.join(', ')})`,
    };
  }
  if (integration.kind === 'shopify' || integration.kind === 'woocommerce') {
    if (settings.endpoint)
      return { path: 'settings.endpoint', code: 'not_applicable', message: `${integration.kind} has no endpoints to pick` };
    return null;
  }
  const names = integration.endpoints.map((e) => e.name);
  if (settings.endpoint) {
    return names.includes(settings.endpoint)
      ? null
      : { path: 'settings.endpoint', code: 'not_found', message: `the integration has no endpoint "${settings.endpoint}"` };
  }
  if (tool.key === 'call_endpoint') return null;
  if (tool.kind === 'custom' || !integration.endpoints.some((e) => e.serves === tool.key)) {
    return {
      path: 'settings.endpoint',
      code: 'required',
      message: `name the endpoint that serves ${tool.key}, or mark one of the integration's endpoints with serves: ${tool.key}`,
    };
  }
  return null;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
