import type { Subscription } from '@nats-io/nats-core';
import {
  parseContract,
  TenantDeactivatedEvent,
  TenantKeyRotatedEvent,
  TenantUpdatedEvent,
  type EventContract,
  type PayloadOf,
  type TenantDeactivated,
  type TenantKeyRotated,
  type TenantUpdated,
} from '@parley/contracts';
import type { MessagingConnection } from '../connection/nats-client';
import type { MessagingLogger } from '../observability/messaging-logger';
import { decodeJson } from '../publishing/json-codec';

/** What a service does with the tenant events (any may be left out). */
export interface TenantEventHandlers {
  updated?: (event: TenantUpdated) => void;
  keyRotated?: (event: TenantKeyRotated) => void;
  deactivated?: (event: TenantDeactivated) => void;
  /** NATS reconnected: events may have been missed meanwhile (drop every cached tenant). */
  reconnected?: () => void;
}

/**
 * The evt.tenant.updated / key_rotated / deactivated events as every replica of a service needs
 * them to keep its in-memory tenant caches (TenantKeyedCache) honest: plain NATS core
 * subscriptions (no queue group, no durable consumer; JetStream publishes reach core subscribers
 * too), each event validated by its contract (an unreadable one is logged and ignored), and a
 * callback after each reconnect. An event missed for another reason is bounded by the caches' TTL.
 */
export class TenantEventsSubscriber {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly client: MessagingConnection,
    private readonly logger: MessagingLogger,
  ) {}

  start(handlers: TenantEventHandlers): void {
    if (handlers.updated) this.listen(TenantUpdatedEvent, handlers.updated);
    if (handlers.keyRotated) this.listen(TenantKeyRotatedEvent, handlers.keyRotated);
    if (handlers.deactivated) this.listen(TenantDeactivatedEvent, handlers.deactivated);
    if (handlers.reconnected) void this.watchReconnects(handlers.reconnected);
  }

  /** Resolves once the subscriptions are registered with the server (tests, start-up). */
  async ready(): Promise<void> {
    await this.client.nc.flush();
  }

  stop(): void {
    for (const subscription of this.subscriptions.splice(0)) if (!subscription.isClosed()) subscription.unsubscribe();
  }

  private listen<C extends EventContract>(contract: C, apply: (event: PayloadOf<C>) => void): void {
    const subject = this.client.namer.subject(contract.pattern);
    const subscription = this.client.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return this.logger.warn({ err, subject }, 'tenant event subscription error');
        const decoded = decodeJson(msg.data);
        const parsed = decoded.ok ? parseContract(contract, decoded.value) : undefined;
        if (!parsed?.ok) return this.logger.warn({ subject: msg.subject }, 'ignored an unreadable tenant event');
        apply(parsed.value);
      },
    });
    this.subscriptions.push(subscription);
  }

  private async watchReconnects(reconnected: () => void): Promise<void> {
    try {
      for await (const status of this.client.nc.status()) if (status.type === 'reconnect') reconnected();
    } catch {
      // The connection closed: nothing left to watch.
    }
  }
}
