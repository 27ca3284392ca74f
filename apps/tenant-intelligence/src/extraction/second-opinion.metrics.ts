import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@parley/observability';
import type { Counter } from 'prom-client';
import type { SecondOpinion } from './second-opinion.rules';

/**
 * parley_signal_second_opinions_total{signal,outcome}: how often the tenant's model agrees with
 * the inline classifier on urgency and safety, and which way it disagrees. A rising model_only
 * share means the classifier misses what the models see: the late-flagged messages (message_signals
 * label late_flag) are the material to relabel and retrain from (docs/signals.md).
 */
@Injectable()
export class SecondOpinionMetrics {
  private readonly opinions: Counter<'signal' | 'outcome'>;

  constructor(@Inject(ServiceMetrics) metrics: ServiceMetrics) {
    this.opinions = metrics.counter({
      name: 'parley_signal_second_opinions_total',
      help: "Customer messages the tenant's model read again for urgency and safety, by signal and outcome (agree_flagged, agree_clear, model_only, inline_only).",
      labelNames: ['signal', 'outcome'],
    });
  }

  count(opinions: readonly SecondOpinion[]): void {
    for (const o of opinions) this.opinions.inc({ signal: o.signal, outcome: o.outcome });
  }
}
