import { Global, Module } from '@nestjs/common';
import { QuotaCounters } from './quota-counters.store';
import { QuotaGuard } from './quota.guard';
import { QuotaNotices } from './quota-notices.publisher';
import { QuotaReconciler } from './quota.reconciler';
import { QuotaService } from './quota.service';

/**
 * Plans and quotas at the gateway (docs/adr/0025-plans-quotas-invoice-preview.md): the live
 * counters, the turn routes' guard, the 80% / 100% notices and the periodic reconcile. Global so
 * the turn routes' guard and ChatTurnClient find QuotaService. Needs ServiceRuntimeModule (Redis,
 * NATS, metrics) and GatewayHttpModule (TenantSettingsCache, GatewayRpc).
 */
@Global()
@Module({
  providers: [QuotaCounters, QuotaNotices, QuotaService, QuotaGuard, QuotaReconciler],
  exports: [QuotaService, QuotaGuard],
})
export class QuotaModule {}
