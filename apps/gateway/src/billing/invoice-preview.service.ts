import { Inject, Injectable, Optional } from '@nestjs/common';
import { UsagePeriodTotalsRpc } from '@parley/contracts';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { currentPeriod, previousPeriod } from '@parley/contracts/calendar';
import { QUOTA_CLOCK, type QuotaClock } from '../quota/quota.service';
import { computeInvoice } from './invoice.calculator';
import { toInvoicePreviewAnswer, type InvoicePreviewAnswer } from './invoice-preview.schemas';

/**
 * A tenant's invoice preview for the current or the last period (ADR 0025): the period is the
 * calendar month in the tenant's time zone; the quantities are usage_daily's billed usage of its
 * days (client-insights, insights.usage.period_totals), so the current period is as fresh as the
 * retention job's last refresh; the prices are the tenant's plan now (a plan change mid-period is
 * not prorated). No plan: not invoiced.
 */
@Injectable()
export class InvoicePreviewService {
  constructor(
    @Inject(TenantSettingsCache) private readonly settings: TenantSettingsCache,
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Optional() @Inject(QUOTA_CLOCK) private readonly clock: QuotaClock = () => new Date(),
  ) {}

  async preview(tenantId: string, which: 'current' | 'last'): Promise<InvoicePreviewAnswer> {
    const settings = await this.settings.get(tenantId);
    const now = this.clock();
    const period = which === 'current' ? currentPeriod(now, settings.timezone) : previousPeriod(now, settings.timezone);
    const totals = await this.rpc.call(UsagePeriodTotalsRpc, { version: 1, tenantId, from: period.from, to: period.to });
    const invoice = settings.plan ? computeInvoice(settings.plan, totals.usage) : null;
    return toInvoicePreviewAnswer({
      tenantId,
      which,
      period,
      timezone: settings.timezone,
      plan: settings.plan,
      usage: totals.usage,
      invoice,
    });
  }
}
