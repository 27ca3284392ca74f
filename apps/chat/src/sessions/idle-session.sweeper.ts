import { Inject, Injectable } from '@nestjs/common';
import { PrismaService, TenantDb, type PrismaClient } from '@parley/persistence';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';
import { CHAT_OPTIONS, type ChatOptions } from '../common/chat.options';
import { tenantIdPage } from '../common/tenant-registry.repository';
import { enqueueSessionClosed } from './session-closed.event';
import { closeIdleSessions } from './session.repository';

/** Sessions closed per tenant transaction. */
const BATCH_SIZE = 200;
/** Tenants read per page. */
const TENANT_PAGE_SIZE = 500;

/**
 * Closes sessions idle longer than the timeout (reason idle_timeout), writing one
 * evt.chat.session_closed per session in the transaction that closes it.
 *
 * Finding stale sessions across tenants without bypassing RLS: `tenants` has no RLS, so the
 * sweeper pages through tenant ids with the app role and closes each tenant's stale sessions
 * inside TenantDb.run(). Several replicas may sweep at once: rows are claimed with
 * FOR UPDATE SKIP LOCKED and updated only while still open, so each session is closed (and
 * its event written) exactly once.
 */
@Injectable()
export class IdleSessionSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;
  private readonly idleTimeoutMs: number;
  private readonly intervalMs: number;

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    private readonly db: TenantDb,
    @Inject(CHAT_OPTIONS) options: ChatOptions,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
  ) {
    this.idleTimeoutMs = options.chat.idleTimeoutSeconds * 1000;
    this.intervalMs = options.chat.idleSweepIntervalSeconds * 1000;
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over every tenant; returns how many sessions it closed. */
  sweepOnce(now: Date = new Date()): Promise<number> {
    if (!this.running) {
      this.running = this.sweep(now).finally(() => (this.running = undefined));
    }
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.sweepOnce()
        .then((closed) => closed > 0 && this.logger.info({ closed }, 'idle sessions closed'))
        .catch((err: unknown) => this.logger.error({ err }, 'idle session sweep failed'))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  private async sweep(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.idleTimeoutMs);
    const pageSize = TENANT_PAGE_SIZE;
    let closed = 0;
    let after: string | undefined;
    for (;;) {
      const tenants = await tenantIdPage(this.prisma, after, pageSize);
      for (const id of tenants) {
        if (this.stopped) return closed;
        closed += await this.sweepTenant(id, cutoff);
      }
      if (tenants.length < pageSize) return closed;
      after = tenants[tenants.length - 1];
    }
  }

  private async sweepTenant(tenantId: string, cutoff: Date): Promise<number> {
    const batch = BATCH_SIZE;
    let total = 0;
    for (;;) {
      const count = await this.db.run(tenantId, async (tx) => {
        const sessions = await closeIdleSessions(tx, tenantId, cutoff, batch);
        for (const session of sessions) await enqueueSessionClosed(tx, session, 'idle_timeout');
        return sessions.length;
      });
      total += count;
      if (count < batch) return total;
    }
  }
}
