import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  StaffUserCreateRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantReactivateRpc,
  TenantRotateKeyRpc,
  TenantUpdateRpc,
  type Actor,
  type OwnerAssistantOperation,
} from '@parley/contracts';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { quoted } from './portfolio-summary.util';

/** What a performed change returns: the text for the owner and the data for the `operation` frame (a new key: shown once, never stored). */
export interface PerformedChange {
  text: string;
  result: Record<string, unknown>;
  /** Secrets in `text` and `result` that must not be kept in the conversation. */
  secrets: string[];
}

/** Key rotation through the assistant keeps the old keys working a day, so a client's site does not break mid-sentence. */
export const ASSISTANT_ROTATION_GRACE_SECONDS = 24 * 3600;

/**
 * Performs a confirmed change through the same RPCs, validation and audit as the admin REST
 * routes (AdminTenantsController), with the owner as actor; drops this replica's cached tenant
 * settings as they do. A validation or conflict failure surfaces as the RPC's problem.
 */
@Injectable()
export class OwnerOperationsExecutor {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(TenantSettingsCache) private readonly settings: TenantSettingsCache,
  ) {}

  async perform(ownerId: string, op: OwnerAssistantOperation): Promise<PerformedChange> {
    const actor: Actor = { type: 'owner', id: ownerId };
    const tenantId = op.tenantId as string;
    const a = op.args;
    switch (op.kind) {
      case 'create_tenant': {
        const created = await this.rpc.call(TenantCreateRpc, {
          version: 1,
          actor,
          displayName: a.displayName as string,
          slug: a.slug as string,
          kind: a.kind as string,
          timezone: a.timezone as string,
          domain: (a.domain as string | null) ?? null,
        });
        return {
          text:
            `Created ${quoted(created.tenant.displayName)} (slug ${created.tenant.slug}, id ${created.tenant.id}). ` +
            `Its API key, shown this once only: ${created.apiKey.key}`,
          result: {
            tenant_id: created.tenant.id,
            slug: created.tenant.slug,
            api_key: created.apiKey.key,
            api_key_prefix: created.apiKey.prefix,
          },
          secrets: [created.apiKey.key],
        };
      }
      case 'set_tone':
      case 'set_persona':
      case 'set_topics':
      case 'set_origins': {
        const config =
          op.kind === 'set_tone'
            ? { tone: a.tone as 'formal' }
            : op.kind === 'set_persona'
              ? { persona: a.persona as string }
              : op.kind === 'set_topics'
                ? { allowedTopics: a.topics as string[] }
                : { allowedOrigins: a.origins as string[] };
        const { tenant } = await this.rpc.call(TenantUpdateRpc, { version: 1, actor, tenantId, patch: { config } });
        this.settings.invalidate(tenantId);
        return { text: `Done: ${quoted(tenant.displayName)} updated.`, result: { tenant_id: tenantId, config }, secrets: [] };
      }
      case 'pause': {
        const { tenant } = await this.rpc.call(TenantDeactivateRpc, {
          version: 1,
          actor,
          tenantId,
          reason: 'Paused by the owner through the assistant',
        });
        this.settings.invalidate(tenantId);
        return { text: `Paused ${quoted(tenant.displayName)}.`, result: { tenant_id: tenantId, status: tenant.status }, secrets: [] };
      }
      case 'resume': {
        const { tenant } = await this.rpc.call(TenantReactivateRpc, { version: 1, actor, tenantId });
        this.settings.invalidate(tenantId);
        return { text: `Resumed ${quoted(tenant.displayName)}.`, result: { tenant_id: tenantId, status: tenant.status }, secrets: [] };
      }
      case 'rotate_key': {
        const rotated = await this.rpc.call(TenantRotateKeyRpc, {
          version: 1,
          actor,
          tenantId,
          graceSeconds: ASSISTANT_ROTATION_GRACE_SECONDS,
        });
        const { tenant } = await this.rpc.call(TenantGetRpc, { version: 1, tenantId });
        return {
          text:
            `New API key for ${quoted(tenant.displayName)}, shown this once only: ${rotated.apiKey.key}\n` +
            `The old keys (${rotated.retiredKeyIds.length}) keep working until ${rotated.retiresAt}.`,
          result: {
            tenant_id: tenantId,
            api_key: rotated.apiKey.key,
            api_key_prefix: rotated.apiKey.prefix,
            retired_key_ids: rotated.retiredKeyIds,
            retires_at: rotated.retiresAt,
          },
          secrets: [rotated.apiKey.key],
        };
      }
      case 'add_staff': {
        const password = randomBytes(12).toString('base64url');
        const { user } = await this.rpc.call(StaffUserCreateRpc, {
          version: 1,
          actor,
          tenantId,
          email: a.email as string,
          role: a.role as 'tenant_agent',
          password,
        });
        return {
          text: `Added ${user.email} as ${user.role}. Their first password, shown this once only: ${password}`,
          result: { tenant_id: tenantId, user_id: user.id, email: user.email, role: user.role, password },
          secrets: [password],
        };
      }
      default:
        throw new Error(`not a change: ${op.kind}`);
    }
  }
}
