import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  activeSwitchNames,
  CHAT_DEGRADE_AUTOMATIC_SUBJECT,
  PLATFORM_TENANT_ID,
  unionOfSwitches,
  type ChatDegradeAutomatic,
  type ChatDegradeStatus,
  type DegradeSwitches,
} from '@parley/contracts';
import { encodeJson, NatsClient, TenantKeyedCache, type MessagingConnection } from '@parley/messaging';
import { PrismaService, TenantDb, type Db } from '@parley/persistence';
import { hostname } from 'node:os';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';
import { CHAT_OPTIONS, type ChatOptions } from '../common/chat.options';
import { TURN_TX_MAX_WAIT_MS } from '../turn/turn.repository';
import { DegradeMetrics } from './degrade.metrics';
import { countDegradedTenants, readPlatformSwitches, readTenantSwitches } from './degrade-switches.repository';
import { OverloadController, type Clock, type ModelCallOutcome } from './overload.controller';

/** Injection token of the automatic controller's clock (Date.now in production). */
export const DEGRADE_CLOCK = Symbol('DEGRADE_CLOCK');

/** The switches one turn runs with, and where they came from (for the log line). */
export interface TurnDegrade {
  switches: DegradeSwitches;
  automatic: DegradeSwitches;
}

/**
 * The degrade mode of this chat replica (ADR 0022). A turn's switches are the union of the
 * owner's platform switches, the owner's switches for its tenant (both cached like the tenant's
 * runtime: evt.tenant.updated with changedFields ['degrade'] drops them on every replica, the
 * platform's under PLATFORM_TENANT_ID) and the automatic ones of the OverloadController, which
 * is evaluated on every turn and every CHAT_DEGRADE_EVALUATE_INTERVAL_MS (so it also clears
 * without traffic). The interval also refreshes the parley_degrade_* gauges and publishes the
 * automatic switches on CHAT_DEGRADE_AUTOMATIC_SUBJECT (also at once on a change), valid for three
 * intervals: tenant-intelligence follows skip_model_extraction from them.
 */
@Injectable()
export class DegradeState implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly cache: TenantKeyedCache<DegradeSwitches>;
  private readonly controller: OverloadController;
  private readonly replica = hostname();
  private inFlight = 0;
  private automatic: DegradeSwitches;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PrismaService) private readonly prisma: Db,
    private readonly tenantDb: TenantDb,
    private readonly metrics: DegradeMetrics,
    @Inject(DEGRADE_CLOCK) clock: Clock,
    @Inject(CHAT_OPTIONS) private readonly options: ChatOptions,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
    @Inject(NatsClient) private readonly nats: MessagingConnection,
  ) {
    this.cache = new TenantKeyedCache(
      (tenantId) =>
        tenantId === PLATFORM_TENANT_ID ? readPlatformSwitches(prisma) : readTenantSwitches(tenantDb, tenantId, TURN_TX_MAX_WAIT_MS),
      options.chat.tenantCacheTtlMs,
    );
    this.controller = new OverloadController(options.chat.degrade, clock);
    this.automatic = this.controller.switches();
  }

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.chat.degrade.evaluateIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** A turn starts: counted in flight until `release` is called. */
  turnStarted(): () => void {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
    };
  }

  /** The switches of a turn of `tenantId` now (evaluates the automatic controller first). */
  async forTurn(tenantId: string): Promise<TurnDegrade> {
    const automatic = this.evaluate();
    const [global, tenant] = await Promise.all([this.cache.get(PLATFORM_TENANT_ID), this.cache.get(tenantId)]);
    return { switches: unionOfSwitches(global, tenant, automatic), automatic };
  }

  /** Counts one model generation's outcome (turns whose chain has a model). */
  recordModelCall(outcome: ModelCallOutcome): void {
    this.controller.record(outcome);
  }

  /** Drops the cached switches of a tenant, or the platform's (PLATFORM_TENANT_ID). */
  invalidate(tenantId: string): void {
    this.cache.invalidate(tenantId);
  }

  clear(): void {
    this.cache.clear();
  }

  /** This replica's automatic mode (chat.degrade.status). */
  status(): ChatDegradeStatus {
    const switches = this.evaluate();
    return {
      version: 1,
      replica: this.replica,
      enabled: this.options.chat.degrade.autoEnabled,
      switches,
      signals: this.controller.signals(),
    };
  }

  private evaluate(): DegradeSwitches {
    const before = activeSwitchNames(this.automatic).join(',');
    this.automatic = this.controller.evaluate(this.inFlight);
    const after = activeSwitchNames(this.automatic).join(',');
    if (before !== after) {
      const signals = this.controller.signals();
      this.logger.warn({ from: before || 'none', to: after || 'none', signals }, 'automatic degrade mode changed');
      this.metrics.flags('automatic', this.automatic);
      this.metrics.signals(signals);
      this.announce();
    }
    return this.automatic;
  }

  /** Publishes this replica's automatic switches (NATS core; a lost message is replaced on the next interval). */
  private announce(): void {
    const message: ChatDegradeAutomatic = {
      version: 1,
      // Replicas on one host (tests, local runs) are told apart by their process.
      replica: `${this.replica}/${process.pid}`,
      switches: this.automatic,
      validForMs: 3 * this.options.chat.degrade.evaluateIntervalMs,
    };
    try {
      this.nats.nc.publish(this.nats.namer.subject(CHAT_DEGRADE_AUTOMATIC_SUBJECT), encodeJson(message));
    } catch (err) {
      this.logger.warn({ err }, 'automatic degrade switches not published');
    }
  }

  /** The interval's work: re-judge without traffic, announce, and refresh the gauges from the database. */
  private async refresh(): Promise<void> {
    this.evaluate();
    this.announce();
    this.metrics.flags('automatic', this.automatic);
    this.metrics.signals(this.controller.signals());
    try {
      const [global, counts] = await Promise.all([readPlatformSwitches(this.prisma), countDegradedTenants(this.prisma)]);
      this.metrics.flags('global', global);
      this.metrics.tenantCounts(counts);
    } catch (err) {
      this.logger.warn({ err }, 'degrade gauges not refreshed');
    }
  }
}
