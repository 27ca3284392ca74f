import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CHAT_DEGRADE_AUTOMATIC_SUBJECT, chatDegradeAutomaticSchema } from '@parley/contracts';
import { decodeJson, NatsClient, type MessagingConnection } from '@parley/messaging';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import type { Subscription } from '@nats-io/nats-core';
import type { Gauge } from 'prom-client';
import { AutomaticDegradeView } from './automatic-degrade.view';

/**
 * Hears chat's automatic degrade switches on CHAT_DEGRADE_AUTOMATIC_SUBJECT (NATS core, every
 * replica, every evaluate interval and on each change) and keeps them in an AutomaticDegradeView:
 * model-assisted extraction is skipped while a live chat replica runs with skip_model_extraction
 * (ADR 0022). `parley_degrade_automatic_skip_model_extraction` is 1 while it does.
 */
@Injectable()
export class AutomaticDegradeListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly view = new AutomaticDegradeView();
  private readonly gauge: Gauge;
  private subscription: Subscription | undefined;

  constructor(
    @Inject(NatsClient) private readonly nats: MessagingConnection,
    metrics: ServiceMetrics,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.gauge = metrics.gauge({
      name: 'parley_degrade_automatic_skip_model_extraction',
      help: "1 while a chat replica's automatic degrade mode skips model-assisted extraction (tenant-intelligence follows it).",
    });
    this.gauge.set(0);
  }

  onApplicationBootstrap(): void {
    const subject = this.nats.namer.subject(CHAT_DEGRADE_AUTOMATIC_SUBJECT);
    this.subscription = this.nats.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return this.logger.warn({ err, subject }, 'automatic degrade subscription error');
        const decoded = decodeJson(msg.data);
        const parsed = decoded.ok ? chatDegradeAutomaticSchema.safeParse(decoded.value) : undefined;
        if (!parsed?.success) return this.logger.warn({ subject }, 'ignored an unreadable automatic degrade message');
        this.view.record(parsed.data, Date.now());
        this.skipModelExtraction();
      },
    });
  }

  beforeApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** Whether chat's automatic mode skips model-assisted extraction now. */
  skipModelExtraction(): boolean {
    const skip = this.view.skipModelExtraction(Date.now());
    this.gauge.set(skip ? 1 : 0);
    return skip;
  }
}
