import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { PlanFeature } from '@parley/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { corsResponseHeaders, isOriginAllowed } from '../cors/cors.policy';
import { problems } from '../http/problem.exception';
import { TenantSettingsCache, type TenantSettings } from '../http/tenant-settings.cache';
import { PLAN_FEATURE, planFeatureRefusal } from '../quota/plan-feature.decorators';
import { QUOTA_ENFORCED, startQuotaCheck } from '../quota/quota-check.request';
import { QuotaService } from '../quota/quota.service';
import { clientIpBucket } from '../rate-limit/client-ip.util';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { ClientIpLimit } from '../rate-limit/client-ip-limit.installer';
import { limitsForTenant, principalLimitChecks, type LimitCheck } from '../rate-limit/rate-limits.policy';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthMetrics, type AuthStep } from './auth.metrics';
import { authProblems } from './auth-problems.mapper';
import { AUTH_KINDS, RATE_LIMITED, SESSION_PARAM, STAFF_ROLES, type AuthKinds, type StaffRole } from './auth.metadata';
import { parseCredentials, type PresentedCredential } from './credentials.parser';
import type { Principal } from './principal.types';
import './principal.request';
import { TokenAuthenticator } from './token.authenticator';

type TenantPrincipal = Exclude<Principal, { kind: 'owner' }>;

