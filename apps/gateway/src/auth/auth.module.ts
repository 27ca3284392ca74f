import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SessionTokens, UserTokens } from '@parley/auth';
import type { AppConfig } from '../config/env.schema';
import { PreflightInstaller } from '../cors/preflight.installer';
import { ClientIpFallbackGuard } from '../rate-limit/client-ip-fallback.guard';
import { ClientIpLimit } from '../rate-limit/client-ip-limit.installer';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthGuard } from './auth.guard';
import { AuthMetrics } from './auth.metrics';
import { authTokenProviders } from './auth-tokens.providers';
import { TenantEventsListener } from './tenant-events.listener';
import { LoginController } from './login.controller';
import { LoginUseCase } from './login.use-case';
import { ExternalTokenAuthenticator } from './idp/external-token.authenticator';
import { IdentityProviderResolver } from './idp/identity-provider.resolver';
import { IdpSessionBinding } from './idp/idp-session-binding.service';
import { RemoteJwksRegistry } from './idp/remote-jwks.registry';
import { TokenAuthenticator } from './token.authenticator';
import { UserTokenStateCache } from './user-token-state.cache';

/**
 * Authentication for every gateway route, global so feature modules only write `@Auth(...)`:
 * the guard and what it needs (authenticators, rate limiter, the per-client-IP limit of every API
 * request: ClientIpLimit, with ClientIpFallbackGuard for routes without `@Auth`), SessionTokens and
 * UserTokens for routes that issue tokens, CORS preflight, the tenant event listener, and POST /api/v1/auth/login.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      controllers: [LoginController],
      providers: [
        LoginUseCase,
        ...authTokenProviders(config),
        ApiKeyAuthenticator,
        TokenAuthenticator,
        UserTokenStateCache,
        IdentityProviderResolver,
        RemoteJwksRegistry,
        ExternalTokenAuthenticator,
        IdpSessionBinding,
        RateLimiter,
        ClientIpLimit,
        { provide: APP_GUARD, useClass: ClientIpFallbackGuard },
        AuthMetrics,
        AuthGuard,
        TenantEventsListener,
        PreflightInstaller,
      ],
      exports: [
        SessionTokens,
        UserTokens,
        ApiKeyAuthenticator,
        TokenAuthenticator,
        UserTokenStateCache,
        IdentityProviderResolver,
        IdpSessionBinding,
        RateLimiter,
        ClientIpLimit,
        AuthMetrics,
        AuthGuard,
      ],
    };
  }
}
