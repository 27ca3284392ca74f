// The retention job over the real database, connected as the app role (RLS applies), with a
// pinned clock: exact counts of messages and usage_daily before and after, idempotency,
// resumability after a failure between fold and delete, the advisory lock, tenants with
// different retentionDays, the 90-day tool_executions prune, the tenant's policy for summaries,
// interactions and contacts, and tenant isolation.
import { createPrismaClient, TenantDb, type PrismaClient, type TenantTx } from '@parley/persistence';
import { createTenant } from '@parley/testing';
import type { InsightsOptions } from '../../common/client-insights.options';
import { DEFAULT_MODEL_PRICES } from '../../shared/model-prices.util';
import { ContactEraser } from '../contact-eraser.client';
import { RETENTION_LOCK_KEY, RetentionLockRepository } from '../retention-lock.repository';
import { RetentionRepository, type RetentionTenant } from '../retention.repository';
import { RetentionScheduler } from '../retention.scheduler';
import { RetentionService } from '../retention.service';
import { DAY_MS, messageCount, silent, tenantWithDailyChats, usageRows, usageTotals } from './retention-fixtures';

jest.setTimeout(120_000);

const NOW = new Date('2026-05-01T10:00:00.000Z');
const FIRST = new Date('2026-03-22T00:00:00.000Z'); // 40 days before NOW's day: 41 days of chats up to today
const LAST = new Date('2026-05-01T00:00:00.000Z');
/** One day of the fixture: 4 messages, 1 session, 200 tokens in, 100 out, (200 * 0.15 + 100 * 0.6) / 1e6 USD. */
const PER_DAY = { messages: 4, sessions: 1, tokensIn: 200, tokensOut: 100, costUsd: 0.00009 };
const ALL_DAYS = 41;
const all = (days: number) => ({
  messages: days * PER_DAY.messages,
  sessions: days * PER_DAY.sessions,
  tokensIn: days * PER_DAY.tokensIn,
  tokensOut: days * PER_DAY.tokensOut,
  costUsd: Math.round(days * PER_DAY.costUsd * 1e6) / 1e6,
});

/** The tenants registry limited to this test's tenants (the database is shared with other suites). */
class ScopedRetentionRepository extends RetentionRepository {
  constructor(
    prisma: PrismaClient,
    private readonly only: () => string[],
  ) {
    super(prisma);
  }

  override async tenants(): Promise<RetentionTenant[]> {
    const ids = new Set(this.only());
    return (await super.tenants()).filter((t) => ids.has(t.id));
  }
}

/**
 * Records which contacts the job asks the CRM to erase, and removes them as the CRM's erasure
 * does with the contact row (the erasure itself is tested with the CRM, in tenant-intelligence).
 */
class RecordingEraser extends ContactEraser {
  readonly erased: Array<[string, string]> = [];

  async erase(tenantId: string, contactId: string): Promise<void> {
    this.erased.push([tenantId, contactId]);
    await owner.tenantContact.deleteMany({ where: { tenantId, id: contactId } });
  }
}

let eraser: RecordingEraser;
let prisma: PrismaClient;
let owner: PrismaClient;
let now: Date;
let scope: string[];

const options = (batchSize = 1000): Pick<InsightsOptions, 'modelPrices' | 'retention'> => ({
  modelPrices: DEFAULT_MODEL_PRICES,
  retention: { intervalMs: 3_600_000, batchSize, toolExecutionDays: 90, maxRunMs: 600_000 },
});

function scheduler(repo: RetentionRepository = new ScopedRetentionRepository(prisma, () => scope), batchSize?: number) {
  const opts = options(batchSize);
  const service = new RetentionService(new TenantDb(prisma), repo, eraser, opts, () => now);
  return new RetentionScheduler(new RetentionLockRepository(prisma), service, silent, opts);
}

beforeAll(() => {
  prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 6 });
  owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await owner.$disconnect();
});
beforeEach(() => {
  now = NOW;
  scope = [];
  eraser = new RecordingEraser();
});

