import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { authProblems } from '../auth/auth-problems.mapper';
import { corsResponseHeaders, isOriginAllowed, isValidOrigin } from '../cors/cors.policy';
import { problems, ProblemException } from '../http/problem.exception';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { limitsForTenant, type LimitCheck } from '../rate-limit/rate-limits.policy';
import { SiteKeyResolver, type ResolvedSiteKey } from './site-key.resolver';

/** What a site key is used for: reading the widget's public config, or opening a session. */
export type WidgetUse = 'config' | 'session';

/**
 * The rules of a publishable site key (docs/adr/0013-widget-and-site-keys.md), checked on the
 * real request in this order: per-IP rate limit (429), key known and not revoked (401), tenant
 * active (403), Origin one of the tenant's allowed origins (403; a session needs an Origin, a
 * config read from the same origin may come without one), then the tenant's rate limit and, for
 * sessions, the per-key one (429). Refusals carry CORS headers for a valid Origin, so the widget can read why.
 */
@Injectable()
export class WidgetAccess {
  constructor(
    private readonly siteKeys: SiteKeyResolver,
    private readonly tenants: TenantSettingsCache,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(request: FastifyRequest, reply: FastifyReply, key: string, use: WidgetUse): Promise<ResolvedSiteKey> {
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
    try {
      const limits = this.config.widget;
      if (use === 'session') await this.limiter.enforce(reply, 'widget_ip', request.ip, limits.sessionsPerMinutePerIp);
      else await this.limiter.enforce(reply, 'widget_config_ip', request.ip, limits.configPerMinutePerIp);
      const resolved = await this.siteKeys.resolve(key);
      const settings = await this.tenants.get(resolved.siteKey.tenantId);
      // The status comes from the settings cache alone: evt.tenant.deactivated / updated drop it
      // at once, so a pause and a resume both show on the next request. The site key's own entry
      // (cached for the TTL) would keep a resumed tenant paused until it expired.
      if (settings.status !== 'active') throw authProblems.tenantDeactivated();
      if (origin === undefined && use === 'session')
        throw problems.forbidden('ORIGIN_REQUIRED', 'A site key opens sessions only from a browser page of an allowed origin.');
      if (origin !== undefined && !isOriginAllowed(origin, settings.allowedOrigins)) {
        throw problems.forbidden('ORIGIN_NOT_ALLOWED', 'The chat is not available on this website.');
      }
      // The tenant's own limit counts its widget traffic too; a session also counts per site key.
      const tenant: LimitCheck = { kind: 'tenant', id: settings.tenantId, limit: limitsForTenant(this.config.rateLimits, settings).tenant };
      const perKey: LimitCheck[] =
        use === 'session' ? [{ kind: 'site_key', id: resolved.siteKey.id, limit: limits.sessionsPerMinutePerKey }] : [];
      await this.limiter.enforceAll(reply, [...perKey, tenant]);
      if (origin !== undefined) void reply.headers(corsResponseHeaders(origin));
      return resolved;
    } catch (error) {
      if (error instanceof ProblemException && origin !== undefined && isValidOrigin(origin))
        Object.assign(error.headers, corsResponseHeaders(origin));
      throw error;
    }
  }
}
