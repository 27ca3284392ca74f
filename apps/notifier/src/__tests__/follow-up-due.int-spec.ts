// "Follow-up due" over the real database as the app role: an L2 summary's follow-up (stored by
// tenant-intelligence in session_summaries) and a model's create_follow_up get one `follow_up`
// notification when their due time comes and they are still open, routed like any other (here:
// the staff inbox); never before, never twice (a second run, a second replica), never when the
// follow-up was closed meanwhile or is long overdue.
import { randomUUID } from 'node:crypto';
import type { ActionRequested } from '@parley/contracts';
import { createChatSession, createTenant, createTenantUser } from '@parley/testing';
import { FollowUpDueJob } from '../follow-ups/follow-up-due.job';
import { FollowUpDueRepository } from '../follow-ups/follow-up-due.repository';
import { followUpDueAt } from '../follow-ups/follow-up-due.util';
import { notificationIntakeRoutes } from '../intake/notification-intake.handler';
import { silent, startHarness, type Harness } from './dispatch.harness';

const databases = { app: process.env.TEST_DATABASE_URL as string, owner: process.env.TEST_DATABASE_OWNER_URL as string };
const HOUR = 3_600_000;

describe('follow-ups falling due (real database, app role)', () => {
  let h: Harness;
  let job: FollowUpDueJob;
  let replica: FollowUpDueJob;

  beforeAll(() => {
    h = startHarness(databases);
    job = new FollowUpDueJob(h.db, new FollowUpDueRepository(h.prisma), h.intake, h.options, silent);
    replica = new FollowUpDueJob(h.db, new FollowUpDueRepository(h.prisma), h.intake, h.options, silent);
  });
  afterAll(() => h.close());

  /** A tenant in London with one admin, and an L2 summary written as tenant-intelligence writes it. */
  async function summaryWith(items: Array<{ action: string; due: string | null }>, createdAt: Date, outcome = 'needs_follow_up') {
    const tenant = await createTenant(h.owner, { timezone: 'Europe/London' });
    const admin = await createTenantUser(h.owner, tenant.id, { role: 'tenant_admin' });
    const session = await createChatSession(h.owner, tenant.id);
    const summary = await h.owner.sessionSummary.create({
      data: { tenantId: tenant.id, sessionId: session.id, summary: 'Dave asked for a call back', outcome, actionItems: items, createdAt },
    });
    return { tenant, admin, session, summary };
  }

  const reminders = (tenantId: string) =>
    h.db.run(tenantId, (tx) =>
      tx.notification.findMany({
        where: { tenantId, source: 'follow_up.due' },
        include: { deliveries: true },
        orderBy: { createdAt: 'asc' },
      }),
    );

  // Wednesday 2 December 2026, 15:30 in London: "tomorrow" falls due on Thursday at 09:00.
  const created = new Date('2026-12-02T15:30:00Z');
  const due = new Date('2026-12-03T09:00:00Z');

  it("reminds an L2 summary's follow-up once when it falls due, in the staff inbox", async () => {
    const { tenant, admin, session, summary } = await summaryWith(
      [
        { action: 'Call Dave back on 07700 900123', due: 'tomorrow' },
        { action: 'Reply to the customer: they asked for a person', due: null },
      ],
      created,
    );
    await job.runOnce(new Date(due.getTime() - 60_000));
    expect(await reminders(tenant.id)).toEqual([]);

    await job.runOnce(new Date(due.getTime() + 60_000));
    const [reminder, ...more] = await reminders(tenant.id);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      kind: 'follow_up',
      severity: 'warning',
      title: 'Follow-up due: Call Dave back on 07700 900123',
      link: `/sessions/${session.id}/summary`,
      occurredAt: due,
      data: { followUpKey: `summary:${summary.id}:0`, due: 'tomorrow', dueAt: due.toISOString() },
    });
    expect(reminder.deliveries.map((d) => [d.channelKind, d.recipientUserId])).toEqual([['inbox', admin.id]]);

    // Later runs, another replica, a restarted notifier: nothing more.
    await job.runOnce(new Date(due.getTime() + 2 * 60_000));
    await replica.runOnce(new Date(due.getTime() + HOUR));
    const restarted = startHarness(databases);
    try {
      await new FollowUpDueJob(
        restarted.db,
        new FollowUpDueRepository(restarted.prisma),
        restarted.intake,
        restarted.options,
        silent,
      ).runOnce(new Date(due.getTime() + 2 * HOUR));
    } finally {
      await restarted.close();
    }
    expect(await reminders(tenant.id)).toHaveLength(1);
    expect(
      await h.db.run(tenant.id, (tx) =>
        tx.followUpReminder.findMany({ where: { tenantId: tenant.id }, select: { followUpKey: true, dueAt: true } }),
      ),
    ).toEqual([{ followUpKey: `summary:${summary.id}:0`, dueAt: due }]);
  });

  it('reminds once when two replicas run at the same moment', async () => {
    const { tenant } = await summaryWith([{ action: 'Send Mrs Jones a quote', due: 'tomorrow' }], created);
    const at = new Date(due.getTime() + 60_000);
    await Promise.all([job.runOnce(at), replica.runOnce(at), job.runOnce(at)]);
    expect(await reminders(tenant.id)).toHaveLength(1);
  });

  it('says nothing for a follow-up closed meanwhile (the session was summarised again without it)', async () => {
    const { tenant, summary } = await summaryWith([{ action: 'Confirm the booking', due: 'tomorrow' }], created);
    await h.owner.sessionSummary.update({ where: { id: summary.id }, data: { outcome: 'resolved', actionItems: [] } });
    await job.runOnce(new Date(due.getTime() + 60_000));
    expect(await reminders(tenant.id)).toEqual([]);
  });

  it('does not remind a follow-up long overdue (more than a day past its due time without a reminder)', async () => {
    const { tenant } = await summaryWith([{ action: 'Call back', due: 'tomorrow' }], created);
    await job.runOnce(new Date(due.getTime() + 25 * HOUR));
    expect(await reminders(tenant.id)).toEqual([]);
  });

  it("reminds a model's create_follow_up when its due day comes", async () => {
    const tenant = await createTenant(h.owner, { timezone: 'Europe/London' });
    await createTenantUser(h.owner, tenant.id, { role: 'tenant_admin' });
    const action: ActionRequested = {
      version: 1,
      tenantId: tenant.id,
      actionId: randomUUID(),
      sessionId: randomUUID(),
      turnId: randomUUID(),
      contactId: null,
      type: 'create_follow_up',
      label: 'Follow-up created for the team',
      params: { what: 'Check the boiler part has arrived', due: 'by Friday' },
      occurredAt: new Date().toISOString(),
    };
    await notificationIntakeRoutes(h.intake, h.outcomes, silent)[2].handle(action as never, { msgId: randomUUID() } as never);
    const stored = await h.db.run(tenant.id, (tx) => tx.notification.findUniqueOrThrow({ where: { id: action.actionId } }));
    // The coming Friday, 09:00 in London (the words are read by followUpDueAt, unit-tested on its own).
    const expected = followUpDueAt('by Friday', stored.createdAt, 'Europe/London') as Date;
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', hour: '2-digit', hourCycle: 'h23' }).format(expected),
    ).toBe('Friday, 09');
    await job.runOnce(new Date(expected.getTime() - 60_000));
    expect(await reminders(tenant.id)).toEqual([]);
    await job.runOnce(new Date(expected.getTime() + 60_000));
    await job.runOnce(new Date(expected.getTime() + 2 * 60_000));
    const found = await reminders(tenant.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      title: 'Follow-up due: Check the boiler part has arrived',
      link: `/sessions/${action.sessionId}`,
      data: { followUpKey: `action:${action.actionId}`, due: 'by Friday' },
    });
  });
});
