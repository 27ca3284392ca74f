import { Inject, Injectable } from '@nestjs/common';
import {
  alertSeveritySchema,
  notificationKindSchema,
  PLATFORM_TENANT_ID,
  quietHoursSchema,
  type Actor,
  type NotifierRuleDeleteRpc,
  type NotifierRuleListRpc,
  type NotifierRulePutRpc,
  type RpcRequestOf,
  type RpcResponseOf,
  type RuleInput,
  type RuleView,
} from '@parley/contracts';
import { TenantDb, writeAudit, type TenantTx } from '@parley/persistence';
import { ChannelRepository } from '../channel-admin/channel.repository';
import { NotifierError } from '../common/notifier.error';
import { RuleRepository, type RuleRow } from './rule.repository';

function toRuleView(row: RuleRow): RuleView {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    kinds: row.kinds.flatMap((k) => (notificationKindSchema.safeParse(k).success ? [notificationKindSchema.parse(k)] : [])),
    minSeverity: alertSeveritySchema.catch('info').parse(row.minSeverity),
    channelIds: row.channelIds,
    inboxUserIds: row.inboxUserIds,
    inboxRoles: row.inboxRoles.filter(
      (r): r is RuleView['inboxRoles'][number] => r === 'tenant_admin' || r === 'tenant_agent' || r === 'owner',
    ),
    quietHours: row.quietHours === null ? null : quietHoursSchema.nullable().catch(null).parse(row.quietHours),
    digest: row.digest,
    digestHour: row.digestHour,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Routing rules: which kinds go to which channels and inboxes, quiet hours, daily digests. */
@Injectable()
export class RulesService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: RuleRepository,
    private readonly channels: ChannelRepository,
  ) {}

  async list(req: RpcRequestOf<typeof NotifierRuleListRpc>): Promise<RpcResponseOf<typeof NotifierRuleListRpc>> {
    const rows = await this.db.run(req.tenantId, (tx) => this.repo.list(tx, req.tenantId));
    return { version: 1, items: rows.map(toRuleView), defaults: rows.length === 0 };
  }

  async put(req: RpcRequestOf<typeof NotifierRulePutRpc>): Promise<RpcResponseOf<typeof NotifierRulePutRpc>> {
    const row = await this.db.run(req.tenantId, async (tx) => {
      await this.check(tx, req.tenantId, req.rule);
      const saved = req.ruleId
        ? await this.repo.replace(tx, (await this.repo.get(tx, req.tenantId, req.ruleId)).id, req.rule)
        : await this.repo.create(tx, req.tenantId, req.rule);
      await this.audit(
        tx,
        req.tenantId,
        req.actor,
        req.ruleId ? 'notification_rule.updated' : 'notification_rule.created',
        saved.id,
        saved.name,
      );
      return saved;
    });
    return { version: 1, rule: toRuleView(row) };
  }

  async remove(req: RpcRequestOf<typeof NotifierRuleDeleteRpc>): Promise<RpcResponseOf<typeof NotifierRuleDeleteRpc>> {
    await this.db.run(req.tenantId, async (tx) => {
      const rule = await this.repo.get(tx, req.tenantId, req.ruleId);
      await this.repo.remove(tx, rule.id);
      await this.audit(tx, req.tenantId, req.actor, 'notification_rule.deleted', rule.id, rule.name);
    });
    return { version: 1, ruleId: req.ruleId };
  }

  /** A rule may only name the scope's own channels and users, and roles that exist in it. */
  private async check(tx: TenantTx, scope: string, rule: RuleInput): Promise<void> {
    const channels = await this.channels.existing(tx, scope, rule.channelIds);
    rule.channelIds.forEach((id, i) => {
      if (!channels.has(id)) throw NotifierError.invalid(`rule.channelIds.${i}`, 'no such channel');
    });
    const users = await this.repo.knownUsers(tx, scope, rule.inboxUserIds);
    rule.inboxUserIds.forEach((id, i) => {
      if (!users.has(id)) throw NotifierError.invalid(`rule.inboxUserIds.${i}`, 'no such user');
    });
    const owner = scope === PLATFORM_TENANT_ID;
    rule.inboxRoles.forEach((role, i) => {
      if ((role === 'owner') !== owner)
        throw NotifierError.invalid(
          `rule.inboxRoles.${i}`,
          owner ? 'the owner scope has only the owner role' : 'a tenant has the roles tenant_admin and tenant_agent',
        );
    });
    if (rule.quietHours?.timezone && !validTimeZone(rule.quietHours.timezone))
      throw NotifierError.invalid('rule.quietHours.timezone', 'not an IANA time zone');
  }

  private async audit(tx: TenantTx, scope: string, actor: Actor, action: string, ruleId: string, name: string): Promise<void> {
    // The owner's own rules go to the platform chain (no tenant).
    await writeAudit(tx, {
      tenantId: scope === PLATFORM_TENANT_ID ? null : scope,
      actor,
      action,
      targetType: 'notification_rule',
      targetId: ruleId,
      data: { name },
    });
  }
}
