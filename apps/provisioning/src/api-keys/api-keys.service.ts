import { Inject, Injectable } from '@nestjs/common';
import {
  TenantKeyRotatedEvent,
  type ApiKeyLookupRpc,
  type RpcRequestOf,
  type RpcResponseOf,
  type TenantKeyListRpc,
  type TenantRotateKeyRpc,
} from '@parley/contracts';
import { findApiKeyByPrefix, type PrismaClient, PrismaService, TenantDb, writeAudit } from '@parley/persistence';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import { enqueueEvent } from '../tenants/tenants.service';
import { findTenantStatus, tenantExists } from '../tenants/tenant.repository';
import {
  activeApiKeyIds,
  expireApiKeysAt,
  insertApiKey,
  listApiKeys,
  prepareApiKey,
  revokeApiKeys,
  touchApiKeyLastUsed,
} from './api-key.repository';

/** last_used_at is written at most once a minute per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const TOUCH_MEMO_MAX = 10_000;

/** API keys: rotation with an optional grace period, listing, and the gateway's lookup by prefix. */
@Injectable()
export class ApiKeysService {
  /** key id -> when this process last wrote its last_used_at (skips the UPDATE within a minute). */
  private readonly touched = new Map<string, number>();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(PROVISIONING_OPTIONS) private readonly options: ProvisioningOptions,
  ) {}

  async rotate(req: RpcRequestOf<typeof TenantRotateKeyRpc>): Promise<RpcResponseOf<typeof TenantRotateKeyRpc>> {
    const status = await findTenantStatus(this.prisma, req.tenantId);
    if (status === null) throw ProvisioningError.notFound('tenant');
    if (status !== 'active') throw new ProvisioningError('PRECONDITION_FAILED', 'the tenant is deactivated');
    const prepared = await prepareApiKey(this.options.bcryptCost);
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const now = new Date();
      const activeIds = new Set(await activeApiKeyIds(tx, req.tenantId, now));
      const retired = req.revokeKeyIds ?? [...activeIds];
      const unknown = retired.filter((id) => !activeIds.has(id));
      if (unknown.length > 0) {
        throw new ProvisioningError('NOT_FOUND', 'no active key of this tenant has this id', {
          issues: unknown.map((id) => ({ path: `revokeKeyIds.${retired.indexOf(id)}`, code: 'not_found', message: `no active key ${id}` })),
        });
      }
      const retiresAt = new Date(now.getTime() + req.graceSeconds * 1000);
      const apiKey = await insertApiKey(tx, req.tenantId, prepared);
      if (retired.length > 0) {
        if (req.graceSeconds === 0) await revokeApiKeys(tx, retired, now);
        else await expireApiKeysAt(tx, retired, retiresAt);
      }
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'api_key.rotated',
        targetType: 'api_key',
        targetId: apiKey.id,
        data: { newKeyPrefix: apiKey.prefix, retiredKeyIds: retired, graceSeconds: req.graceSeconds, retiresAt: retiresAt.toISOString() },
      });
      await enqueueEvent(tx, TenantKeyRotatedEvent, req.tenantId, {
        version: 1,
        tenantId: req.tenantId,
        newKeyId: apiKey.id,
        newKeyPrefix: apiKey.prefix,
        revokedKeyIds: retired,
        occurredAt: now.toISOString(),
      });
      return { version: 1 as const, apiKey, retiredKeyIds: retired, retiresAt: retiresAt.toISOString() };
    });
  }

  async list(req: RpcRequestOf<typeof TenantKeyListRpc>): Promise<RpcResponseOf<typeof TenantKeyListRpc>> {
    if (!(await tenantExists(this.prisma, req.tenantId))) throw ProvisioningError.notFound('tenant');
    const items = await this.tenantDb.run(req.tenantId, (tx) => listApiKeys(tx, req.tenantId));
    return { version: 1, items };
  }

  /** The key with this prefix, whatever its state: the gateway decides (expired, revoked, deactivated tenant). */
  async lookup(req: RpcRequestOf<typeof ApiKeyLookupRpc>): Promise<RpcResponseOf<typeof ApiKeyLookupRpc>> {
    const key = await findApiKeyByPrefix(this.prisma, req.prefix);
    if (!key) throw ProvisioningError.notFound('API key');
    if (key.status === 'active') await this.touch(key.id, key.tenantId);
    return {
      version: 1,
      apiKey: {
        id: key.id,
        tenantId: key.tenantId,
        prefix: req.prefix,
        hash: key.keyHash,
        status: key.status === 'revoked' ? 'revoked' : 'active',
        expiresAt: key.expiresAt?.toISOString() ?? null,
      },
      tenantStatus: key.tenantStatus === 'deactivated' ? 'deactivated' : 'active',
    };
  }

  private async touch(keyId: string, tenantId: string): Promise<void> {
    const now = Date.now();
    const last = this.touched.get(keyId);
    if (last !== undefined && now - last < LAST_USED_RESOLUTION_MS) return;
    this.touched.delete(keyId);
    this.touched.set(keyId, now);
    if (this.touched.size > TOUCH_MEMO_MAX) this.touched.delete(this.touched.keys().next().value as string);
    // The SQL condition holds the once-a-minute rule across replicas too.
    await this.tenantDb.run(tenantId, (tx) => touchApiKeyLastUsed(tx, keyId));
  }
}
