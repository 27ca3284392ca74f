import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NotifyRequestedEvent, type Plan } from '@parley/contracts';
import { EventPublisher, NatsClient } from '@parley/messaging';
import type { BillingPeriod } from '@parley/contracts/calendar';
import type { QuotaDimension, QuotaThreshold, QuotaUsage } from './quota.policy';

export interface QuotaNotice {
  tenantId: string;
  plan: Pick<Plan, 'name' | 'capMode' | 'includedMessages' | 'includedTokens'>;
  period: BillingPeriod;
  timezone: string;
  threshold: QuotaThreshold;
  dimension: QuotaDimension;
  usage: QuotaUsage;
}

/** A stable uuid per tenant, period and threshold (RFC 9562 version 8 from SHA-256), so the notifier stores each notice once. */
export function quotaNoticeId(tenantId: string, period: string, threshold: number): string {
  const hex = createHash('sha256').update(`parley:quota:${tenantId}:${period}:${threshold}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Asks the notifier to tell a tenant that its usage reached 80% or 100% of an included amount
 * (evt.notify.requested, ADR 0025). The gateway has no database, so there is no outbox: the event
 * goes to JetStream directly, acknowledged by the stream, with Nats-Msg-Id and notificationId
 * derived from tenant, period and threshold: a repeat within the duplicate window is dropped by
 * JetStream, and any later repeat by the notifier's own idempotency on the notification id. A
 * publish that fails throws; the caller gives its claim back so a later turn tries again.
 */
@Injectable()
export class QuotaNotices {
  private readonly publisher: EventPublisher;

  constructor(@Inject(NatsClient) nats: NatsClient) {
    this.publisher = new EventPublisher(nats);
  }

  async publish(notice: QuotaNotice): Promise<void> {
    const id = quotaNoticeId(notice.tenantId, notice.period.key, notice.threshold);
    await this.publisher.publish(
      NotifyRequestedEvent,
      {
        version: 1,
        tenantId: notice.tenantId,
        notificationId: id,
        audience: 'tenant',
        category: 'system',
        kind: 'system',
        severity: notice.threshold >= 100 ? 'critical' : 'warning',
        title: title(notice),
        body: body(notice),
        link: '/billing',
        channels: [],
        occurredAt: new Date().toISOString(),
      },
      { msgId: `quota:${notice.tenantId}:${notice.period.key}:${notice.threshold}`, tenantId: notice.tenantId },
    );
  }
}

function title(n: QuotaNotice): string {
  return `${n.threshold}% of the ${n.dimension} included in your plan used`;
}

function body(n: QuotaNotice): string {
  const included = n.dimension === 'messages' ? n.plan.includedMessages : n.plan.includedTokens;
  const used = n.dimension === 'messages' ? n.usage.messages : n.usage.tokens;
  const resets = `${n.period.endsAt.toISOString()} (local midnight, ${n.timezone})`;
  const then =
    n.plan.capMode === 'hard'
      ? n.threshold >= 100
        ? `New chat turns are refused until the period resets at ${resets}.`
        : `At 100%, new chat turns are refused until the period resets at ${resets}.`
      : `Usage over the allowance is served and billed as overage; the period resets at ${resets}.`;
  return `Plan ${n.plan.name}: ${used} of ${included} ${n.dimension} used in period ${n.period.key}. ${then}`;
}
