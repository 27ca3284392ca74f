import { Injectable } from '@nestjs/common';
import type { Prisma, TenantTx } from '@parley/persistence';

// client-insights' tables that a contact's erasure must clear, in the erasure's own transaction
// (the same reasoning as ADR 0015 for chat's tables: all or nothing). Aggregates are redacted
// before storage, so normally nothing here names the contact; this removes what older rows or a
// missed pattern left: the session's link to the contact, term keys that quote an identifier, and
// rollups or alerts whose JSON quotes one.

const REDACTED = '[redacted]';
const TEXT_TERM_KINDS = ['topic', 'unmet_need'];

function scrubJson(value: unknown, needles: readonly string[]): { value: unknown; changed: boolean } {
  let text = JSON.stringify(value);
  const before = text;
  for (const needle of needles) {
    const escaped = JSON.stringify(needle)
      .slice(1, -1)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(escaped, 'gi'), REDACTED);
  }
  return { value: JSON.parse(text) as unknown, changed: text !== before };
}

@Injectable()
export class InsightTablesRepository {
  /** insight_sessions.contact_id of the contact's sessions to NULL (its sessions stay counted, anonymously). */
  async detachSessions(tx: TenantTx, contactId: string): Promise<number> {
    const { count } = await tx.insightSession.updateMany({ where: { contactId }, data: { contactId: null } });
    return count;
  }

  /** A contact merge: insight_sessions of the merged contact now name the one kept (returning visitors count right). */
  async moveSessions(tx: TenantTx, fromContactId: string, toContactId: string): Promise<number> {
    const { count } = await tx.insightSession.updateMany({ where: { contactId: fromContactId }, data: { contactId: toContactId } });
    return count;
  }

  /** Deletes topic and unmet-need term rows whose key contains one of the identifiers (keys are lower case). */
  async deleteTermsQuoting(tx: TenantTx, needles: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const needle of needles) {
      const { count } = await tx.insightHourlyTerm.deleteMany({
        where: { kind: { in: TEXT_TERM_KINDS }, key: { contains: needle.toLowerCase() } },
      });
      deleted += count;
    }
    return deleted;
  }

  /** Rewrites rollups and alerts whose JSON quotes one of the identifiers, replacing it with a placeholder. */
  async scrubRollupsAndAlerts(tx: TenantTx, needles: readonly string[]): Promise<number> {
    if (needles.length === 0) return 0;
    let changed = 0;
    const rollups = await tx.insightRollup.findMany({ select: { id: true, metrics: true, insights: true } });
    for (const r of rollups) {
      const metrics = scrubJson(r.metrics, needles);
      const insights = scrubJson(r.insights, needles);
      if (!metrics.changed && !insights.changed) continue;
      await tx.insightRollup.update({
        where: { id: r.id },
        data: { metrics: metrics.value as Prisma.InputJsonValue, insights: insights.value as Prisma.InputJsonValue },
      });
      changed += 1;
    }
    const alerts = await tx.insightAlert.findMany({ select: { id: true, details: true } });
    for (const a of alerts) {
      const details = scrubJson(a.details, needles);
      if (!details.changed) continue;
      await tx.insightAlert.update({ where: { id: a.id }, data: { details: details.value as Prisma.InputJsonValue } });
      changed += 1;
    }
    return changed;
  }
}