describe('RetentionScheduler', () => {
  it("folds usage into usage_daily, then deletes each tenant's messages past its own retention; a second run changes nothing", async () => {
    const month = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    const week = await tenantWithDailyChats(owner, 7, FIRST, LAST);
    scope = [month, week];
    expect(await messageCount(owner, month)).toBe(ALL_DAYS * 4);
    expect(await usageRows(owner, month)).toEqual([]);

    const first = await scheduler().runOnce();

    // 30 days: content before 2026-04-01 goes (10 days of 40 messages); 7 days: before 2026-04-24 (33 days).
    expect(first).toMatchObject({ ran: true, tenants: 2, failed: 0, complete: true, sealedDays: 10 + 33, deletedMessages: 40 + 132 });
    expect(await messageCount(owner, month)).toBe(31 * 4);
    expect(await messageCount(owner, week)).toBe(8 * 4);
    expect(await owner.chatMessage.count({ where: { tenantId: month, createdAt: { lt: new Date('2026-04-01T00:00:00Z') } } })).toBe(0);
    expect(await owner.chatMessage.count({ where: { tenantId: month, createdAt: { gte: new Date('2026-04-01T00:00:00Z') } } })).toBe(124);
    // Billing keeps every day: sealed days before the cutoff, open days (the first run refreshes them all) after.
    expect(await usageTotals(owner, month)).toEqual({ ...all(ALL_DAYS), sealedDays: 10, openDays: 31 });
    expect(await usageTotals(owner, week)).toEqual({ ...all(ALL_DAYS), sealedDays: 33, openDays: 8 });
    const rows = await usageRows(owner, month);
    expect(rows.length).toBe(ALL_DAYS * 2);
    expect(rows.slice(0, 2)).toEqual([
      { day: '2026-03-22', provider: '', model: '', messages: 2, sessions: 1, tokensIn: 0, tokensOut: 0, costUsd: 0, sealed: true },
      {
        day: '2026-03-22',
        provider: 'openai',
        model: 'gpt-4o-mini',
        messages: 2,
        sessions: 0,
        tokensIn: 200,
        tokensOut: 100,
        costUsd: 0.00009,
        sealed: true,
      },
    ]);
    // Sessions (and so their summaries) are kept.
    expect(await owner.chatSession.count({ where: { tenantId: month } })).toBe(ALL_DAYS);

    const written = await owner.usageDaily.findMany({ where: { tenantId: month }, select: { id: true }, orderBy: { id: 'asc' } });
    const again = await scheduler().runOnce();
    expect(again).toMatchObject({ ran: true, complete: true, sealedDays: 0, deletedMessages: 0, deletedToolExecutions: 0 });
    expect(await usageRows(owner, month)).toEqual(rows);
    // Nothing changed, so nothing was rewritten: the same rows, not equal copies.
    expect(await owner.usageDaily.findMany({ where: { tenantId: month }, select: { id: true }, orderBy: { id: 'asc' } })).toEqual(written);
    expect(await messageCount(owner, month)).toBe(124);

    // A day later the next day is sealed and deleted; the billing totals do not move.
    now = new Date(NOW.getTime() + DAY_MS);
    const next = await scheduler().runOnce();
    expect(next).toMatchObject({ sealedDays: 2, deletedMessages: 8 });
    expect(await messageCount(owner, month)).toBe(30 * 4);
    expect(await usageTotals(owner, month)).toEqual({ ...all(ALL_DAYS), sealedDays: 11, openDays: 30 });
    expect(await usageTotals(owner, week)).toEqual({ ...all(ALL_DAYS), sealedDays: 34, openDays: 7 });
  });

  it("keeps today's and yesterday's usage current between runs without touching sealed days", async () => {
    const tenant = await tenantWithDailyChats(owner, 30, new Date('2026-04-28T00:00:00Z'), LAST);
    scope = [tenant];
    const job = scheduler();
    await job.runOnce();
    expect(await usageTotals(owner, tenant)).toEqual({ ...all(4), sealedDays: 0, openDays: 4 });
    const session = await owner.chatSession.findFirstOrThrow({ where: { tenantId: tenant, startedAt: { gte: LAST } } });
    await owner.chatMessage.create({
      data: {
        tenantId: tenant,
        sessionId: session.id,
        role: 'assistant',
        content: 'later',
        tokensIn: 1000,
        tokensOut: 0,
        provider: 'openai',
        model: 'gpt-4o-mini',
        createdAt: new Date('2026-05-01T09:30:00Z'),
      },
    });
    await job.runOnce();
    const today = (await usageRows(owner, tenant)).filter((r) => r.day === '2026-05-01' && r.provider === 'openai');
    expect(today).toEqual([
      {
        day: '2026-05-01',
        provider: 'openai',
        model: 'gpt-4o-mini',
        messages: 3,
        sessions: 0,
        tokensIn: 1200,
        tokensOut: 100,
        costUsd: 0.00024,
        sealed: false,
      },
    ]);
  });

  it('resumes after a failure between the fold and the delete, and after a delete cut short, without double counting', async () => {
    const tenant = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    scope = [tenant];
    let failures = 0;
    class FailingDeletes extends ScopedRetentionRepository {
      override async deleteMessagesBefore(tx: TenantTx, tenantId: string, before: Date, limit: number): Promise<number> {
        if (failures === 0) {
          failures += 1;
          throw new Error('crash before the delete');
        }
        const n = await super.deleteMessagesBefore(tx, tenantId, before, limit);
        failures += 1;
        if (failures === 3) throw new Error('crash after two batches');
        return n;
      }
    }

    const crashed = await scheduler(new FailingDeletes(prisma, () => scope), 7).runOnce();
    expect(crashed).toMatchObject({ ran: true, failed: 1, complete: false, deletedMessages: 0 });
    expect(await messageCount(owner, tenant)).toBe(ALL_DAYS * 4);
    expect(await usageTotals(owner, tenant)).toEqual({ ...all(ALL_DAYS), sealedDays: 10, openDays: 31 });

    // The next run deletes one batch of 7, then crashes inside the second batch's transaction (rolled back).
    const cut = await scheduler(new FailingDeletes(prisma, () => scope), 7).runOnce();
    expect(cut).toMatchObject({ failed: 1 });
    const left = await messageCount(owner, tenant);
    expect(left).toBe(ALL_DAYS * 4 - 7);
    // The partly deleted days are sealed: not recomputed from what is left.
    expect(await usageTotals(owner, tenant)).toEqual({ ...all(ALL_DAYS), sealedDays: 10, openDays: 31 });

    const healed = await scheduler().runOnce();
    expect(healed).toMatchObject({ failed: 0, complete: true, sealedDays: 0, deletedMessages: 40 - 7 });
    expect(await messageCount(owner, tenant)).toBe(31 * 4);
    expect(await usageTotals(owner, tenant)).toEqual({ ...all(ALL_DAYS), sealedDays: 10, openDays: 31 });
  });

  it('never runs twice at once: a run that finds the advisory lock taken does nothing', async () => {
    const tenant = await tenantWithDailyChats(owner, 7, FIRST, LAST);
    scope = [tenant];
    const held = await owner.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`;
      return scheduler().runOnce();
    });
    expect(held).toMatchObject({ ran: false, tenants: 0 });
    expect(await messageCount(owner, tenant)).toBe(ALL_DAYS * 4);

    // Two replicas started together: the second finds the first inside its run.
    let enter!: () => void;
    let release!: () => void;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    class Gated extends ScopedRetentionRepository {
      override async tenants(): Promise<RetentionTenant[]> {
        enter();
        await gate;
        return super.tenants();
      }
    }
    const first = scheduler(new Gated(prisma, () => scope)).runOnce();
    await entered;
    const second = await scheduler().runOnce();
    release();
    expect(second).toMatchObject({ ran: false });
    expect(await first).toMatchObject({ ran: true, deletedMessages: 33 * 4 });
    expect(await messageCount(owner, tenant)).toBe(8 * 4);
    expect(await usageTotals(owner, tenant)).toEqual({ ...all(ALL_DAYS), sealedDays: 33, openDays: 8 });
  });

  it('prunes tool executions older than 90 days and keeps CRM rows of deleted messages with no message link', async () => {
    const tenant = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    scope = [tenant];
    const old = await owner.chatMessage.findFirstOrThrow({
      where: { tenantId: tenant, createdAt: { lt: new Date('2026-03-23T00:00:00Z') } },
    });
    const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
    for (const days of [100, 91, 90, 89, 10]) {
      await owner.toolExecution.create({
        data: { tenantId: tenant, toolKey: `t${days}`, createdAt: ago(days), messageId: days === 10 ? old.id : null },
      });
    }
    const interaction = await owner.tenantInteraction.create({
      data: { tenantId: tenant, messageId: old.id, sessionId: old.sessionId, kind: 'inquiry' },
    });
    const summary = await owner.sessionSummary.create({
      data: { tenantId: tenant, sessionId: old.sessionId, summary: 'asked about a boiler' },
    });

    const run = await scheduler().runOnce();

    // Tools: cutoff 00:00 UTC of 2026-01-31 (90 days before today): 100 and 91 days old go.
    expect(run).toMatchObject({ deletedToolExecutions: 2, deletedMessages: 40 });
    const tools = await owner.toolExecution.findMany({ where: { tenantId: tenant }, orderBy: { createdAt: 'asc' } });
    expect(tools.map((t) => [t.toolKey, t.messageId])).toEqual([
      ['t90', null],
      ['t89', null],
      ['t10', null],
    ]);
    expect(await owner.tenantInteraction.findUnique({ where: { id: interaction.id } })).toMatchObject({
      messageId: null,
      sessionId: old.sessionId,
    });
    expect(await owner.sessionSummary.findUnique({ where: { id: summary.id } })).toMatchObject({ summary: 'asked about a boiler' });
  });
});

describe("days are the tenant's local days", () => {
  /** A tenant with one session and one answer (100 tokens in, 50 out) at each instant, in SQL as the owner. */
  async function tenantWithAnswersAt(timezone: string, instants: string[]): Promise<string> {
    const tenantId = (await createTenant(owner, { retention_days: 30 })).id;
    await owner.tenant.update({ where: { id: tenantId }, data: { timezone } });
    for (const at of instants) {
      const session = await owner.chatSession.create({ data: { tenantId, startedAt: new Date(at), lastActivityAt: new Date(at) } });
      await owner.chatMessage.create({
        data: {
          tenantId,
          sessionId: session.id,
          role: 'assistant',
          content: 'an answer',
          tokensIn: 100,
          tokensOut: 50,
          provider: 'openai',
          model: 'gpt-4o-mini',
          createdAt: new Date(at),
        },
      });
    }
    return tenantId;
  }
  /** usage_daily per day (sessions sit on a row of their own, without provider and model). */
  const daysOf = async (tenantId: string) => {
    const byDay = new Map<string, { day: string; messages: number; sessions: number; sealed: boolean }>();
    for (const r of await usageRows(owner, tenantId)) {
      const d = byDay.get(r.day) ?? { day: r.day, messages: 0, sessions: 0, sealed: true };
      byDay.set(r.day, { day: r.day, messages: d.messages + r.messages, sessions: d.sessions + r.sessions, sealed: d.sealed && r.sealed });
    }
    return [...byDay.values()];
  };

  it("counts each message on its local day and deletes content before the tenant's local midnight of the cutoff", async () => {
    // New York in April is UTC-4: the cutoff for 2026-05-01 with 30 days is 2026-04-01 00:00 EDT = 04:00 UTC.
    const tenant = await tenantWithAnswersAt('America/New_York', [
      '2026-04-01T03:30:00Z', // 2026-03-31 23:30 local: sealed, then deleted
      '2026-04-01T04:30:00Z', // 2026-04-01 00:30 local: kept
      '2026-04-15T02:00:00Z', // 2026-04-14 22:00 local
    ]);
    scope = [tenant];

    const run = await scheduler().runOnce();

    expect(run).toMatchObject({ complete: true, sealedDays: 1, deletedMessages: 1 });
    expect(await daysOf(tenant)).toEqual([
      { day: '2026-03-31', messages: 1, sessions: 1, sealed: true },
      { day: '2026-04-01', messages: 1, sessions: 1, sealed: false },
      { day: '2026-04-14', messages: 1, sessions: 1, sealed: false },
    ]);
    expect(await messageCount(owner, tenant)).toBe(2);
    expect(await owner.usageSeal.findUnique({ where: { tenantId: tenant } })).toMatchObject({
      sealedThrough: new Date('2026-04-01T04:00:00Z'),
    });
  });

  it.each([
    // West: the seal (00:00 UTC of 04-02) is 20:00 of 04-01 in New York; 04-01 is sealed, so the rest of it counts on 04-02.
    [
      'America/New_York',
      '2026-05-04T10:00:00Z',
      [
        { day: '2026-04-02', messages: 3 },
        { day: '2026-04-03', messages: 1 },
      ],
    ],
    // East: the seal is 05:30 of 04-02 in Kolkata; the rest of 04-02 counts on 04-03.
    ['Asia/Kolkata', '2026-05-04T10:00:00Z', [{ day: '2026-04-03', messages: 4 }]],
  ])('a change of time zone to %s after sealing neither loses nor doubles usage', async (zone, later, expected) => {
    const tenant = await tenantWithAnswersAt('UTC', [
      '2026-04-01T22:00:00Z',
      '2026-04-02T01:00:00Z',
      '2026-04-02T03:00:00Z',
      '2026-04-02T06:00:00Z',
      '2026-04-03T12:00:00Z',
    ]);
    scope = [tenant];
    now = new Date('2026-05-02T10:00:00Z'); // cutoff 2026-04-02 (UTC): 04-01 is sealed, its answer deleted
    expect(await scheduler().runOnce()).toMatchObject({ complete: true, sealedDays: 1, deletedMessages: 1 });
    expect(await daysOf(tenant)).toContainEqual({ day: '2026-04-01', messages: 1, sessions: 1, sealed: true });

    await owner.tenant.update({ where: { id: tenant }, data: { timezone: zone } });
    now = new Date(later); // cutoff 2026-04-04 local: everything left is sealed and deleted
    expect(await scheduler().runOnce()).toMatchObject({ complete: true, deletedMessages: 4 });

    const days = await daysOf(tenant);
    expect(days.map(({ day, messages }) => ({ day, messages }))).toEqual([{ day: '2026-04-01', messages: 1 }, ...expected]);
    expect(days.every((d) => d.sealed && d.sessions === d.messages)).toBe(true);
    expect(await usageTotals(owner, tenant)).toMatchObject({ messages: 5, sessions: 5, tokensIn: 500, tokensOut: 250 });
    expect(await messageCount(owner, tenant)).toBe(0);
  });
});

describe("the tenant's policy for what was derived from its chats", () => {
  /** Contacts, summaries and interactions on both sides of the cutoff (00:00 UTC of 2026-04-01 for 30 days). */
  async function derivedData(tenant: string) {
    const at = (iso: string) => new Date(iso);
    const contact = (lastSeenAt: string) =>
      owner.tenantContact.create({ data: { tenantId: tenant, lastSeenAt: at(lastSeenAt), firstSeenAt: at('2026-03-01T00:00:00Z') } });
    const contacts = {
      stale: await contact('2026-03-25T12:00:00Z'),
      older: await contact('2026-03-22T09:00:00Z'),
      edge: await contact('2026-04-01T00:00:00Z'), // seen at the cutoff itself: kept
      recent: await contact('2026-04-20T08:00:00Z'),
    };
    const sessionOn = async (day: string) =>
      (await owner.chatSession.findFirstOrThrow({ where: { tenantId: tenant, startedAt: at(`${day}T09:00:00Z`) } })).id;
    const summary = async (day: string, createdAt: string, updatedAt: string) =>
      (
        await owner.sessionSummary.create({
          data: {
            tenantId: tenant,
            sessionId: await sessionOn(day),
            summary: `summary of ${day}`,
            createdAt: at(createdAt),
            updatedAt: at(updatedAt),
          },
        })
      ).id;
    const summaries = {
      old: await summary('2026-03-25', '2026-03-25T10:00:00Z', '2026-03-25T10:00:00Z'),
      oldResummarized: await summary('2026-03-26', '2026-03-26T10:00:00Z', '2026-04-03T10:00:00Z'), // rewritten after the cutoff: kept
      recent: await summary('2026-04-10', '2026-04-10T10:00:00Z', '2026-04-10T10:00:00Z'),
    };
    const interaction = async (occurredAt: string) =>
      (await owner.tenantInteraction.create({ data: { tenantId: tenant, kind: 'inquiry', occurredAt: at(occurredAt) } })).id;
    const interactions = { old: await interaction('2026-03-30T23:59:59Z'), recent: await interaction('2026-04-01T00:00:00Z') };
    return { contacts, summaries, interactions };
  }

  const remaining = async (tenant: string) => ({
    contacts: (await owner.tenantContact.findMany({ where: { tenantId: tenant }, select: { id: true } })).map((r) => r.id).sort(),
    summaries: (await owner.sessionSummary.findMany({ where: { tenantId: tenant }, select: { id: true } })).map((r) => r.id).sort(),
    interactions: (await owner.tenantInteraction.findMany({ where: { tenantId: tenant }, select: { id: true } })).map((r) => r.id).sort(),
  });

  it("keeps them by default, and with 'with_messages' erases the contacts not seen since the cutoff and deletes older summaries and interactions; a second run changes nothing", async () => {
    const keeping = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    const forgetting = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    await owner.tenant.update({ where: { id: forgetting }, data: { derivedDataRetention: 'with_messages' } });
    scope = [keeping, forgetting];
    const kept = await derivedData(keeping);
    const forgot = await derivedData(forgetting);
    const keptBefore = await remaining(keeping);
    expect([keptBefore.contacts.length, keptBefore.summaries.length, keptBefore.interactions.length]).toEqual([4, 3, 2]);

    const run = await scheduler().runOnce();

    expect(run).toMatchObject({
      complete: true,
      failed: 0,
      erasedContacts: 2,
      deletedSummaries: 1,
      deletedInteractions: 1,
      deletedMessages: 80,
    });
    expect(eraser.erased.sort()).toEqual(
      [
        [forgetting, forgot.contacts.older.id],
        [forgetting, forgot.contacts.stale.id],
      ].sort(),
    );
    expect(await remaining(keeping)).toEqual(keptBefore);
    expect(await remaining(forgetting)).toEqual({
      contacts: [forgot.contacts.edge.id, forgot.contacts.recent.id].sort(),
      summaries: [forgot.summaries.oldResummarized, forgot.summaries.recent].sort(),
      interactions: [forgot.interactions.recent],
    });
    expect(keptBefore.summaries).toContain(kept.summaries.old);

    const again = await scheduler().runOnce();
    expect(again).toMatchObject({ complete: true, erasedContacts: 0, deletedSummaries: 0, deletedInteractions: 0, deletedMessages: 0 });
    expect(eraser.erased).toHaveLength(2);
  });

  it('stops the pass of a tenant whose erasure fails, leaves its summaries until the next run, and goes on with the others', async () => {
    const failing = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    const other = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    for (const id of [failing, other]) await owner.tenant.update({ where: { id }, data: { derivedDataRetention: 'with_messages' } });
    scope = [failing, other];
    await derivedData(failing);
    const forgot = await derivedData(other);
    const crm = eraser;
    eraser = new (class extends RecordingEraser {
      override async erase(tenantId: string, contactId: string): Promise<void> {
        if (tenantId === failing) throw new Error('the CRM did not answer');
        await crm.erase(tenantId, contactId);
      }
    })();

    const run = await scheduler().runOnce();

    expect(run).toMatchObject({ complete: false, failed: 1, erasedContacts: 2, deletedSummaries: 1, deletedInteractions: 1 });
    expect((await remaining(failing)).summaries).toHaveLength(3);
    expect((await remaining(other)).contacts).toEqual([forgot.contacts.edge.id, forgot.contacts.recent.id].sort());

    eraser = crm;
    const next = await scheduler().runOnce();
    expect(next).toMatchObject({ complete: true, failed: 0, erasedContacts: 2, deletedSummaries: 1, deletedInteractions: 1 });
    expect((await remaining(failing)).summaries).toHaveLength(2);
  });
});

describe('RetentionRepository under RLS', () => {
  it("cannot read, fold or delete another tenant's rows from a tenant's transaction", async () => {
    const a = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    const b = await tenantWithDailyChats(owner, 30, FIRST, LAST);
    const repo = new RetentionRepository(prisma);
    const db = new TenantDb(prisma);
    const window = {
      timeZone: 'UTC',
      start: new Date('2026-03-01T00:00:00Z'),
      end: new Date('2026-06-01T00:00:00Z'),
      floorDay: '2026-03-01',
    };
    const seen = await db.run(b, async (tx) => ({
      aggregates: await repo.messageAggregates(tx, a, window),
      sessions: await repo.sessionAggregates(tx, a, window),
      first: await repo.firstContentAt(tx, a, null),
      sealedThrough: await repo.sealedThrough(tx, a),
      deleted: await repo.deleteMessagesBefore(tx, a, new Date('2026-06-01T00:00:00Z'), 1000),
    }));
    expect(seen).toEqual({ aggregates: [], sessions: [], first: null, sealedThrough: null, deleted: 0 });
    await expect(db.run(b, (tx) => repo.setSealedThrough(tx, a, new Date('2026-06-01T00:00:00Z')))).rejects.toThrow();
    expect(await owner.usageSeal.findUnique({ where: { tenantId: a } })).toBeNull();
    expect(await messageCount(owner, a)).toBe(ALL_DAYS * 4);
    await expect(
      db.run(b, (tx) =>
        repo.replaceUnsealed(
          tx,
          a,
          ['2026-03-22'],
          [{ day: '2026-03-22', provider: '', model: '', messages: 1, sessions: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 }],
          null,
        ),
      ),
    ).rejects.toThrow();
    expect(await usageRows(owner, a)).toEqual([]);
  });
});
