import {
  limitsForTenant,
  planOverrides,
  principalLimitChecks,
  resolveRateLimits,
  tenantOverrides,
  type RateLimits,
} from '../rate-limits.policy';

const DEFAULTS: RateLimits = { apiKey: 60, session: 60, user: 300, tenant: 3000, ip: 1200 };

describe('rate limit lookup', () => {
  it('uses the gateway defaults when no layer sets a limit', () => {
    expect(resolveRateLimits(DEFAULTS)).toEqual(DEFAULTS);
    expect(resolveRateLimits(DEFAULTS, undefined, {})).toEqual(DEFAULTS);
  });

  it('takes each limit from the first layer that sets it', () => {
    const tenant = { apiKey: 5 };
    const plan = { apiKey: 100, tenant: 500, user: 50 };
    expect(resolveRateLimits(DEFAULTS, tenant, plan)).toEqual({ apiKey: 5, session: 60, user: 50, tenant: 500, ip: 1200 });
    expect(resolveRateLimits(DEFAULTS, undefined, plan)).toEqual({ apiKey: 100, session: 60, user: 50, tenant: 500, ip: 1200 });
  });

  it('never changes the defaults it was given', () => {
    resolveRateLimits(DEFAULTS, { apiKey: 1 });
    expect(DEFAULTS.apiKey).toBe(60);
  });

  it("reads the tenant's rateLimitPerMinute as its limit per API key and per session", () => {
    expect(tenantOverrides({ rateLimitPerMinute: 7 })).toEqual({ apiKey: 7, session: 7 });
    expect(tenantOverrides({ rateLimitPerMinute: null })).toEqual({});
    expect(resolveRateLimits(DEFAULTS, tenantOverrides({ rateLimitPerMinute: 7 }))).toEqual({ ...DEFAULTS, apiKey: 7, session: 7 });
  });

  const NO_PLAN_LIMITS = { userRateLimitPerMinute: null, tenantRateLimitPerMinute: null, ipRateLimitPerMinute: null };

  it("reads a plan's rateLimitPerMinute as its tenants' limit per API key and per session", () => {
    expect(planOverrides({ rateLimitPerMinute: 30, ...NO_PLAN_LIMITS })).toEqual({ apiKey: 30, session: 30 });
    expect(planOverrides({ rateLimitPerMinute: null, ...NO_PLAN_LIMITS })).toEqual({});
    expect(planOverrides(null)).toEqual({});
  });

  it("reads a plan's user, tenant and IP limits, each left to the default when null", () => {
    const plan = { rateLimitPerMinute: null, userRateLimitPerMinute: 40, tenantRateLimitPerMinute: 900, ipRateLimitPerMinute: 25 };
    expect(planOverrides(plan)).toEqual({ user: 40, tenant: 900, ip: 25 });
    expect(planOverrides({ ...plan, userRateLimitPerMinute: null, ipRateLimitPerMinute: null })).toEqual({ tenant: 900 });
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: 7, plan })).toEqual({
      apiKey: 7,
      session: 7,
      user: 40,
      tenant: 900,
      ip: 25,
      tenantIp: 25,
    });
  });

  it("puts the tenant's own limit before its plan's, and the plan's before the defaults", () => {
    const plan = { rateLimitPerMinute: 30, ...NO_PLAN_LIMITS };
    const noTenantIp = { ...DEFAULTS, tenantIp: null };
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: 7, plan })).toEqual({ ...noTenantIp, apiKey: 7, session: 7 });
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: null, plan })).toEqual({ ...noTenantIp, apiKey: 30, session: 30 });
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: null, plan: null })).toEqual(noTenantIp);
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: null, plan: { ...plan, rateLimitPerMinute: null } })).toEqual(noTenantIp);
  });

  it("counts a request in its tenant's bucket per client IP only when the plan sets an IP limit", () => {
    const principal = { kind: 'api_key' as const, tenantId: 't1', apiKeyId: 'k1' };
    expect(principalLimitChecks(principal, { ...DEFAULTS, tenantIp: 25 }, '203.0.113.9')).toEqual([
      { kind: 'api_key', id: 'k1', limit: 60 },
      { kind: 'tenant', id: 't1', limit: 3000 },
      { kind: 'tenant_ip', id: 't1:203.0.113.9', limit: 25 },
    ]);
    expect(principalLimitChecks(principal, { ...DEFAULTS, tenantIp: null }, '203.0.113.9')).toHaveLength(2);
  });

  it("counts a request in its credential's bucket and its tenant's", () => {
    const limits = { ...DEFAULTS, apiKey: 7, session: 8 };
    expect(principalLimitChecks({ kind: 'api_key', tenantId: 't1', apiKeyId: 'k1' }, limits)).toEqual([
      { kind: 'api_key', id: 'k1', limit: 7 },
      { kind: 'tenant', id: 't1', limit: 3000 },
    ]);
    expect(principalLimitChecks({ kind: 'session', tenantId: 't1', sessionId: 's1' }, limits)).toEqual([
      { kind: 'session', id: 's1', limit: 8 },
      { kind: 'tenant', id: 't1', limit: 3000 },
    ]);
    expect(principalLimitChecks({ kind: 'staff', tenantId: 't1', userId: 'u1', role: 'tenant_agent' }, limits)).toEqual([
      { kind: 'user', id: 'u1', limit: 300 },
      { kind: 'tenant', id: 't1', limit: 3000 },
    ]);
    const idpUser = { kind: 'idp_user' as const, tenantId: 't1', userId: 'idp-u2', externalUserId: 'sub-2', providerId: 'p1' };
    expect(principalLimitChecks(idpUser, limits)).toEqual([
      { kind: 'user', id: 'idp-u2', limit: 300 },
      { kind: 'tenant', id: 't1', limit: 3000 },
    ]);
  });
});