/**
 * The one guard of the gateway (applied by `@Auth(...)`), in this order:
 * credentials -> principal (401), accepted kind and staff role (403), the route's session
 * (403), then for tenant principals: tenant active (403), CORS origin when an Origin header is
 * present (403, no CORS headers), the plan's `@RequiresPlanFeature()` (403 `plan-feature`), and
 * `@RateLimited()` (429); on `@QuotaEnforced()` routes it starts the tenant's quota read beside
 * that round trip (QuotaGuard decides on it afterwards). Nothing reaches the handler
 * before all of them pass, so a refused request has no side effect. The client IP's limit
 * (ClientIpLimit) comes before all of them: counted here, when the IP hook left it to the
 * guard, in the rate limits' round trip, or alone before a 401/403 (or a credential lookup).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly tokens: TokenAuthenticator,
    private readonly tenants: TenantSettingsCache,
    private readonly limiter: RateLimiter,
    private readonly clientIp: ClientIpLimit,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
    @Inject(AuthMetrics) private readonly metrics: AuthMetrics,
    @Optional() @Inject(QuotaService) private readonly quota?: QuotaService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const kinds = this.reflector.getAllAndOverride<AuthKinds | undefined>(AUTH_KINDS, targets);
    if (!kinds || kinds.length === 0) throw new Error('AuthGuard used without @Auth(...kinds)');
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();

    let mark = performance.now();
    const lap = (step: AuthStep, kind: Principal['kind']) => {
      const now = performance.now();
      this.metrics.step(step, kind, (now - mark) / 1000);
      mark = now;
    };
    const credential = parseCredentials(request.headers);
    // The client IP's bucket, when the IP hook left it to this guard (ClientIpLimit). Counted
    // alone first when checking the credential would need a lookup, so a full bucket costs none.
    let ip = this.clientIp.claim(request);
    if (ip && !this.answersFromMemory(credential)) {
      await this.clientIp.enforce(request, reply, ip);
      ip = undefined;
    }
    let admitted: { principal: Principal; settings?: TenantSettings };
    try {
      admitted = await this.admit(request, reply, credential, kinds, targets, lap);
    } catch (refusal) {
      // A full IP bucket answers 429 before any 401 or 403.
      if (ip) await this.clientIp.enforce(request, reply, ip);
      throw refusal;
    }
    const { principal, settings } = admitted;
    // A turn route's quota read goes out with the rate limits' round trip; QuotaGuard decides on it after this guard.
    if (this.quota && principal.kind !== 'owner' && this.reflector.getAllAndOverride<boolean | undefined>(QUOTA_ENFORCED, targets)) {
      startQuotaCheck(this.quota, request, principal.tenantId);
    }
    if (principal.kind !== 'owner' && settings && this.reflector.getAllAndOverride<boolean | undefined>(RATE_LIMITED, targets)) {
      await this.enforceRateLimit(request, reply, principal, settings, ip);
      lap('rate_limit', principal.kind);
    } else if (ip) {
      await this.clientIp.enforce(request, reply, ip);
    }
    request.principal = principal;
    return true;
  }

  /** Every check before the rate limits: credential (401), kind and role, session, tenant, origin, plan feature (403). */
  private async admit(
    request: FastifyRequest,
    reply: FastifyReply,
    credential: PresentedCredential,
    kinds: AuthKinds,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
    lap: (step: AuthStep, kind: Principal['kind']) => void,
  ): Promise<{ principal: Principal; settings?: TenantSettings }> {
    const principal = await this.authenticate(credential, request);
    lap('credentials', principal.kind);
    if (!kinds.includes(principal.kind)) throw authProblems.wrongKind(kinds);
    const roles = this.reflector.getAllAndOverride<readonly StaffRole[] | undefined>(STAFF_ROLES, targets);
    if (principal.kind === 'staff' && roles && !roles.includes(principal.role)) throw authProblems.insufficientRole();
    const sessionParam = this.reflector.getAllAndOverride<string | undefined>(SESSION_PARAM, targets);
    if (principal.kind === 'session' && sessionParam) {
      const named = (request.params as Record<string, string | undefined> | undefined)?.[sessionParam];
      if (named !== undefined && named !== principal.sessionId) throw authProblems.sessionMismatch();
    }
    if (principal.kind === 'owner') return { principal };

    const settings = await this.tenants.get(principal.tenantId);
    if (settings.status !== 'active') throw authProblems.tenantDeactivated();
    this.enforceOrigin(request, reply, principal, settings);
    const feature = this.reflector.getAllAndOverride<PlanFeature | undefined>(PLAN_FEATURE, targets);
    // A user of the tenant's identity provider (end user or mapped staff) needs the feature on every route.
    const viaIdp = principal.kind === 'idp_user' || (principal.kind === 'staff' && principal.idp !== undefined);
    const refusal =
      (feature && planFeatureRefusal(settings.plan, feature)) ||
      (viaIdp ? planFeatureRefusal(settings.plan, 'identity_providers') : undefined);
    if (refusal) throw refusal;
    lap('tenant', principal.kind);
    return { principal, settings };
  }

  /** Whether checking the credential needs no lookup: refused as presented, a cached API key, or one of Parley's own tokens. */
  private answersFromMemory(credential: PresentedCredential): boolean {
    switch (credential.type) {
      case 'api_key':
        return this.apiKeys.isCached(credential.key);
      case 'bearer':
        return this.tokens.verifiesLocally(credential.token);
      case 'missing':
      case 'invalid':
        return true;
    }
  }

  private async authenticate(credential: PresentedCredential, request: FastifyRequest): Promise<Principal> {
    switch (credential.type) {
      case 'api_key':
        return this.apiKeys.authenticate(credential.key);
      case 'bearer':
        return this.tokens.authenticate(credential.token, request.headers['x-tenant-id']);
      case 'missing':
        throw authProblems.missing();
      case 'invalid':
        throw credential.code === 'AMBIGUOUS_CREDENTIALS' || credential.code === 'MALFORMED_CREDENTIALS'
          ? problems.badRequest(credential.code, credential.detail)
          : problems.unauthorized(credential.code, credential.detail);
    }
  }

  /** Browsers send Origin; server-to-server calls do not, and are not CORS. */
  private enforceOrigin(request: FastifyRequest, reply: FastifyReply, principal: TenantPrincipal, settings: TenantSettings): void {
    const origin = request.headers.origin;
    if (origin === undefined || principal.kind === 'staff') return;
    if (!isOriginAllowed(origin, settings.allowedOrigins)) {
      throw problems.forbidden('ORIGIN_NOT_ALLOWED', 'This origin is not allowed for the tenant.');
    }
    void reply.headers(corsResponseHeaders(origin));
  }

  /**
   * The credential's own limit (API key, session or user), the tenant's and the plan's per-IP
   * one, all or nothing, with the client IP's (`ip`, counted whatever they answer) in one round trip.
   */
  private async enforceRateLimit(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: TenantPrincipal,
    settings: TenantSettings,
    ip: LimitCheck | undefined,
  ): Promise<void> {
    const limits = limitsForTenant(this.config.rateLimits, settings);
    await this.limiter.enforceAll(reply, principalLimitChecks(principal, limits, clientIpBucket(request.ip)), ip ? [ip] : []);
  }
}
