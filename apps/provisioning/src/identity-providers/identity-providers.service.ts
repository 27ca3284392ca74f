import { Inject, Injectable } from '@nestjs/common';
import {
  identityProviderInputSchema,
  TenantUpdatedEvent,
  TENANT_UPDATED_FIELDS,
  type Actor,
  type FieldIssue,
  type IdentityProviderCreateRpc,
  type IdentityProviderDeleteRpc,
  type IdentityProviderGetRpc,
  type IdentityProviderInput,
  type IdentityProviderListRpc,
  type IdentityProviderResolveRpc,
  type IdentityProviderUpdateRpc,
  type RpcRequestOf,
  type RpcResponseOf,
} from '@parley/contracts';
import { checkTargetUrl } from '@parley/integrations';
import {
  enqueueOutbox,
  isUniqueViolation,
  PrismaService,
  TenantDb,
  writeAudit,
  type PrismaClient,
  type TenantTx,
} from '@parley/persistence';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import {
  deleteIdentityProvider,
  findIdentityProvider,
  findIdentityProviderByIssuer,
  insertIdentityProvider,
  listIdentityProviders,
  saveIdentityProvider,
  toIdentityProviderView,
  type IdentityProviderRow,
} from './identity-provider.repository';

const issuerTaken = (path: string) => ProvisioningError.conflict('this issuer is already registered', path);

/**
 * A tenant's external identity providers (issue 18, ADR 0024). The JWKS URL is checked against
 * the same target policy as integrations (no private or loopback addresses unless
 * INTEGRATION_ALLOW_PRIVATE_TARGETS; https in production), because the gateway fetches it. Every
 * change commits with its audit row and evt.tenant.updated (changedFields ['identity_providers'])
 * so gateways drop their cached issuer lookups.
 */
@Injectable()
export class IdentityProvidersService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(PROVISIONING_OPTIONS) private readonly options: ProvisioningOptions,
  ) {}

  async list(req: RpcRequestOf<typeof IdentityProviderListRpc>): Promise<RpcResponseOf<typeof IdentityProviderListRpc>> {
    const rows = await this.tenantDb.run(req.tenantId, (tx) => listIdentityProviders(tx, req.tenantId));
    return { version: 1, items: rows.map(toIdentityProviderView) };
  }

  async get(req: RpcRequestOf<typeof IdentityProviderGetRpc>): Promise<RpcResponseOf<typeof IdentityProviderGetRpc>> {
    const row = await this.tenantDb.run(req.tenantId, (tx) => findIdentityProvider(tx, req.tenantId, req.providerId));
    if (!row) throw ProvisioningError.notFound('identity provider');
    return { version: 1, provider: toIdentityProviderView(row) };
  }

  async create(req: RpcRequestOf<typeof IdentityProviderCreateRpc>): Promise<RpcResponseOf<typeof IdentityProviderCreateRpc>> {
    this.assertAllowedJwksUrl(req.provider.jwksUrl, 'jwksUrl');
    return issuerRace('issuer', () =>
      this.tenantDb.run(req.tenantId, async (tx) => {
        const row = await insertIdentityProvider(tx, req.tenantId, req.provider);
        await this.record(tx, req.tenantId, req.actor, 'identity_provider.created', row);
        return { version: 1 as const, provider: toIdentityProviderView(row) };
      }),
    );
  }

  async update(req: RpcRequestOf<typeof IdentityProviderUpdateRpc>): Promise<RpcResponseOf<typeof IdentityProviderUpdateRpc>> {
    if (req.patch.jwksUrl !== undefined) this.assertAllowedJwksUrl(req.patch.jwksUrl, 'patch.jwksUrl');
    return issuerRace('patch.issuer', () =>
      this.tenantDb.run(req.tenantId, async (tx) => {
        const stored = await findIdentityProvider(tx, req.tenantId, req.providerId);
        if (!stored) throw ProvisioningError.notFound('identity provider');
        const view = toIdentityProviderView(stored);
        const merged = parseProvider({
          name: view.name,
          issuer: view.issuer,
          audience: view.audience,
          jwksUrl: view.jwksUrl,
          claims: view.claims,
          roleMapping: view.roleMapping,
          status: view.status,
          ...req.patch,
        });
        const row = await saveIdentityProvider(tx, stored.id, merged);
        await this.record(tx, req.tenantId, req.actor, 'identity_provider.updated', row, Object.keys(req.patch));
        return { version: 1 as const, provider: toIdentityProviderView(row) };
      }),
    );
  }

  async delete(req: RpcRequestOf<typeof IdentityProviderDeleteRpc>): Promise<RpcResponseOf<typeof IdentityProviderDeleteRpc>> {
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const stored = await findIdentityProvider(tx, req.tenantId, req.providerId);
      if (!stored || !(await deleteIdentityProvider(tx, req.tenantId, stored.id))) throw ProvisioningError.notFound('identity provider');
      await this.record(tx, req.tenantId, req.actor, 'identity_provider.deleted', stored);
      return { version: 1 as const, providerId: stored.id };
    });
  }

  /** The gateway's issuer lookup (no tenant known yet). */
  async resolve(req: RpcRequestOf<typeof IdentityProviderResolveRpc>): Promise<RpcResponseOf<typeof IdentityProviderResolveRpc>> {
    const found = await findIdentityProviderByIssuer(this.prisma, req.issuer);
    if (!found) throw ProvisioningError.notFound('identity provider');
    return {
      version: 1,
      provider: toIdentityProviderView(found.row),
      tenantStatus: found.tenantStatus === 'active' ? 'active' : 'deactivated',
    };
  }

  private assertAllowedJwksUrl(url: string, path: string): void {
    const policy = this.options.integrations;
    const check = checkTargetUrl(url, { allowPrivate: policy?.allowPrivateTargets ?? false, production: policy?.production ?? false });
    if (!check.ok) {
      const message = `the address ${check.reason}`;
      throw new ProvisioningError('VALIDATION', message, { issues: [{ path, code: 'refused_target', message }] });
    }
  }

  private async record(tx: TenantTx, tenantId: string, actor: Actor, action: string, row: IdentityProviderRow, changed?: string[]) {
    await writeAudit(tx, {
      tenantId,
      actor,
      action,
      targetType: 'identity_provider',
      targetId: row.id,
      data: { name: row.name, issuer: row.issuer, audience: row.audience, ...(changed ? { changedFields: changed } : {}) },
    });
    await enqueueOutbox(tx, {
      subject: TenantUpdatedEvent.subjectFor(tenantId),
      payload: TenantUpdatedEvent.schema.parse({
        version: 1,
        tenantId,
        changedFields: [TENANT_UPDATED_FIELDS.identityProviders],
        occurredAt: new Date().toISOString(),
      }),
    });
  }
}

function parseProvider(candidate: unknown): IdentityProviderInput {
  const parsed = identityProviderInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
      path: ['patch', ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
    }));
    throw new ProvisioningError('VALIDATION', 'the identity provider is not valid', { issues });
  }
  return parsed.data;
}

/** An issuer taken by any tenant (or by a concurrent write): CONFLICT. */
async function issuerRace<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw issuerTaken(path);
    throw error;
  }
}
