import { Inject, Injectable } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import {
  parseContract,
  TenantDeactivatedEvent,
  TenantKeyRotatedEvent,
  TenantUpdatedEvent,
  type EventContract,
  type PayloadOf,
} from '@parley/contracts';
import { decodeJson, NatsClient, type MessagingConnection } from '@parley/messaging';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';
import { DegradeState } from '../degrade/degrade.state';
import { ChatIntegrations } from '../tools/chat-integrations.provider';
import { TenantToolsetCache } from '../tools/tenant-toolset.cache';
import { TenantRuntimeCache } from './tenant-runtime.cache';

const INTEGRATION_FIELD = 'integration:';

/**
 * Keeps the TenantRuntimeCache and the TenantToolsetCache honest. Every chat replica must see every event, so these are
 * plain NATS core subscriptions (no queue group, no durable consumer; JetStream publishes
 * reach core subscribers too), as in the gateway's TenantEventsListener. evt.tenant.updated,
 * key_rotated and deactivated drop the tenant's entry (and an updated event naming
 * `integration:<id>` that integration's circuit breaker); after a NATS reconnect (events may have
 * been missed meanwhile) the whole cache is dropped. Anything else missed is bounded by the
 * cache's TTL. Started by ChatLifecycle before the turn handlers register.
 */
@Injectable()
export class TenantEventsListener {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(NatsClient) private readonly client: MessagingConnection,
    private readonly cache: TenantRuntimeCache,
    private readonly toolsets: TenantToolsetCache,
    private readonly degrade: DegradeState,
    private readonly integrations: ChatIntegrations,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
  ) {}

  start(): void {
    const drop = (event: { tenantId: string }) => {
      this.cache.invalidate(event.tenantId);
      this.toolsets.invalidate(event.tenantId);
      // Also the owner's degrade switches: the platform's arrive as tenant PLATFORM_TENANT_ID.
      this.degrade.invalidate(event.tenantId);
    };
    this.listen(TenantUpdatedEvent, (event) => {
      drop(event);
      // An edited or deleted integration (`integration:<id>`, from provisioning): its breaker goes too.
      for (const field of event.changedFields) {
        if (field.startsWith(INTEGRATION_FIELD)) this.integrations.executor.forget(field.slice(INTEGRATION_FIELD.length));
      }
    });
    this.listen(TenantKeyRotatedEvent, drop);
    this.listen(TenantDeactivatedEvent, drop);
    void this.watchReconnects();
  }

  /** Ensures the subscriptions are registered with the server (tests, start-up). */
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

  private async watchReconnects(): Promise<void> {
    try {
      for await (const status of this.client.nc.status()) {
        if (status.type !== 'reconnect') continue;
        this.cache.clear();
        this.toolsets.clear();
        this.degrade.clear();
      }
    } catch {
      // The connection closed: nothing left to watch.
    }
  }
}
