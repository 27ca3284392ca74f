import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import {
  parseContract,
  TenantDeactivatedEvent,
  TenantKeyRotatedEvent,
  TenantUpdatedEvent,
  type EventContract,
  type PayloadOf,
} from '@parley/contracts';
import { decodeJson, NatsClient } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { IdentityProviderResolver } from './idp/identity-provider.resolver';
import { UserTokenStateCache } from './user-token-state.cache';

/**
 * Keeps the gateway's in-memory caches honest. Every gateway replica must see every event, so
 * these are plain NATS core subscriptions (no queue group, no durable consumer): JetStream
 * publishes reach core subscribers too. A missed event is bounded by the caches' TTLs.
 *  - evt.tenant.key_rotated.*: drop the retired keys' verifications;
 *  - evt.tenant.deactivated.*: drop the tenant's keys and settings;
 *  - evt.tenant.updated.*: drop the tenant's settings (status after a reactivation, rate limit, origins),
 *    its users' token states (a user disabled, password or role changed: changedFields ['users'])
 *    and its identity providers (changedFields ['identity_providers']).
 */
@Injectable()
export class TenantEventsListener implements OnModuleInit, BeforeApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nats: NatsClient,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly tenants: TenantSettingsCache,
    private readonly userStates: UserTokenStateCache,
    private readonly identityProviders: IdentityProviderResolver,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.listen(TenantKeyRotatedEvent, (event) => {
      for (const keyId of event.revokedKeyIds) this.apiKeys.invalidateKey(keyId);
    });
    this.listen(TenantDeactivatedEvent, (event) => {
      this.apiKeys.invalidateTenant(event.tenantId);
      this.tenants.invalidate(event.tenantId);
    });
    this.listen(TenantUpdatedEvent, (event) => {
      this.tenants.invalidate(event.tenantId);
      this.userStates.invalidateTenant(event.tenantId);
      this.identityProviders.invalidateTenant(event.tenantId);
    });
  }

  beforeApplicationShutdown(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  private listen<C extends EventContract>(contract: C, apply: (event: PayloadOf<C>) => void): void {
    const subject = this.nats.namer.subject(contract.pattern);
    const subscription = this.nats.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) {
          this.logger.warn({ err, subject }, 'tenant event subscription error');
          return;
        }
        const decoded = decodeJson(msg.data);
        const parsed = decoded.ok ? parseContract(contract, decoded.value) : undefined;
        if (!parsed?.ok) {
          this.logger.warn({ subject: msg.subject }, 'ignored an unreadable tenant event');
          return;
        }
        apply(parsed.value);
      },
    });
    this.subscriptions.push(subscription);
  }
}
