import { Inject, Injectable } from '@nestjs/common';
import { DEGRADE_SWITCH_FIELDS, DEGRADE_SWITCH_NAMES, type DegradeSwitches, type OverloadSignal } from '@parley/contracts';
import { ServiceMetrics } from '@parley/observability';
import type { Gauge } from 'prom-client';

export type DegradeScope = 'global' | 'tenant' | 'automatic';

/**
 * parley_degrade_active{switch, scope}: 1 when the platform switch (scope `global`) or this
 * replica's automatic switch (scope `automatic`) is on; for scope `tenant`, how many tenants
 * have the switch on. parley_degrade_signal{signal}: the automatic controller's inputs
 * (provider_error_rate as a fraction, -1 while too few calls to judge; in_flight_turns).
 */
@Injectable()
export class DegradeMetrics {
  private readonly active: Gauge<'switch' | 'scope'>;
  private readonly signal: Gauge<'signal'>;

  constructor(@Inject(ServiceMetrics) metrics: Pick<ServiceMetrics, 'gauge'>) {
    this.active = metrics.gauge({
      name: 'parley_degrade_active',
      help: 'Degrade switches on: 1/0 for scope global and automatic (this replica), the number of tenants for scope tenant.',
      labelNames: ['switch', 'scope'],
    });
    this.signal = metrics.gauge({
      name: 'parley_degrade_signal',
      help: "The automatic degrade controller's inputs on this replica: provider_error_rate (fraction; -1 = too few calls) and in_flight_turns.",
      labelNames: ['signal'],
    });
    for (const scope of ['global', 'tenant', 'automatic'] as const) {
      for (const name of DEGRADE_SWITCH_NAMES) this.active.set({ switch: name, scope }, 0);
    }
  }

  /** Scope global/automatic: 1 or 0 per switch. */
  flags(scope: Exclude<DegradeScope, 'tenant'>, switches: DegradeSwitches): void {
    for (const name of DEGRADE_SWITCH_NAMES) this.active.set({ switch: name, scope }, switches[DEGRADE_SWITCH_FIELDS[name]] ? 1 : 0);
  }

  /** Scope tenant: the number of tenants per switch. */
  tenantCounts(counts: Record<keyof DegradeSwitches, number>): void {
    for (const name of DEGRADE_SWITCH_NAMES) this.active.set({ switch: name, scope: 'tenant' }, counts[DEGRADE_SWITCH_FIELDS[name]]);
  }

  signals(signals: readonly OverloadSignal[]): void {
    for (const s of signals) this.signal.set({ signal: s.name }, s.value ?? -1);
  }
}
