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
import { API_KEY_SUMMARY_SELECT, insertApiKey, prepareApiKey, toApiKeySummary } from './api-key.repository';

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
    const tenant = await this.prisma.tenant.findUnique({ where: { id: req.tenantId }, select: { status: true } });
    if (!tenant) throw ProvisioningError.notFound('tenant');
    if (tenant.status !== 'active') throw new ProvisioningError('PRECONDITION_FAILED', 'the tenant is deactivated');
    const prepared = await prepareApiKey(this.options.bcryptCost);
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const now = new Date();
      const active = await tx.apiKey.findMany({ where: { tenantId: req.tenantId, status: 'active', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { id: true } });
      const activeIds = new Set(active.map((k) => k.id));
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
        await tx.apiKey.updateMany({
          where: { id: { in: retired } },
          data: req.graceSeconds === 0 ? { status: 'revoked', revokedAt: now, expiresAt: now } : { expiresAt: retiresAt },
        });
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
    if (!(await this.prisma.tenant.findUnique({ where: { id: req.tenantId }, select: { id: true } }))) throw ProvisioningError.notFound('tenant');
    const rows = await this.tenantDb.run(req.tenantId, (tx) =>
      tx.apiKey.findMany({ where: { tenantId: req.tenantId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: API_KEY_SUMMARY_SELECT }),
    );
    return { version: 1, items: rows.map(toApiKeySummary) };
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
    await this.tenantDb.run(tenantId, (tx) =>
      tx.$executeRaw`UPDATE api_keys SET last_used_at = now()
                      WHERE id = ${keyId}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    );
  }
}
