// Usage reads over the real database: a tenant's own usage_daily through its RLS transaction
// (the app role, no BYPASSRLS), never another tenant's; the owner's totals across tenants
// through the read-only analytics role; unknown tenants and bad ranges refused.
import { createPrismaClient, OwnerDb, TenantDb, type PrismaClient } from '@parley/persistence';
import { createTenant } from '@parley/testing';
import { UsageRepository } from '../usage.repository';
import { UsageService } from '../usage.service';

let prisma: PrismaClient;
let analytics: PrismaClient;
let owner: PrismaClient;
let service: UsageService;
let a: string;
let b: string;

// Days far from any other suite's usage rows, so the owner's totals are exactly this file's.
const NOW = () => new Date('2031-01-20T12:00:00Z');

async function usage(
  tenantId: string,
  day: string,
  provider: string,
  model: string,
  n: { messages: number; sessions?: number; tokensIn?: number; costUsd?: number; sealed?: boolean },
) {
  await owner.usageDaily.create({
    data: {
      tenantId,
      day: new Date(`${day}T00:00:00Z`),
      provider,
      model,
      messages: n.messages,
      sessions: n.sessions ?? 0,
      tokensIn: BigInt(n.tokensIn ?? 0),
      tokensOut: 0n,
      costUsd: n.costUsd ?? 0,
      sealedAt: n.sealed ? new Date('2031-01-02T00:00:00Z') : null,
    },
  });
}

beforeAll(async () => {
  prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
  analytics = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_ANALYTICS_URL as string, poolMax: 2 });
  owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
  service = new UsageService(new TenantDb(prisma), new OwnerDb(analytics), new UsageRepository(), NOW);
  a = (await createTenant(owner, { slug: `usage-a-${Date.now()}` })).id;
  b = (await createTenant(owner, { slug: `usage-b-${Date.now()}` })).id;
  await usage(a, '2030-12-20', '', '', { messages: 4, sessions: 2, sealed: true }); // before the default range
  await usage(a, '2031-01-10', '', '', { messages: 3, sessions: 1, sealed: true });
  await usage(a, '2031-01-10', 'openai', 'gpt-4o', { messages: 3, tokensIn: 1000, costUsd: 0.0025, sealed: true });
  await usage(a, '2031-01-20', 'openai', 'gpt-4o', { messages: 1, tokensIn: 400, costUsd: 0.001 });
  await usage(b, '2031-01-15', '', '', { messages: 10, sessions: 5 });
});
afterAll(async () => {
  await Promise.all([prisma.$disconnect(), analytics.$disconnect(), owner.$disconnect()]);
});

describe('UsageService', () => {
  it("ends a tenant's default range on its local today (its days are local days)", async () => {
    // 12:00 UTC on 2031-01-20 is already 01:00 on the 21st in Auckland (NZDT, UTC+13).
    const auckland = (await createTenant(owner, { slug: `usage-nz-${Date.now()}` })).id;
    await owner.tenant.update({ where: { id: auckland }, data: { timezone: 'Pacific/Auckland' } });
    await usage(auckland, '2031-01-21', 'openai', 'gpt-4o', { messages: 2, tokensIn: 100 });
    const view = await service.tenant(auckland);
    expect(view).toMatchObject({ from: '2030-12-23', to: '2031-01-21', totals: { messages: 2 } });
    await owner.usageDaily.deleteMany({ where: { tenantId: auckland } });
  });

  it('serves a tenant its own days of the last 30 (UTC) by default, with totals and models, and only its own', async () => {
    const view = await service.tenant(a);
    expect(view).toMatchObject({ tenantId: a, from: '2030-12-22', to: '2031-01-20' });
    expect(view.totals).toEqual({ messages: 7, sessions: 1, tokensIn: 1400, tokensOut: 0, costUsd: 0.0035 });
    expect(view.days.map((d) => [d.day, d.messages, d.final, d.byModel.length])).toEqual([
      ['2031-01-10', 6, true, 2],
      ['2031-01-20', 1, false, 1],
    ]);
    expect((await service.tenant(a, '2030-12-01', '2031-01-09')).totals.messages).toBe(4);
    expect((await service.tenant(b)).totals).toEqual({ messages: 10, sessions: 5, tokensIn: 0, tokensOut: 0, costUsd: 0 });
  });

  it("cannot read another tenant's rows from a tenant's transaction (RLS, app role without BYPASSRLS)", async () => {
    const repo = new UsageRepository();
    const seen = await new TenantDb(prisma).run(b, (tx) => repo.rows(tx, new Date('2030-01-01'), new Date('2032-01-01'), a));
    expect(seen).toEqual([]);
    const unscoped = await new TenantDb(prisma).run(b, (tx) => repo.rows(tx, new Date('2030-01-01'), new Date('2032-01-01')));
    expect(new Set(unscoped.map((r) => r.tenantId))).toEqual(new Set([b]));
  });

  it('serves the owner every tenant and the total through the analytics role', async () => {
    const view = await service.platform('2031-01-01', '2031-01-31');
    expect(view.totals).toEqual({ messages: 17, sessions: 6, tokensIn: 1400, tokensOut: 0, costUsd: 0.0035 });
    expect(view.tenants.map((t) => [t.tenantId, t.messages])).toEqual([
      [a, 7],
      [b, 10],
    ]);
    expect(view.days.map((d) => [d.day, d.messages])).toEqual([
      ['2031-01-10', 6],
      ['2031-01-15', 10],
      ['2031-01-20', 1],
    ]);
  });

  it('refuses an unknown tenant (NOT_FOUND), from after to and a range over 366 days (VALIDATION)', async () => {
    await expect(service.tenant('5d0f6f4e-3c55-4b8e-9a57-3f0d2b7d9c11')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.tenant(a, '2031-01-10', '2031-01-09')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(service.platform('2029-01-01', '2031-01-01')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
