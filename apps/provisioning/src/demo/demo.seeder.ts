import { randomBytes } from 'node:crypto';
import { hashSecret } from '@parley/auth';
import { PLAN_FEATURES, type Actor, type LlmChoice, type PlanInput, type TenantConfigPatch } from '@parley/contracts';
import type { IntegrationEnvConfig } from '@parley/integrations';
import type { PrismaClient, TenantDb } from '@parley/persistence';
import { ApiKeysService } from '../api-keys/api-keys.service';
import type { KnowledgeEmbedder, ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import { IntegrationsService } from '../integrations/integrations.service';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { PlansService } from '../plans/plans.service';
import { SiteKeysService } from '../site-keys/site-keys.service';
import { findTenantBySlug } from '../tenants/tenant.repository';
import { TenantsService } from '../tenants/tenants.service';
import { ToolsService } from '../tools/tools.service';
import { bootstrapOwner } from '../users/owner-bootstrap.use-case';
import { resetStaffPassword } from '../users/staff-user.repository';
import { UsersService } from '../users/users.service';
import type { DemoFixture } from './demo-fixture.loader';

/** Who the demo seed acts as in audit_log. */
export const DEMO_ACTOR: Actor = { type: 'system', id: null };

export interface SeededTenant {
  id: string;
  slug: string;
  name: string;
  apiKey: string;
  /** The widget's publishable key (public; kept across runs, created on the first). */
  siteKey: string;
  /** Each staff login with its own password (generated per login and per run unless fixed). */
  staff: Array<{ email: string; role: string; password: string }>;
  /** An online shop's connected Shopify and the tools enabled on it. */
  shop: { url: string; tools: string[] } | null;
  documents: number;
  chunks: number;
  created: boolean;
}

export interface DemoSeedResult {
  owner: { email: string; password: string };
  tenants: SeededTenant[];
}

export interface DemoSeedInput {
  fixture: DemoFixture;
  ownerEmail: string;
  ownerPassword?: string;
  /** One password for every staff login (scripted runs); unset, each login gets its own random one. */
  staffPassword?: string;
  /** bcrypt cost; tests lower it. */
  bcryptCost?: number;
  /** Embeds the knowledge chunks when an embedding provider is configured. */
  embedder?: KnowledgeEmbedder;
  /** The gateway's own origins, allowed for every demo tenant so its /demo/<slug> page can chat. */
  gatewayOrigins?: string[];
  /** The local fake Shopify that scripts/demo.sh starts, and the key ring that seals its token: shop tenants connect to it. */
  shop?: { url: string; accessToken: string; integrations: IntegrationEnvConfig };
  /** The tenants' model: a provider and model first, the offline responder as the fallback. Unset: the offline responder only. */
  model?: LlmChoice;
}

const randomPassword = (): string => randomBytes(12).toString('base64url');

interface Services {
  tenants: TenantsService;
  keys: ApiKeysService;
  users: UsersService;
  knowledge: KnowledgeService;
  siteKeys: SiteKeysService;
  integrations: IntegrationsService;
  tools: ToolsService;
  plans: PlansService;
}

/**
 * Seeds the demo idempotently through the provisioning services (the same code the RPCs run):
 * the owner, each tenant (created, or its config refreshed), staff logins, knowledge (each file
 * re-uploaded under its `demo:` source, replacing its chunks), and a fresh API key per tenant:
 * keys are only ever shown once, so each run rotates the previous key out and prints a new one.
 */
export async function seedDemo(prisma: PrismaClient, tenantDb: TenantDb, input: DemoSeedInput): Promise<DemoSeedResult> {
  const options: ProvisioningOptions = {
    bcryptCost: input.bcryptCost ?? 12,
    owner: null,
    ...(input.shop ? { integrations: input.shop.integrations } : {}),
  };
  const services: Services = {
    tenants: new TenantsService(prisma, tenantDb, options),
    keys: new ApiKeysService(prisma, tenantDb, options),
    users: new UsersService(prisma, tenantDb, options),
    knowledge: new KnowledgeService(prisma, tenantDb, input.embedder ?? null),
    siteKeys: new SiteKeysService(prisma, tenantDb),
    integrations: new IntegrationsService(tenantDb, options),
    tools: new ToolsService(prisma, tenantDb),
    plans: new PlansService(prisma, tenantDb),
  };
  await services.tools.onApplicationBootstrap();
  const ownerPassword = input.ownerPassword ?? randomPassword();
  const staffPassword = (): string => input.staffPassword ?? randomPassword();
  await bootstrapOwner(prisma, {
    email: input.ownerEmail,
    password: ownerPassword,
    displayName: input.fixture.ownerDisplayName,
    bcryptCost: options.bcryptCost,
  });

  const tenants: SeededTenant[] = [];
  const gatewayOrigins = input.gatewayOrigins ?? [];
  await ensureDemoPlan(services.plans);
  for (const tenant of input.fixture.tenants) {
    const withGateway = { ...tenant, allowedOrigins: [...new Set([...tenant.allowedOrigins, ...gatewayOrigins])] };
    const seeded = await seedTenant(prisma, tenantDb, services, withGateway, staffPassword, options.bcryptCost, input.model);
    await services.plans.assign({ version: 1, actor: DEMO_ACTOR, tenantId: seeded.id, planKey: DEMO_PLAN.key });
    tenants.push({
      ...seeded,
      shop: tenant.shop && input.shop ? await seedShop(services, seeded.id, tenant.shop.tools, input.shop) : null,
    });
  }
  return { owner: { email: input.ownerEmail, password: ownerPassword }, tenants };
}

/**
 * The plan the demo tenants are on (ADR 0025): a soft cap, so the demo is never refused, with an
 * allowance large enough that a demo run stays within it; its invoice preview shows the base fee.
 */
const DEMO_PLAN: PlanInput = {
  key: 'demo',
  name: 'Demo',
  currency: 'EUR',
  monthlyFee: '49.00',
  includedMessages: 10_000,
  includedTokens: 5_000_000,
  capMode: 'soft',
  overagePerMessage: '0.01',
  overagePer1kTokens: '0.002',
  rateLimitPerMinute: null,
  userRateLimitPerMinute: null,
  tenantRateLimitPerMinute: null,
  ipRateLimitPerMinute: null,
  features: [...PLAN_FEATURES],
  allowedProviders: null,
};

/** Creates the demo plan once (a later run keeps the owner's changes to it). */
async function ensureDemoPlan(plans: PlansService): Promise<void> {
  try {
    await plans.create({ version: 1, actor: DEMO_ACTOR, plan: DEMO_PLAN });
  } catch (error) {
    if (!(error instanceof ProvisioningError && error.code === 'CONFLICT')) throw error;
  }
}

async function seedTenant(
  prisma: PrismaClient,
  tenantDb: TenantDb,
  services: Services,
  tenant: DemoFixture['tenants'][number],
  staffPassword: () => string,
  bcryptCost: number,
  model: LlmChoice | undefined,
): Promise<Omit<SeededTenant, 'shop'>> {
  const config: TenantConfigPatch = {
    persona: tenant.persona,
    tone: tenant.tone,
    allowedTopics: tenant.allowedTopics,
    emergencyText: tenant.emergencyText,
    allowedOrigins: tenant.allowedOrigins,
    llm: model ? { primary: model, fallbacks: [OFFLINE] } : { primary: OFFLINE, fallbacks: [] },
  };
  const existing = await findTenantBySlug(prisma, tenant.slug);
  let id: string;
  let apiKey: string;
  if (existing) {
    if (existing.status !== 'active') throw new Error(`demo tenant ${tenant.slug} is deactivated; reactivate it or use a fresh database`);
    id = existing.id;
    await services.tenants.update({
      version: 1,
      actor: DEMO_ACTOR,
      tenantId: id,
      patch: { displayName: tenant.name, kind: tenant.kind, timezone: tenant.timezone, config },
    });
    apiKey = (await services.keys.rotate({ version: 1, actor: DEMO_ACTOR, tenantId: id, graceSeconds: 0 })).apiKey.key;
  } else {
    const created = await services.tenants.create({
      version: 1,
      actor: DEMO_ACTOR,
      displayName: tenant.name,
      slug: tenant.slug,
      kind: tenant.kind,
      timezone: tenant.timezone,
      domain: null,
      config,
    });
    id = created.tenant.id;
    apiKey = created.apiKey.key;
  }

  const staff: SeededTenant['staff'] = [];
  for (const member of tenant.staff) {
    const password = staffPassword();
    staff.push({ email: member.email.toLowerCase(), role: member.role, password });
    try {
      await services.users.createStaff({
        version: 1,
        actor: DEMO_ACTOR,
        tenantId: id,
        email: member.email,
        password,
        displayName: member.displayName,
        role: member.role,
      });
    } catch (error) {
      if (!(error instanceof ProvisioningError && error.code === 'CONFLICT')) throw error;
      const hash = await hashSecret(password, bcryptCost);
      const reset = await tenantDb.run(id, (tx) => resetStaffPassword(tx, id, member.email, hash, DEMO_ACTOR));
      if (!reset) throw new Error(`demo staff email ${member.email} belongs to another tenant or to an owner`);
    }
  }

  let chunks = 0;
  for (const doc of tenant.documents) {
    const res = await services.knowledge.upload({
      version: 1,
      actor: DEMO_ACTOR,
      tenantId: id,
      title: doc.title,
      format: 'markdown',
      content: doc.content,
      sourceUri: `demo:${doc.path}`,
      audience: doc.audience,
    });
    chunks += res.document.chunkCount;
  }
  return {
    id,
    slug: tenant.slug,
    name: tenant.name,
    apiKey,
    siteKey: await demoSiteKey(services.siteKeys, id),
    staff,
    documents: tenant.documents.length,
    chunks,
    created: !existing,
  };
}

const OFFLINE: LlmChoice = { provider: 'offline', model: 'retrieval' };
const DEMO_SHOP_NAME = 'Demo Shopify';

/**
 * Connects the shop tenant to the demo's fake Shopify (created, or pointed at this run's URL and
 * token) and enables its tools on it, through the same services as the API.
 */
async function seedShop(
  services: Services,
  tenantId: string,
  toolKeys: readonly string[],
  shop: NonNullable<DemoSeedInput['shop']>,
): Promise<{ url: string; tools: string[] }> {
  const auth = { type: 'api_key' as const, header: 'X-Shopify-Access-Token', value: shop.accessToken };
  const existing = (await services.integrations.list({ version: 1, tenantId })).items.find((i) => i.name === DEMO_SHOP_NAME);
  const integration = existing
    ? (
        await services.integrations.update({
          version: 1,
          actor: DEMO_ACTOR,
          tenantId,
          integrationId: existing.id,
          patch: { baseUrl: shop.url, auth, status: 'active' },
        })
      ).integration
    : (
        await services.integrations.create({
          version: 1,
          actor: DEMO_ACTOR,
          tenantId,
          integration: { kind: 'shopify', name: DEMO_SHOP_NAME, baseUrl: shop.url, config: { apiVersion: '2025-07' }, auth },
        })
      ).integration;
  for (const toolKey of toolKeys) {
    await services.tools.putTenant({
      version: 1,
      actor: DEMO_ACTOR,
      tenantId,
      toolKey,
      enabled: true,
      integrationId: integration.id,
      settings: {},
    });
  }
  return { url: shop.url, tools: [...toolKeys] };
}

/** The tenant's newest active site key, or a first one: site keys are public, so a run need not rotate them. */
async function demoSiteKey(siteKeys: SiteKeysService, tenantId: string): Promise<string> {
  const active = (await siteKeys.list({ version: 1, tenantId })).items.find((k) => k.status === 'active');
  return active?.key ?? (await siteKeys.create({ version: 1, actor: DEMO_ACTOR, tenantId, revokeOthers: false })).siteKey.key;
}
