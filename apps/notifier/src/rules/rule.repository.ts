import { Injectable } from '@nestjs/common';
import { PLATFORM_TENANT_ID, type RuleInput } from '@parley/contracts';
import { isRecordNotFound, isUniqueViolation, Prisma, type NotificationRuleModel, type TenantTx } from '@parley/persistence';
import { NotifierError } from '../common/notifier.error';

export type RuleRow = NotificationRuleModel;

const nameTaken = () =>
  new NotifierError('CONFLICT', 'a rule with this name exists', {
    issues: [{ path: 'rule.name', code: 'conflict', message: 'a rule with this name exists' }],
  });

function columns(rule: RuleInput) {
  return {
    name: rule.name,
    enabled: rule.enabled,
    kinds: rule.kinds,
    minSeverity: rule.minSeverity,
    channelIds: rule.channelIds,
    inboxUserIds: rule.inboxUserIds,
    inboxRoles: rule.inboxRoles,
    quietHours: rule.quietHours ?? Prisma.DbNull,
    digest: rule.digest,
    digestHour: rule.digestHour,
  };
}

/** notification_rules of one scope, and the user ids a rule may name. */
@Injectable()
export class RuleRepository {
  list(tx: TenantTx, scope: string): Promise<RuleRow[]> {
    return tx.notificationRule.findMany({ where: { tenantId: scope }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  async get(tx: TenantTx, scope: string, id: string): Promise<RuleRow> {
    const row = await tx.notificationRule.findFirst({ where: { id, tenantId: scope } });
    if (!row) throw NotifierError.notFound('rule');
    return row;
  }

  /** The ids among `ids` that are users of the scope (staff of the tenant, or owners). */
  async knownUsers(tx: TenantTx, scope: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows =
      scope === PLATFORM_TENANT_ID
        ? await tx.platformUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })
        : await tx.tenantUser.findMany({ where: { tenantId: scope, id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  async create(tx: TenantTx, scope: string, rule: RuleInput): Promise<RuleRow> {
    try {
      return await tx.notificationRule.create({ data: { tenantId: scope, ...columns(rule) } });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }

  async replace(tx: TenantTx, id: string, rule: RuleInput): Promise<RuleRow> {
    try {
      return await tx.notificationRule.update({ where: { id }, data: columns(rule) });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      if (isRecordNotFound(error)) throw NotifierError.notFound('rule');
      throw error;
    }
  }

  /** NOT_FOUND when another request deleted it first. */
  async remove(tx: TenantTx, id: string): Promise<void> {
    const { count } = await tx.notificationRule.deleteMany({ where: { id } });
    if (count === 0) throw NotifierError.notFound('rule');
  }
}
