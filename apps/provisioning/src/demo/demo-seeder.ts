import { randomBytes } from 'node:crypto';
import { generateApiKey, hashSecret } from '@parley/auth';
import type { PrismaClient, TenantDb } from '@parley/persistence';
import { ingestDocument } from '../knowledge/knowledge-ingest.repository';
import type { DemoFixture, DemoTenant } from './demo-fixture';

export const DEMO_KEY_NAME = 'demo';

export interface SeededTenant {
  id: string;
  slug: string;
  name: string;
  apiKey: string;
  staff: Array<{ email: string; role: string }>;
  documents: number;
  chunks: number;
  created: boolean;
}

export interface DemoSeedResult {
  owner: { email: string; password: string };
  staffPassword: string;
  tenants: SeededTenant[];
}

export interface DemoSeedInput {
  fixture: DemoFixture;
  ownerEmail: string;
  ownerPassword?: string;
  staffPassword?: string;
  /** bcrypt cost; tests lower it. */
  bcryptCost?: number;
}

const randomPassword = (): string => randomBytes(12).toString('base64url');

/**
 * Seeds the demo idempotently: the owner, each tenant (upserted by slug, config refreshed),
 * staff logins, knowledge (unchanged documents are left alone), and a fresh API key per
 * tenant: keys are only ever shown once, so each run revokes the previous demo key and prints
 * a new one. Every tenant-owned write runs in a tenant transaction (RLS applies).
 */
export async function seedDemo(prisma: PrismaClient, tenantDb: TenantDb, input: DemoSeedInput): Promise<DemoSeedResult> {
  const cost = input.bcryptCost;
  const ownerPassword = input.ownerPassword ?? randomPassword();
  const staffPassword = input.staffPassword ?? randomPassword();
  const ownerHash = await hashSecret(ownerPassword, cost);
  await prisma.platformUser.upsert({
    where: { email: input.ownerEmail },
    create: { email: input.ownerEmail, passwordHash: ownerHash, displayName: input.fixture.ownerDisplayName },
    update: { passwordHash: ownerHash, status: 'active' },
  });

  const tenants: SeededTenant[] = [];
  for (const tenant of input.fixture.tenants) {
    tenants.push(await seedTenant(prisma, tenantDb, tenant, staffPassword, cost));
  }
  return { owner: { email: input.ownerEmail, password: ownerPassword }, staffPassword, tenants };
}

async function seedTenant(
  prisma: PrismaClient,
  tenantDb: TenantDb,
  tenant: DemoFixture['tenants'][number],
  staffPassword: string,
  cost?: number,
): Promise<SeededTenant> {
  const config = tenantConfig(tenant);
  const before = await prisma.tenant.findUnique({ where: { slug: tenant.slug }, select: { id: true } });
  const row = await prisma.tenant.upsert({
    where: { slug: tenant.slug },
    create: { slug: tenant.slug, ...config },
    update: { ...config, status: 'active', deactivatedAt: null },
    select: { id: true },
  });
  const { key, prefix } = generateApiKey();
  const keyHash = await hashSecret(key, cost);
  const staffHash = await hashSecret(staffPassword, cost);

  const { documents, chunks } = await tenantDb.run(
    row.id,
    async (tx) => {
      await tx.apiKey.updateMany({
        where: { tenantId: row.id, name: DEMO_KEY_NAME, status: 'active' },
        data: { status: 'revoked', revokedAt: new Date() },
      });
      await tx.apiKey.create({ data: { tenantId: row.id, name: DEMO_KEY_NAME, prefix, keyHash } });
      for (const member of tenant.staff) {
        const email = member.email.toLowerCase();
        await tx.tenantUser.upsert({
          where: { email },
          create: { tenantId: row.id, email, passwordHash: staffHash, displayName: member.displayName, role: member.role },
          update: { passwordHash: staffHash, displayName: member.displayName, role: member.role, status: 'active' },
        });
      }
      let chunkTotal = 0;
      for (const doc of tenant.documents) {
        const result = await ingestDocument(tx, { tenantId: row.id, title: doc.title, content: doc.content, sourceUri: `demo:${doc.path}` });
        chunkTotal += result.chunkCount;
      }
      await tx.auditLog.create({
        data: { tenantId: row.id, actorType: 'system', actorId: 'demo-seed', action: before ? 'tenant.demo_reseeded' : 'tenant.created', targetType: 'tenant', targetId: row.id, data: { slug: tenant.slug, apiKeyPrefix: prefix } },
      });
      return { documents: tenant.documents.length, chunks: chunkTotal };
    },
    { timeoutMs: 30_000 },
  );
  return {
    id: row.id,
    slug: tenant.slug,
    name: tenant.name,
    apiKey: key,
    staff: tenant.staff.map((s) => ({ email: s.email.toLowerCase(), role: s.role })),
    documents,
    chunks,
    created: !before,
  };
}

function tenantConfig(tenant: DemoTenant) {
  return {
    displayName: tenant.name,
    kind: tenant.kind,
    timezone: tenant.timezone,
    persona: tenant.persona,
    tone: tenant.tone,
    allowedTopics: tenant.allowedTopics,
    allowedOrigins: tenant.allowedOrigins,
    emergencyText: tenant.emergencyText,
    llmProvider: 'offline',
  };
}
