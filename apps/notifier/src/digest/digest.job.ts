import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { TenantDb } from '@parley/persistence';
import { randomUUID } from 'node:crypto';
import { IntervalJob } from '../common/interval-job.base';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../common/notifier.options';
import { DeliveryWakeup } from '../delivery/delivery-wakeup.signal';
import { DigestRepository, type HeldItem } from './digest.repository';

const RANK: Record<string, number> = { info: 0, warning: 1, critical: 2 };

/** One digest per channel: the held notifications listed, the highest severity among them. */
export function digestOf(items: readonly HeldItem[]): { severity: string; title: string; body: string } {
  const severity = items.reduce((top, i) => ((RANK[i.severity] ?? 0) > (RANK[top] ?? 0) ? i.severity : top), 'info');
  const title = `Daily digest: ${items.length} notification${items.length === 1 ? '' : 's'}`;
  const body = items
    .slice(0, 50)
    .map((i) => `- [${i.severity}] ${i.title}`)
    .concat(items.length > 50 ? [`…and ${items.length - 50} more`] : [])
    .join('\n')
    .slice(0, 4000);
  return { severity, title, body };
}

/**
 * Daily digests: deliveries a rule holds (`digest: true`) become due at the rule's digest hour;
 * this job bundles each channel's due ones into one digest notification and marks them
 * `digested`, in one transaction (a redelivered tick or another replica finds nothing left).
 */
@Injectable()
export class DigestJob extends IntervalJob {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: DigestRepository,
    private readonly wakeup: DeliveryWakeup,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.options.digestIntervalMs;
  }

  protected failureMessage(): string {
    return 'digest run failed';
  }

  protected jobLogger(): Logger {
    return this.logger;
  }

  /** Returns how many digests were created. */
  async runOnce(now = new Date()): Promise<number> {
    let created = 0;
    for (const scope of await this.repo.scopesWithHeld()) {
      created += await this.db.run(scope, async (tx) => {
        const due = await this.repo.lockDue(tx, now);
        const byChannel = new Map<string, HeldItem[]>();
        for (const item of due) byChannel.set(item.channelId, [...(byChannel.get(item.channelId) ?? []), item]);
        for (const [channelId, items] of byChannel) {
          await this.repo.createDigest(tx, scope, {
            id: randomUUID(),
            ...digestOf(items),
            items,
            channelId,
            channelKind: items[0].channelKind,
            now,
          });
        }
        return byChannel.size;
      });
    }
    if (created > 0) {
      this.logger.info({ digests: created }, 'digests created');
      this.wakeup.wake();
    }
    return created;
  }
}
