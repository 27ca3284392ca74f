import { Inject, Injectable } from '@nestjs/common';
import { generateSiteKey } from '@parley/auth';
import {
  resolveWidgetTheme,
  type RpcRequestOf,
  type RpcResponseOf,
  type SiteKeyCreateRpc,
  type SiteKeyListRpc,
  type SiteKeyLookupRpc,
  type SiteKeyRevokeRpc,
  type WidgetDemoPageRpc,
  type WidgetThemeSetRpc,
} from '@parley/contracts';
import { type PrismaClient, PrismaService, TenantDb, writeAudit } from '@parley/persistence';
import { ProvisioningError } from '../common/provisioning.error';
import {
  findDemoPageTenant,
  findSiteKey,
  findWidgetTenant,
  insertSiteKey,
  listSiteKeys,
  mergeWidgetTheme,
  newestActiveSiteKey,
  revokeOtherSiteKeys,
  revokeSiteKey,
  type WidgetTenant,
} from './site-key.repository';

/**
 * Publishable site keys and the widget's public settings (docs/adr/0013-widget-and-site-keys.md):
 * issue (or rotate), revoke, list, the gateway's lookup by key, the theme, and a demo page's view.
 */
@Injectable()
export class SiteKeysService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
  ) {}

  async list(req: RpcRequestOf<typeof SiteKeyListRpc>): Promise<RpcResponseOf<typeof SiteKeyListRpc>> {
    const tenant = await this.tenant(req.tenantId);
    const items = await this.tenantDb.run(req.tenantId, (tx) => listSiteKeys(tx, req.tenantId));
    return { version: 1, items, allowedOrigins: tenant.allowedOrigins, theme: resolveWidgetTheme(tenant.widgetTheme, tenant.displayName) };
  }

  async create(req: RpcRequestOf<typeof SiteKeyCreateRpc>): Promise<RpcResponseOf<typeof SiteKeyCreateRpc>> {
    const tenant = await this.tenant(req.tenantId);
    if (tenant.status !== 'active') throw new ProvisioningError('PRECONDITION_FAILED', 'the tenant is deactivated');
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const now = new Date();
      const siteKey = await insertSiteKey(tx, req.tenantId, generateSiteKey());
      const revokedKeyIds = req.revokeOthers ? await revokeOtherSiteKeys(tx, req.tenantId, siteKey.id, now) : [];
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: req.revokeOthers ? 'site_key.rotated' : 'site_key.created',
        targetType: 'site_key',
        targetId: siteKey.id,
        data: { revokedKeyIds },
      });
      return { version: 1 as const, siteKey, revokedKeyIds };
    });
  }

  async revoke(req: RpcRequestOf<typeof SiteKeyRevokeRpc>): Promise<RpcResponseOf<typeof SiteKeyRevokeRpc>> {
    await this.tenant(req.tenantId);
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const siteKey = await revokeSiteKey(tx, req.tenantId, req.siteKeyId, new Date());
      if (!siteKey) throw ProvisioningError.notFound('site key');
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'site_key.revoked',
        targetType: 'site_key',
        targetId: siteKey.id,
      });
      return { version: 1 as const, siteKey };
    });
  }

  /** The key whatever its state: the gateway decides (revoked, deactivated tenant, origin). */
  async lookup(req: RpcRequestOf<typeof SiteKeyLookupRpc>): Promise<RpcResponseOf<typeof SiteKeyLookupRpc>> {
    const found = await findSiteKey(this.prisma, req.key);
    if (!found) throw ProvisioningError.notFound('site key');
    return {
      version: 1,
      siteKey: { id: found.id, tenantId: found.tenantId, status: found.status === 'revoked' ? 'revoked' : 'active' },
      tenantStatus: found.tenantStatus === 'deactivated' ? 'deactivated' : 'active',
      tenantSlug: found.tenantSlug,
      allowedOrigins: found.allowedOrigins,
      theme: resolveWidgetTheme(found.widgetTheme, found.displayName),
    };
  }

  async setTheme(req: RpcRequestOf<typeof WidgetThemeSetRpc>): Promise<RpcResponseOf<typeof WidgetThemeSetRpc>> {
    const tenant = await this.tenant(req.tenantId);
    const merged = await mergeWidgetTheme(this.prisma, req.tenantId, tenant.widgetTheme, req.theme);
    await this.tenantDb.run(req.tenantId, (tx) =>
      writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'widget.theme_updated',
        targetType: 'tenant',
        targetId: req.tenantId,
        data: { fields: Object.keys(req.theme) },
      }),
    );
    return { version: 1, theme: resolveWidgetTheme(merged, tenant.displayName) };
  }

  async demoPage(req: RpcRequestOf<typeof WidgetDemoPageRpc>): Promise<RpcResponseOf<typeof WidgetDemoPageRpc>> {
    const tenant = await findDemoPageTenant(this.prisma, req.slug);
    if (!tenant || tenant.status !== 'active') throw ProvisioningError.notFound('demo page');
    const siteKey = await this.tenantDb.run(tenant.id, (tx) => newestActiveSiteKey(tx, tenant.id));
    if (!siteKey) throw ProvisioningError.notFound('demo page');
    return {
      version: 1,
      slug: req.slug,
      displayName: tenant.displayName,
      siteKey,
      theme: resolveWidgetTheme(tenant.widgetTheme, tenant.displayName),
    };
  }

  private async tenant(tenantId: string): Promise<WidgetTenant> {
    const tenant = await findWidgetTenant(this.prisma, tenantId);
    if (!tenant) throw ProvisioningError.notFound('tenant');
    return tenant;
  }
}
