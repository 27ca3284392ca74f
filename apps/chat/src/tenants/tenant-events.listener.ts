import { Inject, Injectable } from '@nestjs/common';
import { NatsClient, TenantEventsSubscriber, type MessagingConnection } from '@parley/messaging';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';
import { DegradeState } from '../degrade/degrade.state';
import { ChatIntegrations } from '../tools/chat-integrations.provider';
import { TenantToolsetCache } from '../tools/tenant-toolset.cache';
import { TenantRuntimeCache } from './tenant-runtime.cache';

const INTEGRATION_FIELD = 'integration:';

/**
 * Keeps the TenantRuntimeCache, the TenantToolsetCache and the degrade switches honest through
 * libs/messaging's TenantEventsSubscriber (plain NATS core subscriptions: every chat replica sees
 * every event). evt.tenant.updated, key_rotated and deactivated drop the tenant's entries (and an
 * updated event naming `integration:<id>` that integration's circuit breaker); after a NATS
 * reconnect (events may have been missed meanwhile) every entry is dropped. Anything else missed
 * is bounded by the caches' TTL. Started by ChatLifecycle before the turn handlers register.
 */
@Injectable()
export class TenantEventsListener {
  private readonly events: TenantEventsSubscriber;

  constructor(
    @Inject(NatsClient) client: MessagingConnection,
    private readonly cache: TenantRuntimeCache,
    private readonly toolsets: TenantToolsetCache,
    private readonly degrade: DegradeState,
    private readonly integrations: ChatIntegrations,
    @Inject(CHAT_LOGGER) logger: ChatLogger,
  ) {
    this.events = new TenantEventsSubscriber(client, {
      debug: () => undefined,
      info: (obj, msg) => logger.info(obj, msg),
      warn: (obj, msg) => logger.warn(obj, msg),
      error: (obj, msg) => logger.error(obj, msg),
    });
  }

  start(): void {
    const drop = ({ tenantId }: { tenantId: string }) => {
      this.cache.invalidate(tenantId);
      this.toolsets.invalidate(tenantId);
      // Also the owner's degrade switches: the platform's arrive as tenant PLATFORM_TENANT_ID.
      this.degrade.invalidate(tenantId);
    };
    this.events.start({
      updated: (event) => {
        drop(event);
        // An edited or deleted integration (`integration:<id>`, from provisioning): its breaker goes too.
        for (const field of event.changedFields) {
          if (field.startsWith(INTEGRATION_FIELD)) this.integrations.executor.forget(field.slice(INTEGRATION_FIELD.length));
        }
      },
      keyRotated: drop,
      deactivated: drop,
      reconnected: () => {
        this.cache.clear();
        this.toolsets.clear();
        this.degrade.clear();
      },
    });
  }

  /** Ensures the subscriptions are registered with the server (tests, start-up). */
  ready(): Promise<void> {
    return this.events.ready();
  }

  stop(): void {
    this.events.stop();
  }
}
