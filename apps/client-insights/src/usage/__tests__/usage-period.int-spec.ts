// A tenant's billed usage of a range of days over the real database (app role, RLS): only the
// rows with a provider (stored answers), both ends inclusive, never another tenant's rows.
import { randomUUID } from 'node:crypto';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { createTenant } from '@parley/testing';
import { UsagePeriodService } from '../usage-period.service';

let prisma: PrismaClient;
let owner: PrismaClient;
let service: UsagePeriodService;
let a: string;
let b: string;

async function usage(
  tenantId: string,
  day: string,
  provider: string,
  model: string,
  n: { messages: number; tokensIn?: number; tokensOut?: number },
) {
  await owner.usageDaily.create({
    data: {
      tenantId,
      day: new Date(`${day}T00:00:00Z`),
      provider,
      model,
      messages: n.messages,
      tokensIn: BigInt(n.tokensIn ?? 0),
      tokensOut: BigInt(n.tokensOut ?? 0),
    },
  });
}

beforeAll(async () => {
  prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
  owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
  service = new UsagePeriodService(new TenantDb(prisma));
  a = (await createTenant(owner, { slug: `period-a-${Date.now()}` })).id;
  b = (await createTenant(owner, { slug: `period-b-${Date.now()}` })).id;
  await usage(a, '2032-02-29', 'openai', 'gpt-4o', { messages: 5, tokensIn: 100, tokensOut: 50 }); // the day before the period
  await usage(a, '2032-03-01', '', '', { messages: 7 }); // visitor messages: not billed
  await usage(a, '2032-03-01', 'openai', 'gpt-4o', { messages: 3, tokensIn: 1200, tokensOut: 300 });
  await usage(a, '2032-03-31', 'offline', 'retrieval', { messages: 2, tokensIn: 0, tokensOut: 0 });
  await usage(a, '2032-03-31', 'openai', 'gpt-4o-mini', { messages: 1, tokensIn: 10, tokensOut: 20 });
  await usage(a, '2032-04-01', 'openai', 'gpt-4o', { messages: 9, tokensIn: 9, tokensOut: 9 }); // the day after
  await usage(b, '2032-03-15', 'openai', 'gpt-4o', { messages: 100, tokensIn: 100, tokensOut: 100 });
});
afterAll(async () => {
  await Promise.all([prisma.$disconnect(), owner.$disconnect()]);
});

it("sums the answers and their tokens of the tenant's days in the range, both ends included", async () => {
  expect(await service.totals(a, '2032-03-01', '2032-03-31')).toEqual({ messages: 6, tokensIn: 1210, tokensOut: 320 });
  expect(await service.totals(b, '2032-03-01', '2032-03-31')).toEqual({ messages: 100, tokensIn: 100, tokensOut: 100 });
});

it('answers zeros for a range without usage and NOT_FOUND for an unknown tenant', async () => {
  expect(await service.totals(a, '2032-05-01', '2032-05-31')).toEqual({ messages: 0, tokensIn: 0, tokensOut: 0 });
  await expect(service.totals(randomUUID(), '2032-03-01', '2032-03-31')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(service.totals(a, '2032-03-31', '2032-03-01')).rejects.toMatchObject({ code: 'VALIDATION' });
});
