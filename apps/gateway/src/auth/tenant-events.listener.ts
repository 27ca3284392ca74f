import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { NatsClient, TenantEventsSubscriber } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { IdentityProviderResolver } from './idp/identity-provider.resolver';
import { UserTokenStateCache } from './user-token-state.cache';

/**
 * Keeps the gateway's in-memory caches honest through libs/messaging's TenantEventsSubscriber
 * (plain NATS core subscriptions: every gateway replica sees every event). A missed event is
 * bounded by the caches' TTLs.
 *  - evt.tenant.key_rotated.*: drop the retired keys' verifications;
 *  - evt.tenant.deactivated.*: drop the tenant's keys and settings;
 *  - evt.tenant.updated.*: drop the tenant's settings (status after a reactivation, rate limit, origins),
 *    its users' token states (a user disabled, password or role changed: changedFields ['users'])
 *    and its identity providers (changedFields ['identity_providers']).
 */
@Injectable()
export class TenantEventsListener implements OnModuleInit, BeforeApplicationShutdown {
  private readonly events: TenantEventsSubscriber;

  constructor(
    nats: NatsClient,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly tenants: TenantSettingsCache,
    private readonly userStates: UserTokenStateCache,
    private readonly identityProviders: IdentityProviderResolver,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.events = new TenantEventsSubscriber(nats, logger);
  }

  onModuleInit(): void {
    this.events.start({
      keyRotated: (event) => {
        for (const keyId of event.revokedKeyIds) this.apiKeys.invalidateKey(keyId);
      },
      deactivated: (event) => {
        this.apiKeys.invalidateTenant(event.tenantId);
        this.tenants.invalidate(event.tenantId);
      },
      updated: (event) => {
        this.tenants.invalidate(event.tenantId);
        this.userStates.invalidateTenant(event.tenantId);
        this.identityProviders.invalidateTenant(event.tenantId);
      },
    });
  }

  beforeApplicationShutdown(): void {
    this.events.stop();
  }
}
