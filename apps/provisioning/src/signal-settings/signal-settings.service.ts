import { Inject, Injectable } from '@nestjs/common';
import {
  TenantUpdatedEvent,
  type RpcRequestOf,
  type RpcResponseOf,
  type SignalSettingsReply,
  type TenantSignalsGetRpc,
  type TenantSignalsSetRpc,
} from '@parley/contracts';
import { enqueueOutbox, type Prisma, type PrismaClient, PrismaService, TenantDb, writeAudit } from '@parley/persistence';
import {
  DEFAULT_CLASSIFIER_THRESHOLDS,
  InvalidSignalRulesError,
  parseTenantSignalSettings,
  type ParsedTenantSignalSettings,
} from '@parley/signals';
import { ProvisioningError } from '../common/provisioning.error';
import { findSignalSettings, writeSignalSettings } from './signal-settings.repository';
import { changedSignalFields, signalSettingsIssues } from './signal-settings.util';

type Stored = { valid: true; settings: ParsedTenantSignalSettings } | { valid: false; settings: Record<string, unknown> };

function readStored(raw: unknown): Stored {
  try {
    return { valid: true, settings: parseTenantSignalSettings(raw ?? {}) };
  } catch (error) {
    if (!(error instanceof InvalidSignalRulesError)) throw error;
    const settings = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    return { valid: false, settings };
  }
}

/**
 * A tenant's own L1a tuning (docs/signals.md, "Per-tenant thresholds"): the rule extension and
 * the classifier's options, stored as one object in `tenants.signal_rules` and read by chat on
 * every turn. Set replaces the whole object after validating it with libs/signals; the change
 * commits with its audit row and evt.tenant.updated (changedFields ['signalRules']).
 */
@Injectable()
export class SignalSettingsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
  ) {}

  async get(req: RpcRequestOf<typeof TenantSignalsGetRpc>): Promise<RpcResponseOf<typeof TenantSignalsGetRpc>> {
    const raw = await findSignalSettings(this.prisma, req.tenantId);
    if (raw === undefined) throw ProvisioningError.notFound('tenant');
    return reply(req.tenantId, readStored(raw));
  }

  async set(req: RpcRequestOf<typeof TenantSignalsSetRpc>): Promise<RpcResponseOf<typeof TenantSignalsSetRpc>> {
    const settings = this.validate(req.settings);
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const raw = await findSignalSettings(tx, req.tenantId);
      if (raw === undefined) throw ProvisioningError.notFound('tenant');
      const before = readStored(raw);
      const changed = changedSignalFields(before.valid ? before.settings : null, settings);
      if (changed.length === 0) return reply(req.tenantId, before);
      await writeSignalSettings(tx, req.tenantId, settings as unknown as Prisma.InputJsonObject);
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'tenant.signals_updated',
        targetType: 'tenant',
        targetId: req.tenantId,
        data: { changedFields: changed },
      });
      await enqueueOutbox(tx, {
        subject: TenantUpdatedEvent.subjectFor(req.tenantId),
        payload: TenantUpdatedEvent.schema.parse({
          version: 1,
          tenantId: req.tenantId,
          changedFields: ['signalRules'],
          occurredAt: new Date().toISOString(),
        }),
      });
      return reply(req.tenantId, { valid: true, settings });
    });
  }

  private validate(input: unknown): ParsedTenantSignalSettings {
    try {
      return parseTenantSignalSettings(input);
    } catch (error) {
      if (!(error instanceof InvalidSignalRulesError)) throw error;
      throw new ProvisioningError('VALIDATION', 'invalid signal settings', { issues: signalSettingsIssues(error) });
    }
  }
}

function reply(tenantId: string, stored: Stored): SignalSettingsReply {
  return {
    version: 1,
    tenantId,
    settings: stored.settings,
    valid: stored.valid,
    defaults: { thresholds: { ...DEFAULT_CLASSIFIER_THRESHOLDS } },
  };
}
