// Regression (issue 21, found by the fuzz suite): two erasures of one contact at the same time
// answered one 200 and one 500 (the second transaction's delete found no row). Now the second
// waits for the first and answers NOT_FOUND (404 at the gateway).
import { randomUUID } from 'node:crypto';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { createChatMessage, createChatSession, createTenant } from '@parley/testing';
import { ChatTablesRepository } from '../../chat-tables/chat-tables.repository';
import { CrmRepository } from '../crm.repository';
import { CrmService } from '../crm.service';
import { InsightTablesRepository } from '../insight-tables.repository';

describe('erasing a contact', () => {
  let prisma: PrismaClient;
  let owner: PrismaClient;
  let crm: CrmService;

  beforeAll(() => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 6 });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    crm = new CrmService(new TenantDb(prisma), new CrmRepository(), new ChatTablesRepository(), new InsightTablesRepository());
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await owner.$disconnect();
  });

  it('erases once when several requests erase the same contact at the same time; the others find it gone', async () => {
    const tenant = await createTenant(owner);
    const [contact] = await owner.$queryRaw<Array<{ id: string }>>`
      INSERT INTO tenant_contacts (tenant_id, name, email) VALUES (${tenant.id}::uuid, 'Dana', 'dana@example.com') RETURNING id`;
    const session = await createChatSession(owner, tenant.id, { contact_id: contact.id });
    await createChatMessage(owner, session, { role: 'user', content: 'I am Dana, write to dana@example.com' });
    const actor = { type: 'tenant_user' as const, id: randomUUID() };

    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map(() => crm.eraseContact({ version: 1, tenantId: tenant.id, contactId: contact.id, actor })),
    );

    const erased = outcomes.filter((o) => o.status === 'fulfilled');
    expect(erased).toEqual([{ status: 'fulfilled', value: { version: 1, contactId: contact.id, messagesPseudonymized: 1, sessions: 1 } }]);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code?: string }] : []));
    expect(failures.map((f) => f.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    const audits = await owner.$queryRaw<
      Array<{ n: bigint }>
    >`SELECT count(*) AS n FROM audit_log WHERE tenant_id = ${tenant.id}::uuid AND action = 'contact.erased'`;
    expect(Number(audits[0].n)).toBe(1);
  });
});
