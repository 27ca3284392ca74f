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

  it("reads a plan's rateLimitPerMinute as its tenants' limit per API key and per session", () => {
    expect(planOverrides({ rateLimitPerMinute: 30 })).toEqual({ apiKey: 30, session: 30 });
    expect(planOverrides({ rateLimitPerMinute: null })).toEqual({});
    expect(planOverrides(null)).toEqual({});
  });

  it("puts the tenant's own limit before its plan's, and the plan's before the defaults", () => {
    const plan = { rateLimitPerMinute: 30 };
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: 7, plan })).toEqual({ ...DEFAULTS, apiKey: 7, session: 7 });
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: null, plan })).toEqual({ ...DEFAULTS, apiKey: 30, session: 30 });
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: null, plan: null })).toEqual(DEFAULTS);
    expect(limitsForTenant(DEFAULTS, { rateLimitPerMinute: null, plan: { rateLimitPerMinute: null } })).toEqual(DEFAULTS);
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
