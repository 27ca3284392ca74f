import { Inject, Injectable } from '@nestjs/common';
import { EVENT_NAMES } from '@parley/contracts';
import { PrismaService, type PrismaClient, type TenantTx } from '@parley/persistence';

/** A follow-up that may fall due: an L2 summary's item, or a model's create_follow_up. */
export interface FollowUpCandidate {
  /** `summary:<summary id>:<item index>` or `action:<action id>`: what a reminder is keyed by. */
  key: string;
  action: string;
  /** The due time in words, as stored. */
  due: string;
  createdAt: Date;
  link: string;
  origin: { kind: 'summary'; summaryId: string; index: number } | { kind: 'action'; notificationId: string };
}

/**
 * Follow-ups and their reminders. Reads tenant-intelligence's `session_summaries` (the L2
 * follow-ups and their due day; read only, ADR 0015) and the notifier's own follow-up
 * notifications; writes only `follow_up_reminders`. Scopes across tenants come from the
 * SECURITY DEFINER `follow_up_scopes` (tenant ids only), everything else is read under RLS.
 */
@Injectable()
export class FollowUpDueRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaClient) {}

  async scopes(since: Date): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<Array<{ tenant_id: string }>>`SELECT tenant_id FROM follow_up_scopes(${since}::timestamptz)`;
    return rows.map((r) => r.tenant_id);
  }

  async timeZone(tx: TenantTx, scope: string): Promise<string> {
    const tenant = await tx.tenant.findUnique({ where: { id: scope }, select: { timezone: true } });
    return tenant?.timezone ?? 'UTC';
  }

  /** Open follow-ups with a due day created since `since`. */
  async candidates(tx: TenantTx, scope: string, since: Date): Promise<FollowUpCandidate[]> {
    const summaries = await tx.sessionSummary.findMany({
      where: { tenantId: scope, createdAt: { gte: since }, outcome: 'needs_follow_up' },
      select: { id: true, sessionId: true, contactId: true, actionItems: true, createdAt: true },
    });
    const fromSummaries = summaries.flatMap((s) =>
      summaryItems(s.actionItems).flatMap((item, index) =>
        item.due
          ? [
              {
                key: `summary:${s.id}:${index}`,
                action: item.action,
                due: item.due,
                createdAt: s.createdAt,
                link: s.contactId ? `/contacts/${s.contactId}` : `/sessions/${s.sessionId}/summary`,
                origin: { kind: 'summary' as const, summaryId: s.id, index },
              },
            ]
          : [],
      ),
    );
    const actions = await tx.notification.findMany({
      where: { tenantId: scope, createdAt: { gte: since }, kind: 'follow_up', source: EVENT_NAMES.actionRequested },
      select: { id: true, title: true, link: true, data: true, createdAt: true },
    });
    const fromActions = actions.flatMap((n) => {
      const data = (n.data ?? {}) as { due?: unknown; params?: { what?: unknown } };
      if (typeof data.due !== 'string' || !data.due) return [];
      const what = typeof data.params?.what === 'string' ? data.params.what : n.title.replace(/^Follow-up: /, '');
      return [
        {
          key: `action:${n.id}`,
          action: what,
          due: data.due,
          createdAt: n.createdAt,
          link: n.link ?? '/notifications',
          origin: { kind: 'action' as const, notificationId: n.id },
        },
      ];
    });
    return [...fromSummaries, ...fromActions];
  }

  async reminded(tx: TenantTx, scope: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await tx.followUpReminder.findMany({
      where: { tenantId: scope, followUpKey: { in: [...keys] } },
      select: { followUpKey: true },
    });
    return new Set(rows.map((r) => r.followUpKey));
  }

  /** Still open: the summary still asks for it (not re-summarised away, not erased), or the model's follow-up is still there. */
  async stillOpen(tx: TenantTx, candidate: FollowUpCandidate): Promise<boolean> {
    if (candidate.origin.kind === 'action') return (await tx.notification.count({ where: { id: candidate.origin.notificationId } })) === 1;
    const summary = await tx.sessionSummary.findUnique({
      where: { id: candidate.origin.summaryId },
      select: { outcome: true, actionItems: true },
    });
    if (!summary || summary.outcome !== 'needs_follow_up') return false;
    const item = summaryItems(summary.actionItems)[candidate.origin.index];
    return item?.action === candidate.action && item.due === candidate.due;
  }

  /** Records the reminder; false when this follow-up was reminded already (another run or replica). */
  async claim(tx: TenantTx, scope: string, key: string, dueAt: Date, notificationId: string): Promise<boolean> {
    const created = await tx.followUpReminder.createMany({
      data: [{ tenantId: scope, followUpKey: key, dueAt, notificationId }],
      skipDuplicates: true,
    });
    return created.count === 1;
  }
}

/** session_summaries.action_items: `[{action, due}]` as L2 writes it; anything else is skipped. */
function summaryItems(json: unknown): Array<{ action: string; due: string | null }> {
  if (!Array.isArray(json)) return [];
  return json.map((raw) => {
    const item = (raw ?? {}) as { action?: unknown; due?: unknown };
    return { action: typeof item.action === 'string' ? item.action : '', due: typeof item.due === 'string' ? item.due : null };
  });
}
