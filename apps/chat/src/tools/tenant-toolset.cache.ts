import { Inject, Injectable } from '@nestjs/common';
import { tenantToolSettingsSchema, toolArgsSchemas, builtinToolKeySchema } from '@parley/contracts';
import { IntegrationCredentials } from '@parley/auth';
import { toIntegrationDefinition } from '@parley/integrations';
import { TenantDb } from '@parley/persistence';
import { TenantKeyedCache } from '@parley/messaging';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';
import { CHAT_OPTIONS, type ChatOptions } from '../common/chat.options';
import { EMPTY_TOOLSET, type BoundTool, type TenantToolset } from './tenant-toolset.types';
import { loadToolBindings, type ToolBindingRow } from './tenant-tools.repository';
import { customToolArgsSchema } from './tool-parameters.zod';

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The tenant's usable tools, with their integrations' credentials opened, kept like the tenant
 * runtime (CHAT_TENANT_CACHE_TTL_MS, dropped at once by evt.tenant.updated: provisioning sends
 * one for every change of tools and integrations). A tool whose integration is disabled, whose
 * credentials do not open, or that nothing serves is left out (and logged), never offered to
 * the model.
 */
@Injectable()
export class TenantToolsetCache extends TenantKeyedCache<TenantToolset> {
  constructor(@Inject(TenantDb) db: TenantDb, @Inject(CHAT_OPTIONS) options: ChatOptions, @Inject(CHAT_LOGGER) logger: ChatLogger) {
    const ring = options.integrations;
    const credentials =
      ring?.secretKeys && ring.activeKid ? new IntegrationCredentials({ secretKeys: ring.secretKeys, activeKid: ring.activeKid }) : null;
    super(async (tenantId) => {
      const rows = await db.run(tenantId, (tx) => loadToolBindings(tx, tenantId));
      if (rows.length === 0) return EMPTY_TOOLSET;
      const tools: BoundTool[] = [];
      for (const row of rows) {
        try {
          const tool = bind(row, credentials);
          if (tool) tools.push(tool);
        } catch (err) {
          logger.warn({ err, tenant_id: tenantId, tool: row.tool.key }, 'tool left out of turns: its integration could not be opened');
        }
      }
      return { tools };
    }, options.chat.tenantCacheTtlMs);
  }
}

function bind(row: ToolBindingRow, credentials: IntegrationCredentials | null): BoundTool | null {
  const settingsParsed = tenantToolSettingsSchema.safeParse(asObject(row.settings));
  const settings = settingsParsed.success ? settingsParsed.data : {};
  const builtin = builtinToolKeySchema.safeParse(row.tool.key);
  const kind = row.tool.kind === 'builtin' && builtin.success ? 'builtin' : 'custom';
  const args = builtin.success && kind === 'builtin' ? toolArgsSchemas[builtin.data] : customToolArgsSchema(row.tool.inputSchema);
  if (!args) return null;
  const spec = { name: row.tool.key, description: row.tool.description, parameters: asObject(row.tool.inputSchema) };
  const integrationRow = row.integration;
  if (!integrationRow || integrationRow.status !== 'active') {
    const ownHours = row.tool.key === 'store_hours' && (settings.hours?.length ?? 0) > 0 && !integrationRow;
    return ownHours ? { tenantToolId: row.id, key: row.tool.key, kind, spec, args, settings, integration: null } : null;
  }
  if (kind === 'custom' && !settings.endpoint) return null;
  if (integrationRow.credentialsCiphertext && !credentials) throw new Error('INTEGRATION_SECRET_KEYS is not configured');
  const auth = credentials
    ? credentials.open({ ciphertext: integrationRow.credentialsCiphertext, keyId: integrationRow.credentialsKeyId }, integrationRow.id)
    : ({ type: 'none' } as const);
  const integration = toIntegrationDefinition({
    id: integrationRow.id,
    tenantId: integrationRow.tenantId,
    kind: integrationRow.kind,
    name: integrationRow.name,
    baseUrl: integrationRow.baseUrl,
    options: asObject(asObject(integrationRow.config).options),
    auth,
    endpointDefinitions: integrationRow.endpoints.map((e) => e.definition),
  });
  return { tenantToolId: row.id, key: row.tool.key, kind, spec, args, settings, integration };
}
